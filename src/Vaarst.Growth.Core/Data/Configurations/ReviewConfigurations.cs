using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Rating).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(i => i.NotApplicableReason).HasMaxLength(TextLimits.Reason);
        builder.Property(i => i.ReconfirmationReason).HasMaxLength(TextLimits.Reason);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.PersonId, i.StatementId }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.SubmittedAtUtc });
        // The review queue: a reviewer's few reports × the two waiting states. Without it SQLite (which keeps no
        // statistics unless ANALYZE runs) reads every submitted and signed-off item of the organisation.
        builder.HasIndex(i => new { i.Status, i.PersonId });
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId);
        builder.HasOne(i => i.Statement).WithMany().HasForeignKey(i => i.StatementId);
    }
}

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(TextLimits.Code);
        builder.Property(d => d.Comment).HasMaxLength(TextLimits.Comment);
        builder.HasIndex(d => new { d.ChecklistItemId, d.DecidedAtUtc });
        builder.HasOne(d => d.ChecklistItem).WithMany(i => i.Decisions).HasForeignKey(d => d.ChecklistItemId);
        builder.HasOne(d => d.Reviewer).WithMany().HasForeignKey(d => d.ReviewerId);
        // Decisions are never deleted; no cascade along the history (SQL Server also refuses a cascading self-reference).
        builder.HasOne<ReviewDecision>().WithMany().HasForeignKey(d => d.UndoesDecisionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class EvidenceSupportConfiguration : IEntityTypeConfiguration<EvidenceSupport>
{
    public void Configure(EntityTypeBuilder<EvidenceSupport> builder)
    {
        builder.HasKey(s => new { s.EvidenceId, s.ChecklistItemId });
        builder.HasIndex(s => s.ChecklistItemId);
        builder.HasOne(s => s.Evidence).WithMany(e => e.Supports).HasForeignKey(s => s.EvidenceId);
        builder.HasOne(s => s.ChecklistItem).WithMany().HasForeignKey(s => s.ChecklistItemId);
    }
}
