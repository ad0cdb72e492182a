using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class CalibrationSessionConfiguration : IEntityTypeConfiguration<CalibrationSession>
{
    public void Configure(EntityTypeBuilder<CalibrationSession> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TextLimits.SessionName);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Chair).WithMany().HasForeignKey(s => s.ChairId);
        builder.HasOne(s => s.Cycle).WithMany().HasForeignKey(s => s.CycleId);
    }
}

internal sealed class DossierSnapshotConfiguration : IEntityTypeConfiguration<DossierSnapshot>
{
    public void Configure(EntityTypeBuilder<DossierSnapshot> builder)
    {
        builder.Property(d => d.ContentHash).HasMaxLength(TextLimits.Sha256Hex);
        builder.HasIndex(d => d.NominationId).IsUnique();
        builder.HasOne<Nomination>().WithMany().HasForeignKey(d => d.NominationId);
    }
}

internal sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<Gap.DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<Gap.DevelopmentPlan> builder)
    {
        builder.Property(p => p.Areas).HasMaxLength(TextLimits.LongText);
        builder.Property(p => p.Source).HasMaxLength(TextLimits.SessionName * 2);
        builder.Property(p => p.RevisitCycle).HasMaxLength(TextLimits.SessionName);
        builder.Ignore(p => p.AreaList);
        builder.HasIndex(p => p.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
    }
}

internal sealed class ReopenRequestConfiguration : IEntityTypeConfiguration<ReopenRequest>
{
    public void Configure(EntityTypeBuilder<ReopenRequest> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        builder.Property(r => r.PreviousDecision).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(r => r.PreviousRationale).HasMaxLength(TextLimits.LongText);
        builder.Property(r => r.PreviousPlanAreas).HasMaxLength(TextLimits.LongText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.NominationId);
        builder.HasOne(r => r.Nomination).WithMany().HasForeignKey(r => r.NominationId);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RequestedById);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ApprovedById);
    }
}

internal sealed class PromotionCycleConfiguration : IEntityTypeConfiguration<PromotionCycle>
{
    public void Configure(EntityTypeBuilder<PromotionCycle> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(TextLimits.SessionName);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.AdvancedTo).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ReleasedById);
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.HasKey(m => new { m.SessionId, m.PersonId });
        builder.HasIndex(m => m.PersonId);
        builder.HasOne<CalibrationSession>().WithMany(s => s.Members).HasForeignKey(m => m.SessionId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.Property(n => n.CaseStatement).HasMaxLength(TextLimits.LongText);
        builder.Property(n => n.Alias).HasMaxLength(TextLimits.Alias);
        builder.Property(n => n.Decision).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(n => n.DecisionRationale).HasMaxLength(TextLimits.LongText);
        builder.Property(n => n.PlanAreas).HasMaxLength(TextLimits.LongText);
        builder.HasOne<PromotionCycle>().WithMany().HasForeignKey(n => n.RevisitCycleId);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.SessionId, n.CandidateId }).IsUnique();
        builder.HasIndex(n => new { n.SessionId, n.Alias }).IsUnique();
        builder.HasIndex(n => n.CandidateId);
        builder.HasOne(n => n.Session).WithMany(s => s.Nominations).HasForeignKey(n => n.SessionId);
        builder.HasOne(n => n.Candidate).WithMany().HasForeignKey(n => n.CandidateId);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.NominatedById);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.DecidedById);
    }
}

internal sealed class PreReadConfiguration : IEntityTypeConfiguration<PreRead>
{
    public void Configure(EntityTypeBuilder<PreRead> builder)
    {
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(TextLimits.ShortCode);
        builder.Property(p => p.Note).HasMaxLength(TextLimits.LongText);
        builder.HasIndex(p => new { p.NominationId, p.PanelMemberId }).IsUnique();
        builder.HasOne<Nomination>().WithMany(n => n.PreReads).HasForeignKey(p => p.NominationId);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PanelMemberId);
    }
}

internal sealed class IdentityRevealConfiguration : IEntityTypeConfiguration<IdentityReveal>
{
    public void Configure(EntityTypeBuilder<IdentityReveal> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        builder.HasIndex(r => new { r.SessionId, r.PanelMemberId });
        builder.HasIndex(r => new { r.NominationId, r.PanelMemberId }).IsUnique();
        builder.HasOne<CalibrationSession>().WithMany().HasForeignKey(r => r.SessionId);
        builder.HasOne(r => r.Nomination).WithMany().HasForeignKey(r => r.NominationId);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PanelMemberId);
    }
}
