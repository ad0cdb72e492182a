using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class EvidenceEntryConfiguration : IEntityTypeConfiguration<EvidenceEntry>
{
    public void Configure(EntityTypeBuilder<EvidenceEntry> builder)
    {
        builder.ToTable("Evidence");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(e => e.Title).HasMaxLength(TextLimits.EvidenceTitle);
        builder.Property(e => e.Description).HasMaxLength(TextLimits.EvidenceDescription);
        builder.Property(e => e.Url).HasMaxLength(TextLimits.Url);
        builder.Property(e => e.LinkKind).HasMaxLength(TextLimits.LinkKind);
        builder.Property(e => e.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(e => e.ContentType).HasMaxLength(TextLimits.ContentType);
        builder.Property(e => e.FileSha256).HasMaxLength(TextLimits.Sha256Hex);
        builder.Property(e => e.ContentHash).HasMaxLength(TextLimits.Sha256Hex);
        builder.Property(e => e.Provider).HasMaxLength(TextLimits.Provider);
        builder.Property(e => e.ExternalId).HasMaxLength(TextLimits.ExternalId);
        builder.Property(e => e.Repository).HasMaxLength(TextLimits.Repository);
        builder.HasIndex(e => new { e.Provider, e.ExternalId }).IsUnique();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.OwnerId, e.IsArchived });
        builder.HasOne(e => e.Owner).WithMany().HasForeignKey(e => e.OwnerId);
    }
}
