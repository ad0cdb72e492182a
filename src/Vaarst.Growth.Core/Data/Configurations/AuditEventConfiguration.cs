using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(TextLimits.PersonName);
        builder.Property(a => a.Type).HasMaxLength(TextLimits.AuditType);
        builder.Property(a => a.SubjectType).HasMaxLength(TextLimits.AuditSubject);
        builder.Property(a => a.SubjectId).HasMaxLength(TextLimits.AuditSubject);
        builder.Property(a => a.Summary).HasMaxLength(TextLimits.AuditSummary);
        builder.HasIndex(a => a.OccurredAtUtc);
        builder.HasIndex(a => new { a.PersonId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.Type, a.OccurredAtUtc });
        // An item's history reads its events by subject; the table only grows.
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ActorId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}
