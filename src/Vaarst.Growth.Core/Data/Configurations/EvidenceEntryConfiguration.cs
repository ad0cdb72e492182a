using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class EvidenceEntryConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> builder)
    {
        builder.ToTable("Evidence");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.Url).HasMaxLength(2048);
        builder.Property(e => e.LinkKind).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.FileSha256).HasMaxLength(64);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.OwnerId, e.IsArchived });
        builder.HasOne(e => e.Owner).WithMany().HasForeignKey(e => e.OwnerId);
    }
}
