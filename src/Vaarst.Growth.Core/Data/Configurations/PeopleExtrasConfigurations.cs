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

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.PersonId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(TextLimits.NotificationKind);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.Channel).HasMaxLength(TextLimits.OutboxChannel);
        builder.Property(o => o.Kind).HasMaxLength(TextLimits.NotificationKind);
        builder.Property(o => o.Link).HasMaxLength(TextLimits.NotificationLink);
        builder.Property(o => o.Payload).HasMaxLength(TextLimits.OutboxPayload);
        builder.Property(o => o.DigestDate).HasMaxLength(TextLimits.OutboxDigestDate);
        builder.Property(o => o.LastError).HasMaxLength(TextLimits.OutboxError);
        builder.Property(o => o.SkippedReason).HasMaxLength(TextLimits.OutboxError);
        // The sender's query: what is waiting and due.
        builder.HasIndex(o => new { o.SentAtUtc, o.SkippedReason, o.NextAttemptAtUtc });
        // One digest per person and local date.
        builder.HasIndex(o => new { o.RecipientId, o.DigestDate }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.RecipientId);
    }
}
