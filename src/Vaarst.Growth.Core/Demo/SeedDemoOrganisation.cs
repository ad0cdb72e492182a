using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vaarst.Growth.Core.Demo;

/// <summary>
/// Loads the demo organisation (people, evidence, ratings, submissions and sign-offs) from a YAML file, once:
/// it does nothing when the directory already holds anyone. The framework must be imported first.
/// </summary>
public sealed class SeedDemoOrganisation(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    /// <returns>True when the organisation was loaded, false when the directory was not empty.</returns>
    public async Task<bool> HandleAsync(Actor actor, string yamlFile, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only an administrator can load the demo organisation.");
        }

        var demo = Read(yamlFile);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.People.AnyAsync(cancellationToken))
        {
            return false;
        }

        var level = await db.Levels
            .Where(l => l.Craft!.Name == demo.Craft && l.Craft.FrameworkName == demo.Framework && l.Number == demo.Level)
            .Select(l => new { l.Id, l.CraftId })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException($"{yamlFile}: {demo.Craft} Level {demo.Level} is not imported; import the framework first.");

        var statements = await db.Statements.AsNoTracking()
            .Where(s => s.Area!.Section!.LevelId == level.Id && s.RetiredInVersionId == null)
            .Select(s => new { s.Id, s.Area!.Anchor, s.Order })
            .ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var people = demo.People.ToDictionary(p => p.Email, p => new Person
        {
            Name = p.Name,
            Email = p.Email,
            Roles = p.Roles.Aggregate(Roles.None, (all, r) => all | Enum.Parse<Roles>(r)),
            CraftId = p.Specialism is null ? null : level.CraftId,
            Specialism = p.Specialism,
            CurrentLevel = p.CurrentLevel,
            TargetLevel = p.TargetLevel,
        }, StringComparer.OrdinalIgnoreCase);
        db.People.AddRange(people.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var p in demo.People.Where(p => p.Manager is not null))
        {
            people[p.Email].ManagerId = Find(people, p.Manager!, yamlFile).Id;
        }

        var evidence = new Dictionary<string, EvidenceEntry>();
        foreach (var e in demo.Evidence)
        {
            var entry = new EvidenceEntry
            {
                OwnerId = Find(people, e.Owner, yamlFile).Id,
                Kind = Enum.Parse<EvidenceKind>(e.Kind),
                Title = e.Title,
                WorkDate = DateOnly.Parse(e.Date),
                Description = e.Description,
                Url = e.Url,
                LinkKind = e.Url is null ? null : LinkKinds.Recognise(e.Url).Kind,
                NoteMarkdown = e.Note,
                ContentHash = string.Empty,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            entry.ContentHash = EvidenceFingerprint.Compute(entry);
            evidence[e.Key] = entry;
            db.Evidence.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var i in demo.Items)
        {
            var engineer = Find(people, i.Person, yamlFile);
            var statement = statements.Where(s => s.Anchor == i.Area).OrderBy(s => s.Order).ElementAtOrDefault(i.Statement - 1)
                ?? throw new ValidationException($"{yamlFile}: statement {i.Statement} of area '{i.Area}' does not exist in Level {demo.Level}.");
            var at = now.AddDays(-i.DaysAgo);
            var item = new ChecklistItem
            {
                PersonId = engineer.Id,
                StatementId = statement.Id,
                Rating = Enum.Parse<SelfRating>(i.Rating),
                Status = Enum.Parse<ItemStatus>(i.Status),
                SubmittedAtUtc = i.Status == nameof(ItemStatus.Draft) ? null : at.AddDays(-1),
                UpdatedAtUtc = at,
            };
            var supporting = i.Evidence.Select(key => evidence[key]).ToList();
            db.EvidenceSupports.AddRange(supporting.Select(e => new EvidenceSupport { ChecklistItem = item, EvidenceId = e.Id, LinkedAtUtc = at.AddDays(-2) }));
            db.ChecklistItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);

            var engineerActor = new Actor(engineer.Id, engineer.Name, engineer.Roles);
            if (item.SubmittedAtUtc is { } submittedAt)
            {
                db.Record(engineerActor, submittedAt, AuditEventTypes.ItemSubmitted, "ChecklistItem", item.Id.ToString(),
                    $"{engineer.Name} submitted an item for review", new { status = "Draft" }, new { status = "Submitted" }, engineer.Id);
            }

            if (item.Status is ItemStatus.SignedOff or ItemStatus.ChangesRequested)
            {
                var manager = people.Values.First(p => p.Id == engineer.ManagerId);
                var signOff = item.Status == ItemStatus.SignedOff;
                db.ReviewDecisions.Add(new ReviewDecision
                {
                    ChecklistItemId = item.Id,
                    ReviewerId = manager.Id,
                    Kind = signOff ? DecisionKind.SignOff : DecisionKind.RequestChanges,
                    Comment = i.Comment,
                    DecidedAtUtc = at,
                    EvidenceBasis = JsonSerializer.Serialize(supporting.Select(e => new { id = e.Id, hash = e.ContentHash })),
                    EvidenceCount = supporting.Count,
                });
                db.Record(new Actor(manager.Id, manager.Name, manager.Roles), at,
                    signOff ? AuditEventTypes.ItemSignedOff : AuditEventTypes.ChangesRequested, "ChecklistItem", item.Id.ToString(),
                    signOff ? $"{manager.Name} signed off an item of {engineer.Name}" : $"{manager.Name} requested changes on an item of {engineer.Name}",
                    new { status = "Submitted" }, new { status = item.Status.ToString(), comment = i.Comment }, engineer.Id);
            }
        }

        db.Record(actor, now, AuditEventTypes.DemoDataSeeded, "Directory", null,
            $"Loaded the demo organisation: {people.Count} people, {evidence.Count} pieces of evidence, {demo.Items.Count} checklist items",
            after: new { people = people.Count, evidence = evidence.Count, items = demo.Items.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Person Find(Dictionary<string, Person> people, string email, string file) =>
        people.TryGetValue(email, out var person) ? person : throw new ValidationException($"{file}: nobody has the e-mail '{email}'.");

    private static DemoFile Read(string yamlFile)
    {
        if (!File.Exists(yamlFile))
        {
            throw new ValidationException($"The demo organisation file '{yamlFile}' does not exist.");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<DemoFile>(File.ReadAllText(yamlFile));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ValidationException($"{yamlFile}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private sealed class DemoFile
    {
        public string Framework { get; set; } = "";
        public string Craft { get; set; } = "";
        public int Level { get; set; }
        public List<DemoPerson> People { get; set; } = [];
        public List<DemoEvidence> Evidence { get; set; } = [];
        public List<DemoItem> Items { get; set; } = [];
    }

    private sealed class DemoPerson
    {
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public string? Manager { get; set; }
        public string? Specialism { get; set; }
        public int? CurrentLevel { get; set; }
        public int? TargetLevel { get; set; }
    }

    private sealed class DemoEvidence
    {
        public string Key { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Title { get; set; } = "";
        public string Date { get; set; } = "";
        public string? Url { get; set; }
        public string? Description { get; set; }
        public string? Note { get; set; }
    }

    private sealed class DemoItem
    {
        public string Person { get; set; } = "";
        public string Area { get; set; } = "";
        public int Statement { get; set; }
        public string Rating { get; set; } = "";
        public string Status { get; set; } = "";
        public List<string> Evidence { get; set; } = [];
        public int DaysAgo { get; set; }
        public string? Comment { get; set; }
    }
}
