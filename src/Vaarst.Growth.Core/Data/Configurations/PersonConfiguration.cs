using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.EntraObjectId).HasMaxLength(64);
        builder.Property(p => p.Specialism).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.SecurityStamp).HasMaxLength(32);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.EntraObjectId).IsUnique();
        builder.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId);
        builder.HasOne(p => p.Craft).WithMany().HasForeignKey(p => p.CraftId);
    }
}
