using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Data;

/// <remarks>
/// Also holds the ASP.NET Core Data Protection keys (<see cref="StoredKey"/>; the Web project reads and writes them), so
/// every app instance on the database shares sign-in cookies.
/// </remarks>
public sealed class GrowthDbContext(DbContextOptions<GrowthDbContext> options) : DbContext(options)
{
    public DbSet<StoredKey> DataProtectionKeys => Set<StoredKey>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
    public DbSet<Craft> Crafts => Set<Craft>();
    public DbSet<Level> Levels => Set<Level>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementRevision> StatementRevisions => Set<StatementRevision>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<EvidenceEntry> Evidence => Set<EvidenceEntry>();
    public DbSet<EvidenceSupport> EvidenceSupports => Set<EvidenceSupport>();
    public DbSet<Corroboration> Corroborations => Set<Corroboration>();
    public DbSet<GitHubConnection> GitHubConnections => Set<GitHubConnection>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Gap.DevelopmentPlan> DevelopmentPlans => Set<Gap.DevelopmentPlan>();
    public DbSet<Calibration.ReopenRequest> ReopenRequests => Set<Calibration.ReopenRequest>();
    public DbSet<Calibration.PromotionCycle> PromotionCycles => Set<Calibration.PromotionCycle>();
    public DbSet<Calibration.CalibrationSession> CalibrationSessions => Set<Calibration.CalibrationSession>();
    public DbSet<Calibration.PanelMember> PanelMembers => Set<Calibration.PanelMember>();
    public DbSet<Calibration.Nomination> Nominations => Set<Calibration.Nomination>();
    public DbSet<Calibration.PreRead> PreReads => Set<Calibration.PreRead>();
    public DbSet<Calibration.IdentityReveal> IdentityReveals => Set<Calibration.IdentityReveal>();
    public DbSet<Calibration.DossierSnapshot> DossierSnapshots => Set<Calibration.DossierSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GrowthDbContext).Assembly);

        // Career records are never cascade-deleted (and SQL Server rejects the multiple cascade paths
        // that people ↔ items ↔ decisions would otherwise create).
        foreach (var foreignKey in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
        }

        TextIdentity.Configure(modelBuilder, Database);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareForSave()
    {
        TextLimits.EnsureWithinLimits(ChangeTracker);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only: they are never updated or deleted.");
            }

            if (entry.Entity is Calibration.DossierSnapshot && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Frozen records are immutable: a captured dossier is never updated or deleted.");
            }

            if (entry is { Entity: Person person, State: EntityState.Modified } && entry.Property(nameof(Person.IsActive)).IsModified
                && !Equals(entry.Property(nameof(Person.IsActive)).OriginalValue, person.IsActive))
            {
                // Deactivating (or reactivating) someone ends every session they had: a cookie or an open tab from
                // before carries the old stamp and is refused (see Authority), whichever use case changed the flag.
                person.SecurityStamp = Person.NewSecurityStamp();
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                // The original value stays in the WHERE clause; a concurrent save that got there first makes
                // this one affect no row, which EF reports as DbUpdateConcurrencyException.
                versioned.Version++;
            }
        }
    }
}
