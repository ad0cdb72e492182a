using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;

namespace Vaarst.Growth.Core.Data.Generation;

/// <summary>
/// Fills an empty database with a synthetic organisation at scale, for query budgets, benchmarks and load tests:
/// engineers under line managers, administrators and a calibration panel; a framework imported through the real
/// parser and <see cref="ImportFramework"/>; evidence linked to statements; ratings, submissions, sign-offs,
/// requests for changes, revocations and re-confirmations over two years (each item's status follows its last
/// decision, and every decision has its audit event); delegations; calibration sessions with nominations, pre-reads
/// and decisions. Deterministic: the same <see cref="GeneratorOptions"/> give the same rows.
/// </summary>
/// <remarks>
/// Rows are written with EF Core (so it works on either provider) in batches of engineers, with change detection off
/// and the change tracker cleared between batches, inside one transaction.
/// </remarks>
public static class OrganisationGenerator
{
    public static async Task<GeneratedOrganisation> GenerateAsync(GrowthDbContext db, GeneratorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        if (await db.People.AnyAsync(ct))
        {
            throw new ValidationException("The directory already holds people: the generator only fills an empty organisation.");
        }

        var pages = await ImportFrameworkAsync(db, options, ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var run = new Run(db, options, pages);
            var organisation = await run.WriteAsync(stopwatch, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return organisation with { Elapsed = stopwatch.Elapsed };
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Parses the generated pages and imports them as the system, as `framework import` would.</summary>
    private static async Task<int> ImportFrameworkAsync(GrowthDbContext db, GeneratorOptions options, CancellationToken ct)
    {
        var parsed = SyntheticFramework.Pages(options).Select(p => FrameworkPageParser.Parse(p.RelativePath, p.Markdown)).ToList();
        var problems = parsed.SelectMany(p => p.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The generated framework pages do not parse: " + string.Join("; ", problems));
        }

        // The import opens its own contexts (and transaction), on the same options as the caller's context.
        var factory = new SameOptionsFactory((DbContextOptions<GrowthDbContext>)db.GetService<IDbContextOptions>());
        var importedAt = new FixedClock(options.NowUtc.AddDays(-options.HistoryDays - 1));
        var pages = parsed.SelectMany(p => p.Pages).ToList();
        await new ImportFramework(factory, new InAppNotificationSender(importedAt), importedAt)
            .HandleAsync(Actor.System, new ImportFrameworkRequest(pages, $"generated (seed {options.Seed})"), ct);
        return pages.Count;
    }

    private sealed class SameOptionsFactory(DbContextOptions<GrowthDbContext> options) : IDbContextFactory<GrowthDbContext>
    {
        public GrowthDbContext CreateDbContext() => new(options);
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private sealed record FrameworkStatement(int Id, string Text, int CraftId, int Level, string Section, bool AppliesToAll);

    private sealed record EngineerPlan(Person Person, Person Manager, double Strictness);

    private sealed record PendingAudit(ChecklistItem Item, Actor Actor, DateTime At, string Type, string Summary, object Before, object After);

    /// <summary>One generation: the random sequence, the clock and the running counts.</summary>
    private sealed class Run(GrowthDbContext db, GeneratorOptions options, int pages)
    {
        private static readonly string[] FirstNames =
        [
            "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nikhil", "Olga", "Priya",
            "Quentin", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Aoife", "Bruno", "Carmen", "Dmitri", "Esme", "Farah",
        ];

        private static readonly string[] LastNames =
        [
            "Adeyemi", "Bauer", "Campbell", "Dubois", "Eriksen", "Fraser", "Garcia", "Hughes", "Ivanova", "Jensen", "Khan", "Lindqvist", "Murphy",
            "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Singh", "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zielinski",
        ];

        private static readonly string[] Repositories = ["subsea-vision", "edge-runtime", "survey-pipeline", "growth", "inspection-ml", "fleet-ops"];

        private static readonly string[] Work =
        [
            "Refactored the ingestion job", "Added retries to the uploader", "Profiled the inference service", "Wrote the migration guide",
            "Paired on the flaky test suite", "Designed the caching layer", "Led the incident review", "Tuned the detection model",
            "Automated the release checklist", "Mentored a new starter", "Reduced cold-start time", "Documented the data contract",
        ];

        private static readonly string[] RequestComments =
        [
            "Please link the pull request that shows this, not just the ticket.", "Good start: add an example where you did this without help.",
            "The evidence is about a different area; can you add something closer to the statement?", "Say a little more about your part in it.",
        ];

        private static readonly string[] SignOffComments = ["Clear evidence, well done.", "Great example.", "Agreed: this is consistent work.", "Nice write-up."];

        private readonly Random _random = new(options.Seed);
        private readonly DateTime _now = options.NowUtc;
        private readonly DateTime _start = options.NowUtc.AddDays(-options.HistoryDays);
        private int _people;
        private int _evidence;
        private int _links;
        private int _items;
        private int _decisions;
        private int _audit;
        private int _delegations;
        private int _nominations;
        private int _preReads;

        public async Task<GeneratedOrganisation> WriteAsync(Stopwatch stopwatch, CancellationToken ct)
        {
            var statements = await db.Statements.AsNoTracking()
                .Where(s => s.RetiredInVersionId == null && s.Area!.IsDefined && s.Area.RetiredInVersionId == null && s.Area.Section!.RetiredInVersionId == null
                    && s.Area.Section.Level!.Craft!.FrameworkName == GeneratorOptions.FrameworkName)
                .OrderBy(s => s.Id)
                .Select(s => new FrameworkStatement(s.Id, s.Text, s.Area!.Section!.Level!.CraftId, s.Area.Section.Level.Number, s.Area.Section.Name, s.Area.Section.AppliesToAll))
                .ToListAsync(ct);
            var craftIds = await db.Crafts.AsNoTracking().Where(c => c.FrameworkName == GeneratorOptions.FrameworkName)
                .ToDictionaryAsync(c => c.Name, c => c.Id, ct);
            var crafts = SyntheticFramework.Crafts(options).Select(c => (Id: craftIds[c.Craft], c.Specialisms)).ToList();

            var (administrators, panel, heads, managers, engineers) = await WritePeopleAsync(crafts, ct);
            var checklists = statements
                .GroupBy(s => (s.CraftId, s.Level))
                .ToDictionary(g => g.Key, g => g.ToList());

            for (var first = 0; first < engineers.Count; first += options.BatchSize)
            {
                await WriteCareerRecordsAsync(engineers.Skip(first).Take(options.BatchSize).ToList(), checklists, ct);
            }

            await WriteDelegationsAsync(managers, administrators[0], ct);
            var sessions = await WriteCalibrationAsync(engineers, panel, ct);

            var counts = new GeneratedCounts(_people, engineers.Count, heads.Count + managers.Count, panel.Count, administrators.Count, pages, statements.Count,
                _evidence, _links, _items, _decisions, _audit + 1, _delegations, sessions.Count, _nominations, _preReads);
            db.Record(Actor.System, _now, AuditEventTypes.DemoDataSeeded, "Directory", null,
                $"Generated a synthetic organisation (seed {options.Seed}): {counts.People} people, {counts.Evidence} pieces of evidence, {counts.ChecklistItems} checklist items",
                after: counts);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            return new GeneratedOrganisation(counts, stopwatch.Elapsed, administrators.Select(Of).ToList(),
                managers.Select(Of).ToList(),
                engineers.Select(e => Of(e.Person)).ToList(), panel.Select(Of).ToList(), sessions);
        }

        private async Task<(List<Person> Administrators, List<Person> Panel, List<Person> Heads, List<Person> LineManagers, List<EngineerPlan> Engineers)> WritePeopleAsync(
            List<(int Id, string[] Specialisms)> crafts, CancellationToken ct)
        {
            var administrators = Enumerable.Range(0, options.Administrators).Select(_ => NewPerson(Roles.Administrator)).ToList();
            var panel = Enumerable.Range(0, options.PanelMembers).Select(_ => NewPerson(Roles.CalibrationPanel)).ToList();
            var managerCount = (options.Engineers + options.ReportsPerManager - 1) / options.ReportsPerManager;
            var lineManagers = Enumerable.Range(0, managerCount).Select(_ => NewPerson(Roles.Manager)).ToList();

            // Line managers report to heads of engineering, about as many per head as engineers per manager.
            var heads = managerCount > 1
                ? Enumerable.Range(0, (managerCount + options.ReportsPerManager - 1) / options.ReportsPerManager).Select(_ => NewPerson(Roles.Manager)).ToList()
                : [];
            for (var m = 0; m < lineManagers.Count && heads.Count > 0; m++)
            {
                lineManagers[m].Manager = heads[m / options.ReportsPerManager];
            }

            // A manager's strictness is the chance they ask for changes on a first review; a few are outliers either way.
            var strictness = lineManagers.Select((_, m) => m % 13 == 5 ? 0.65 : m % 17 == 9 ? 0.01 : 0.12 + 0.16 * _random.NextDouble()).ToList();
            var engineers = new List<EngineerPlan>(options.Engineers);
            for (var i = 0; i < options.Engineers; i++)
            {
                var team = i / options.ReportsPerManager;
                var (craftId, specialisms) = crafts[team % crafts.Count];
                var person = NewPerson(Roles.Engineer);
                var current = 1 + _random.Next(options.Levels - 1);
                person.Manager = lineManagers[team];
                person.CraftId = craftId;
                person.Specialism = specialisms[_random.Next(specialisms.Length)];
                person.CurrentLevel = current;
                person.TargetLevel = current + 1;
                engineers.Add(new EngineerPlan(person, lineManagers[team], strictness[team]));
            }

            db.People.AddRange(administrators);
            db.People.AddRange(panel);
            db.People.AddRange(heads);
            db.People.AddRange(lineManagers);
            db.People.AddRange(engineers.Select(e => e.Person));
            await db.SaveChangesAsync(ct);
            return (administrators, panel, heads, lineManagers, engineers);
        }

        private Person NewPerson(Roles roles)
        {
            var first = FirstNames[_random.Next(FirstNames.Length)];
            var last = LastNames[_random.Next(LastNames.Length)];
            _people++;
            return new Person
            {
                Name = $"{first} {last}",
                Email = $"{first}.{last}.{_people}@generated.vaarst.example".ToLowerInvariant(),
                Roles = roles,
            };
        }

        /// <summary>A batch of engineers: their evidence, then their items with supports and decisions, then the audit trail.</summary>
        private async Task WriteCareerRecordsAsync(List<EngineerPlan> batch, Dictionary<(int CraftId, int Level), List<FrameworkStatement>> checklists, CancellationToken ct)
        {
            var evidenceOf = new Dictionary<EngineerPlan, List<(EvidenceEntry Entry, List<int> StatementIds)>>();
            foreach (var engineer in batch)
            {
                var checklist = Checklist(engineer, checklists);
                var pieces = Enumerable.Range(0, options.EvidencePerEngineer).Select(_ => NewEvidence(engineer.Person, checklist)).ToList();
                evidenceOf[engineer] = pieces;
                db.Evidence.AddRange(pieces.Select(p => p.Entry));
            }

            await db.SaveChangesAsync(ct);

            var audits = new List<PendingAudit>();
            foreach (var engineer in batch)
            {
                var checklist = Checklist(engineer, checklists);
                var touched = new Dictionary<int, (DateTime At, List<EvidenceEntry> Evidence)>();
                foreach (var (entry, statementIds) in evidenceOf[engineer])
                {
                    foreach (var statementId in statementIds)
                    {
                        var at = touched.TryGetValue(statementId, out var t) && t.At < entry.CreatedAtUtc ? t.At : entry.CreatedAtUtc;
                        var linked = t.Evidence ?? [];
                        linked.Add(entry);
                        touched[statementId] = (at, linked);
                    }
                }

                // Some statements are rated without evidence yet.
                for (var extra = _random.Next(5); extra > 0 && checklist.Count > 0; extra--)
                {
                    touched.TryAdd(checklist[_random.Next(checklist.Count)].Id, (RandomTime(_start, _now.AddDays(-1)), []));
                }

                foreach (var (statementId, (at, evidence)) in touched.OrderBy(t => t.Key))
                {
                    var item = NewItem(engineer, statementId, at, evidence, audits);
                    db.ChecklistItems.Add(item);
                    db.EvidenceSupports.AddRange(evidence.Select(entry => new EvidenceSupport { ChecklistItem = item, EvidenceId = entry.Id, LinkedAtUtc = entry.CreatedAtUtc }));
                    _links += evidence.Count;
                }
            }

            await db.SaveChangesAsync(ct);
            foreach (var audit in audits)
            {
                db.Record(audit.Actor, audit.At, audit.Type, "ChecklistItem", audit.Item.Id.ToString(), audit.Summary, audit.Before, audit.After, audit.Item.PersonId);
            }

            _audit += audits.Count;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        private static List<FrameworkStatement> Checklist(EngineerPlan engineer, Dictionary<(int CraftId, int Level), List<FrameworkStatement>> checklists) =>
            checklists.TryGetValue((engineer.Person.CraftId!.Value, engineer.Person.TargetLevel!.Value), out var level)
                ? level.Where(s => Applicability.Applies(s.AppliesToAll, s.Section, engineer.Person.Specialism)).ToList()
                : [];

        private (EvidenceEntry Entry, List<int> StatementIds) NewEvidence(Person owner, List<FrameworkStatement> checklist)
        {
            var created = RandomTime(_start, _now.AddDays(-1));
            var work = Work[_random.Next(Work.Length)];
            var entry = new EvidenceEntry
            {
                OwnerId = owner.Id,
                Title = work,
                WorkDate = DateOnly.FromDateTime(created.AddDays(-_random.Next(14))),
                Description = _random.Next(3) == 0 ? null : $"{work} for the {Repositories[_random.Next(Repositories.Length)]} team.",
                ContentHash = string.Empty,
                CreatedAtUtc = created,
                UpdatedAtUtc = created,
            };
            if (_random.Next(4) == 0)
            {
                entry.Kind = EvidenceKind.Note;
                entry.NoteMarkdown = $"## What I did\n\n{work}.\n\n## What I learned\n\n- Ask early\n- Measure first";
            }
            else
            {
                entry.Kind = EvidenceKind.Link;
                entry.Url = _random.Next(5) == 0
                    ? $"https://mlflow.vaarst.example/#/experiments/{_random.Next(1, 90)}/runs/{_random.Next():x8}"
                    : $"https://github.com/vaarst/{Repositories[_random.Next(Repositories.Length)]}/pull/{_random.Next(1, 4000)}";
                entry.LinkKind = LinkKinds.Recognise(entry.Url).Kind;
            }

            if (_random.Next(25) == 0)
            {
                entry.IsArchived = true;
                entry.ArchivedAtUtc = Later(created, 60);
                entry.UpdatedAtUtc = entry.ArchivedAtUtc.Value;
            }

            entry.ContentHash = EvidenceFingerprint.Compute(entry);
            _evidence++;
            var links = Math.Min(checklist.Count, 1 + _random.Next(3));
            var statementIds = new List<int>(links);
            while (statementIds.Count < links)
            {
                var id = checklist[_random.Next(checklist.Count)].Id;
                if (!statementIds.Contains(id))
                {
                    statementIds.Add(id);
                }
            }

            return (entry, statementIds);
        }

        /// <summary>One item and its history. The status is always what its last decision (or submission) left.</summary>
        private ChecklistItem NewItem(EngineerPlan engineer, int statementId, DateTime touched, List<EvidenceEntry> evidence, List<PendingAudit> audits)
        {
            var person = engineer.Person;
            var item = new ChecklistItem
            {
                PersonId = person.Id,
                StatementId = statementId,
                Rating = _random.Next(10) switch { < 3 => SelfRating.Learning, < 7 => SelfRating.Practising, _ => SelfRating.Confident },
                Status = ItemStatus.Draft,
                UpdatedAtUtc = touched,
                Version = 1,
            };
            _items++;

            if (_random.Next(40) == 0)
            {
                item.Rating = SelfRating.NotApplicable;
                item.NotApplicableReason = "My project has no work of this kind.";
                return item;
            }

            var basis = evidence.Where(e => !e.IsArchived).OrderBy(e => e.Id).Select(e => new { id = e.Id, hash = e.ContentHash }).ToList();
            var basisJson = JsonSerializer.Serialize(basis);
            var engineerActor = Of(person);
            var reviewer = Of(engineer.Manager);
            var roll = _random.NextDouble();
            if (roll < 0.28)
            {
                return item;
            }

            var at = Later(touched, 10);
            Submit();
            if (roll < 0.40)
            {
                return item;
            }

            for (var round = 0; ; round++)
            {
                at = Later(at, 14);
                if (round < 3 && _random.NextDouble() < engineer.Strictness)
                {
                    Decide(DecisionKind.RequestChanges, ItemStatus.ChangesRequested, AuditEventTypes.ChangesRequested, "requested changes on",
                        RequestComments[_random.Next(RequestComments.Length)]);
                    if (_random.NextDouble() < 0.35)
                    {
                        return item;
                    }

                    at = Later(at, 10);
                    Submit();
                    continue;
                }

                Decide(DecisionKind.SignOff, ItemStatus.SignedOff, AuditEventTypes.ItemSignedOff, "signed off",
                    _random.Next(3) == 0 ? SignOffComments[_random.Next(SignOffComments.Length)] : null);
                break;
            }

            var after = _random.NextDouble();
            if (after < 0.05)
            {
                at = Later(at, 90);
                Decide(DecisionKind.Revoke, ItemStatus.ChangesRequested, AuditEventTypes.SignOffRevoked, "revoked the sign-off of",
                    "On reflection the evidence does not show this independently; let's find a better example.");
            }
            else if (after < 0.12)
            {
                at = Later(at, 120);
                const string reason = "A piece of supporting evidence changed after the sign-off.";
                item.NeedsReconfirmation = true;
                item.ReconfirmationReason = reason;
                item.UpdatedAtUtc = at;
                item.Version++;
                audits.Add(new PendingAudit(item, Actor.System, at, AuditEventTypes.ItemFlaggedForReconfirmation, reason,
                    new { needsReconfirmation = false }, new { needsReconfirmation = true, reason }));
                if (_random.Next(5) < 2)
                {
                    at = Later(at, 14);
                    Decide(DecisionKind.Reconfirm, ItemStatus.SignedOff, AuditEventTypes.ItemReconfirmed, "re-confirmed", null);
                }
            }

            return item;

            void Submit()
            {
                var before = item.Status;
                item.Status = ItemStatus.Submitted;
                item.SubmittedAtUtc = at;
                item.UpdatedAtUtc = at;
                item.Version++;
                audits.Add(new PendingAudit(item, engineerActor, at, AuditEventTypes.ItemSubmitted, $"{person.Name} submitted an item for review",
                    new { status = before.ToString() }, new { status = nameof(ItemStatus.Submitted) }));
            }

            void Decide(DecisionKind kind, ItemStatus status, string auditType, string verb, string? comment)
            {
                var before = new { status = item.Status.ToString(), needsReconfirmation = item.NeedsReconfirmation };
                item.Status = status;
                item.NeedsReconfirmation = false;
                item.ReconfirmationReason = null;
                item.UpdatedAtUtc = at;
                item.Version++;
                item.Decisions.Add(new ReviewDecision
                {
                    ReviewerId = reviewer.PersonId!.Value,
                    Kind = kind,
                    Comment = comment,
                    DecidedAtUtc = at,
                    EvidenceBasis = basisJson,
                    EvidenceCount = basis.Count,
                });
                _decisions++;
                audits.Add(new PendingAudit(item, reviewer, at, auditType, $"{reviewer.Name} {verb} an item of {person.Name}",
                    before, new { status = status.ToString(), needsReconfirmation = false, comment, evidence = basis }));
            }
        }

        /// <summary>Every 25th line manager is away: a colleague reviews for them today; a few older delegations have ended.</summary>
        private async Task WriteDelegationsAsync(List<Person> managers, Person administrator, CancellationToken ct)
        {
            var today = DateOnly.FromDateTime(_now);
            for (var m = 0; m + 1 < managers.Count; m += 25)
            {
                var current = _delegations % 2 == 0;
                db.Delegations.Add(new Delegation
                {
                    ManagerId = managers[m].Id,
                    DelegateId = managers[m + 1].Id,
                    StartsOn = current ? today.AddDays(-7) : today.AddDays(-120),
                    EndsOn = current ? today.AddDays(14) : today.AddDays(-100),
                    AssignedById = administrator.Id,
                    AssignedAtUtc = _now.AddDays(current ? -8 : -121),
                });
                _delegations++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        /// <summary>Sessions spread over the history: all closed (decided) but the last two, one in session and one nominating.</summary>
        private async Task<List<GeneratedSession>> WriteCalibrationAsync(List<EngineerPlan> engineers, List<Person> panel, CancellationToken ct)
        {
            var sessions = new List<(CalibrationSession Session, Person Chair)>();
            var audits = new List<Action>();
            var today = DateOnly.FromDateTime(_now);
            for (var k = 0; k < options.CalibrationSessions; k++)
            {
                var state = k == options.CalibrationSessions - 1 ? SessionState.Nominating
                    : k == options.CalibrationSessions - 2 ? SessionState.InSession
                    : SessionState.Closed;
                var scheduled = state switch
                {
                    SessionState.Nominating => today.AddDays(14),
                    SessionState.InSession => today,
                    _ => DateOnly.FromDateTime(_start).AddDays(30 + k * (options.HistoryDays - 60) / Math.Max(1, options.CalibrationSessions - 2)),
                };
                var level = 2 + k % (options.Levels - 1);
                var members = Enumerable.Range(0, Math.Min(4, panel.Count)).Select(j => panel[(k * 3 + j) % panel.Count]).Distinct().ToList();
                var chair = members[0];
                var created = scheduled.AddDays(-30).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                var session = new CalibrationSession
                {
                    Name = $"Level {level} calibration {scheduled:yyyy-MM-dd}",
                    TargetLevel = level,
                    ScheduledOn = scheduled,
                    ChairId = chair.Id,
                    State = state,
                    IsBlind = k % 5 != 4,
                    CreatedAtUtc = created,
                    StartedAtUtc = state == SessionState.Nominating ? null : scheduled.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                    ClosedAtUtc = state == SessionState.Closed ? scheduled.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc) : null,
                    Version = state switch { SessionState.Nominating => 0, SessionState.InSession => 1, _ => 2 },
                    Members = members.Select(p => new PanelMember { PersonId = p.Id }).ToList(),
                };

                var pool = engineers.Where(e => e.Person.TargetLevel == level).ToList();
                var candidates = pool.OrderBy(_ => _random.Next()).Take(options.CandidatesPerSession).ToList();
                var nominatedAt = created.AddDays(2);
                foreach (var (candidate, index) in candidates.Select((c, i) => (c, i)))
                {
                    var nomination = new Nomination
                    {
                        CandidateId = candidate.Person.Id,
                        NominatedById = candidate.Manager.Id,
                        CaseStatement = $"{candidate.Person.Name} has consistently worked at Level {level} for the last two quarters; see the signed-off items.",
                        NominatedAtUtc = nominatedAt,
                        Alias = SessionAccess.AliasFor(index),
                    };
                    session.Nominations.Add(nomination);
                    _nominations++;
                    var readers = state switch
                    {
                        SessionState.Closed => members,
                        SessionState.InSession when index % 2 == 0 => members.Skip(1).ToList(),
                        _ => [],
                    };
                    foreach (var reader in readers)
                    {
                        nomination.PreReads.Add(new PreRead
                        {
                            PanelMemberId = reader.Id,
                            Outcome = RandomOutcome(),
                            Note = _random.Next(3) == 0 ? "Strong evidence in the specialism areas." : null,
                            SubmittedAtUtc = scheduled.AddDays(-2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                        });
                        _preReads++;
                    }

                    if (state == SessionState.Closed)
                    {
                        nomination.Decision = RandomOutcome();
                        nomination.DecisionRationale = "Agreed by the panel after discussing the evidence.";
                        nomination.DecidedAtUtc = session.ClosedAtUtc!.Value.AddHours(-1);
                        nomination.DecidedById = chair.Id;
                        nomination.Version = 1;
                    }

                    var nominator = Of(candidate.Manager);
                    audits.Add(() => db.Record(nominator, nominatedAt, AuditEventTypes.CandidateNominated, "Nomination", nomination.Id.ToString(),
                        $"{nominator.Name} nominated {candidate.Person.Name} to \"{session.Name}\"", after: new { session = session.Name, alias = nomination.Alias },
                        personId: candidate.Person.Id));
                }

                audits.Add(() => db.Record(Actor.System, created, AuditEventTypes.SessionCreated, "CalibrationSession", session.Id.ToString(),
                    $"Created calibration session \"{session.Name}\" for Level {level}", after: new { session.Name, level, chair = chair.Name }));
                if (state == SessionState.Closed)
                {
                    audits.Add(() => db.Record(Of(chair), session.ClosedAtUtc!.Value, AuditEventTypes.SessionClosed, "CalibrationSession", session.Id.ToString(),
                        $"{chair.Name} closed calibration session \"{session.Name}\"", after: new { decisions = session.Nominations.Count }));
                }

                db.CalibrationSessions.Add(session);
                sessions.Add((session, chair));
            }

            await db.SaveChangesAsync(ct);
            foreach (var audit in audits)
            {
                audit();
            }

            _audit += audits.Count;
            await db.SaveChangesAsync(ct);
            var generated = sessions.Select(s => new GeneratedSession(s.Session.Id, s.Session.Name, s.Session.TargetLevel, s.Session.State, Of(s.Chair),
                s.Session.Nominations.Select(n => n.Id).ToList())).ToList();
            db.ChangeTracker.Clear();
            return generated;
        }

        private Outcome RandomOutcome() => _random.Next(20) switch { < 11 => Outcome.Promote, < 18 => Outcome.NotYet, _ => Outcome.Defer };

        private DateTime RandomTime(DateTime from, DateTime to) => from.AddMinutes(_random.NextDouble() * (to - from).TotalMinutes);

        /// <summary>Up to <paramref name="maxDays"/> after <paramref name="at"/>, and always before "now" (halving the room left when needed).</summary>
        private DateTime Later(DateTime at, int maxDays)
        {
            var step = TimeSpan.FromMinutes(_random.Next(60, maxDays * 24 * 60));
            var room = _now - at;
            return at + (step < room ? step : room / 2);
        }

        private static Actor Of(Person person) => new(person.Id, person.Name, person.Roles);
    }
}
