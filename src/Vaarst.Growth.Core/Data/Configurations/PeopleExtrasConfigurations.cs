using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.HasIndex(d => new { d.DelegateId, d.StartsOn, d.EndsOn });
        builder.HasIndex(d => d.ManagerId);
        builder.HasOne(d => d.Manager).WithMany().HasForeignKey(d => d.ManagerId);
        builder.HasOne(d => d.Delegate).WithMany().HasForeignKey(d => d.DelegateId);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.AssignedById);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(TextLimits.NotificationKind);
        builder.Property(n => n.Title).HasMaxLength(TextLimits.NotificationTitle);
        builder.Property(n => n.Link).HasMaxLength(TextLimits.NotificationLink);
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc, n.CreatedAtUtc });
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId);
    }
}
