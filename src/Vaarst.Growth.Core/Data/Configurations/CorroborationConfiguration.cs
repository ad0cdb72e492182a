using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class CorroborationConfiguration : IEntityTypeConfiguration<Corroboration>
{
    public void Configure(EntityTypeBuilder<Corroboration> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(c => c.Question).HasMaxLength(TextLimits.CorroborationQuestion);
        builder.Property(c => c.Note).HasMaxLength(TextLimits.CorroborationNote);
        builder.Property(c => c.AnsweredContentHash).HasMaxLength(TextLimits.Sha256Hex);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.EvidenceId, c.Status });
        builder.HasIndex(c => new { c.ColleagueId, c.Status });
        builder.HasOne(c => c.Evidence).WithMany(e => e.Corroborations).HasForeignKey(c => c.EvidenceId);
        builder.HasOne(c => c.Colleague).WithMany().HasForeignKey(c => c.ColleagueId);
    }
}

internal sealed class GitHubConnectionConfiguration : IEntityTypeConfiguration<GitHubConnection>
{
    public void Configure(EntityTypeBuilder<GitHubConnection> builder)
    {
        builder.Property(c => c.Login).HasMaxLength(TextLimits.GitHubLogin);
        builder.Property(c => c.ProtectedToken).HasMaxLength(TextLimits.ProtectedSecret);
        builder.Property(c => c.BaseUrl).HasMaxLength(TextLimits.Url);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId);
    }
}
