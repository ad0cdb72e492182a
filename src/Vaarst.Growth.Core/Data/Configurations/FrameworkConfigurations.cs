using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Framework;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.Source).HasMaxLength(TextLimits.FrameworkSource);
        builder.Property(v => v.Summary).HasMaxLength(TextLimits.FrameworkSummary);
    }
}

internal sealed class CraftConfiguration : IEntityTypeConfiguration<Craft>
{
    public void Configure(EntityTypeBuilder<Craft> builder)
    {
        builder.Property(c => c.FrameworkName).HasMaxLength(TextLimits.FrameworkName);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.CraftName);
        builder.HasIndex(c => new { c.FrameworkName, c.Name }).IsUnique();
    }
}

internal sealed class LevelConfiguration : IEntityTypeConfiguration<Level>
{
    public void Configure(EntityTypeBuilder<Level> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(TextLimits.LevelTitle);
        builder.Property(l => l.Permalink).HasMaxLength(TextLimits.Permalink);
        builder.Property(l => l.SourceFile).HasMaxLength(TextLimits.SourceFile);
        builder.HasIndex(l => new { l.CraftId, l.Number }).IsUnique();
        builder.HasOne(l => l.Craft).WithMany(c => c.Levels).HasForeignKey(l => l.CraftId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(l => l.IntroducedInVersionId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(l => l.LastChangedInVersionId);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TextLimits.SectionName);
        builder.HasIndex(s => new { s.LevelId, s.Name }).IsUnique();
        builder.HasOne(s => s.Level).WithMany(l => l.Sections).HasForeignKey(s => s.LevelId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(s => s.RetiredInVersionId);
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(TextLimits.AreaName);
        builder.Property(a => a.Anchor).HasMaxLength(TextLimits.AreaAnchor);
        builder.Property(a => a.Link).HasMaxLength(TextLimits.AreaLink);
        builder.HasIndex(a => new { a.SectionId, a.Anchor }).IsUnique();
        builder.HasOne(a => a.Section).WithMany(s => s.Areas).HasForeignKey(a => a.SectionId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(a => a.RetiredInVersionId);
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(TextLimits.StatementText);
        builder.HasIndex(s => s.AreaId);
        builder.HasOne(s => s.Area).WithMany(a => a.Statements).HasForeignKey(s => s.AreaId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(s => s.IntroducedInVersionId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(s => s.LastChangedInVersionId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(s => s.RetiredInVersionId);
    }
}

internal sealed class StatementRevisionConfiguration : IEntityTypeConfiguration<StatementRevision>
{
    public void Configure(EntityTypeBuilder<StatementRevision> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(TextLimits.StatementText);
        builder.HasOne<Statement>().WithMany(s => s.Revisions).HasForeignKey(r => r.StatementId);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId);
    }
}
