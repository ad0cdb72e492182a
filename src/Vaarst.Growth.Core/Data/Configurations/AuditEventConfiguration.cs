using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Type).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(64);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.HasIndex(a => a.OccurredAtUtc);
        builder.HasIndex(a => new { a.PersonId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.Type, a.OccurredAtUtc });
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ActorId);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}
