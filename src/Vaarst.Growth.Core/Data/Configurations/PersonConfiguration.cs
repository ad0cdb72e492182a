using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.PersonName);
        builder.Property(p => p.Email).HasMaxLength(TextLimits.Email);
        builder.Property(p => p.EntraObjectId).HasMaxLength(TextLimits.EntraObjectId);
        builder.Property(p => p.Specialism).HasMaxLength(TextLimits.Specialism);
        builder.Property(p => p.TimeZone).HasMaxLength(TextLimits.TimeZone);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.SecurityStamp).HasMaxLength(32);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.EntraObjectId).IsUnique();
        builder.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId);
        builder.HasOne(p => p.Craft).WithMany().HasForeignKey(p => p.CraftId);
    }
}
