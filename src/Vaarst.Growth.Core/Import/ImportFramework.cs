using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Text;

namespace Vaarst.Growth.Core.Import;

/// <summary>Import parsed framework pages. Only administrators (or the system) may import.</summary>
/// <param name="Pages">The parsed pages, each naming its file.</param>
/// <param name="Source">Where the pages came from (a path, or the uploaded file names), kept with the version.</param>
/// <param name="ExpectedCurrentVersion">
/// The framework version the caller previewed against (0 for none yet). When set and another import has happened
/// since, nothing is imported and a <see cref="ConflictException"/> says so. Null skips the check (start-up, CLI).
/// </param>
public sealed record ImportFrameworkRequest(IReadOnlyList<FrameworkPage> Pages, string Source, int? ExpectedCurrentVersion = null);

/// <param name="Changed">False when the content was identical to what is stored: nothing was written.</param>
/// <param name="VersionNumber">The new framework version, when something changed.</param>
/// <param name="Changes">One line per change, for the person importing.</param>
/// <param name="ItemsFlagged">Signed-off checklist items flagged for re-confirmation because their statement's text changed.</param>
public sealed record ImportFrameworkResult(bool Changed, int? VersionNumber, IReadOnlyList<string> Changes, int ItemsFlagged);

/// <summary>
/// Imports framework pages in one transaction. Identity rules: crafts by (framework, name), levels by number,
/// sections by name, areas by anchor, statements by exact text within their area. Left-over old and new statements
/// of an area are paired in page order as "changed" (signed-off items are flagged for re-confirmation, nothing is
/// lost); extra old statements are retired and extra new ones added. Pages not in the import are left alone.
/// </summary>
public sealed class ImportFramework(IDbContextFactory<GrowthDbContext> dbFactory, INotificationSender notifications, TimeProvider time)
{
    public async Task<ImportFrameworkResult> HandleAsync(Actor actor, ImportFrameworkRequest request, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        RequireAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var (result, flagged) = await ApplyAsync(db, actor, request, now, cancellationToken);
        if (!result.Changed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return result;
        }

        var notices = await ItemRules.ReconfirmationNoticesAsync(db, flagged, now, cancellationToken);
        await notifications.AddAsync(db, notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only a framework administrator can import framework content.");
        }
    }

    /// <summary>
    /// Every write of an import, inside the caller's transaction: the caller commits (import) or rolls back (preview),
    /// so a preview runs exactly the rules an import does. Nothing is saved to the version row's summary or the audit
    /// trail when nothing changed, and the caller must then roll back.
    /// </summary>
    /// <param name="setBasedInserts">Null chooses by provider (SQLite only); tests compare both paths on one provider.</param>
    internal static async Task<(ImportFrameworkResult Result, IReadOnlyList<ChecklistItem> Flagged)> ApplyAsync(
        GrowthDbContext db, Actor actor, ImportFrameworkRequest request, DateTime now, CancellationToken cancellationToken, bool? setBasedInserts = null)
    {
        var duplicates = request.Pages
            .GroupBy(p => (p.Framework, p.Craft, p.Level))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Craft} Level {g.Key.Level} appears in more than one page: {string.Join(", ", g.Select(p => p.File))}")
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new ValidationException(duplicates);
        }

        // The parser reports these as file:line problems; pages built by other code meet the same limit here, since the
        // set-based insert bypasses the context's own length check.
        var tooLong = request.Pages
            .SelectMany(p => p.Sections.SelectMany(s => s.Areas).Where(a => a.Statements.Any(t => t.Length > TextLimits.StatementText))
                .Select(a => $"{p.File}:{a.Line}: a statement of the area '{a.Name}' is longer than {TextLimits.StatementText:N0} characters."))
            .ToList();
        if (tooLong.Count > 0)
        {
            throw new ValidationException(tooLong);
        }

        var previousNumber = await db.FrameworkVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        if (request.ExpectedCurrentVersion is { } expected && expected != previousNumber)
        {
            throw new ConflictException(
                $"The framework changed since your preview: it is now version {previousNumber}, not {expected}. Nothing was imported; check the new preview, then import again.");
        }

        var version = new FrameworkVersion
        {
            Number = previousNumber + 1,
            ImportedAtUtc = now,
            ImportedByPersonId = actor.PersonId,
            Source = Excerpt.Fit(request.Source, TextLimits.FrameworkSource),
            Summary = string.Empty,
        };
        db.FrameworkVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique version number: another import took it between our read and our insert (SQL Server does not
            // hold the read's lock; SQLite's write lock at BEGIN IMMEDIATE already serialises imports).
            throw new ConflictException("Another framework import finished at the same time. Nothing was imported; check the new preview, then import again.");
        }

        var crafts = await db.Crafts
            .Include(c => c.Levels).ThenInclude(l => l.Sections).ThenInclude(s => s.Areas).ThenInclude(a => a.Statements)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // SQLite sends one INSERT per row; a first import adds thousands of statements and revisions, so there they are
        // written set-based. SQL Server batches EF's inserts already, so it takes the ordinary path.
        var setBased = setBasedInserts ?? db.Database.IsSqlite();
        var run = new ImportRun(db, version, setBased);
        foreach (var page in request.Pages)
        {
            run.ApplyPage(crafts, page);
        }

        if (run.Changes.Count == 0)
        {
            return (new ImportFrameworkResult(false, null, [], 0), []);
        }

        // Set-based, new sections, areas and statements are written after the rows they hang from have keys.
        var added = setBased ? run.DetachAdded() : AddedRows.None;
        await db.SaveChangesAsync(cancellationToken);
        await InsertSectionsAndAreasAsync(db, added, cancellationToken);
        await InsertStatementsAsync(db, added.Statements, version, cancellationToken);
        var flagged = await FlagSignedOffItemsAsync(db, actor, run.ChangedStatementIds, version, now, cancellationToken);
        await MoveOnItemsOpenToADecisionAsync(db, run.ChangedStatementIds, now, cancellationToken);

        version.Summary = Excerpt.Fit($"{request.Pages.Count} page(s), {run.Changes.Count} change(s), {flagged.Count} item(s) flagged for re-confirmation", TextLimits.FrameworkSummary);
        db.Record(actor, now, AuditEventTypes.FrameworkImported, "FrameworkVersion", version.Number.ToString(),
            $"Imported framework version {version.Number} from {request.Source}: {run.Changes.Count} change(s)",
            before: new { version = previousNumber == 0 ? (int?)null : previousNumber },
            after: new { version = version.Number, changes = run.Changes, itemsFlagged = flagged.Count });
        await db.SaveChangesAsync(cancellationToken);
        return (new ImportFrameworkResult(true, version.Number, run.Changes, flagged.Count), flagged);
    }

    private static async Task<IReadOnlyList<ChecklistItem>> FlagSignedOffItemsAsync(
        GrowthDbContext db, Actor actor, IReadOnlyCollection<int> statementIds, FrameworkVersion version, DateTime now, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0)
        {
            return [];
        }

        return await ItemRules.FlagSignedOffAsync(db, actor, db.ChecklistItems.Where(i => statementIds.Contains(i.StatementId)),
            $"The statement's text changed in framework version {version.Number}.", now, cancellationToken);
    }

    /// <summary>
    /// A reviewer decides on the statement as much as on the evidence (ADR 0005): an item open to a decision whose
    /// statement was rewritten (waiting for review, or signed off: re-confirm and revoke are decisions too, and an item
    /// already flagged is not flagged again) moves to a new version, so a decision taken on a view of the old wording is
    /// a conflict and the reviewer reloads to see the new one. Its state is unchanged (nothing to audit beyond the import).
    /// </summary>
    private static async Task MoveOnItemsOpenToADecisionAsync(GrowthDbContext db, IReadOnlyCollection<int> statementIds, DateTime now, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0)
        {
            return;
        }

        foreach (var item in await db.ChecklistItems.Where(i => statementIds.Contains(i.StatementId) && (i.Status == ItemStatus.Submitted || i.Status == ItemStatus.SignedOff)).ToListAsync(cancellationToken))
        {
            item.UpdatedAtUtc = now;
            db.Entry(item).Property(i => i.UpdatedAtUtc).IsModified = true; // bumps Version even within the same clock tick
        }
    }

    /// <summary>
    /// The columns the set-based insert writes, with each new statement's value. Every column of
    /// <see cref="Statement"/> but its key must be here (a test compares this list with the model), or SQLite would
    /// fill it with its default while SQL Server refuses the NULL.
    /// </summary>
    internal static readonly IReadOnlyList<(string Property, Func<Area, Statement, object?> Value)> StatementColumns =
    [
        (nameof(Statement.AreaId), (area, _) => area.Id),
        (nameof(Statement.Text), (_, statement) => statement.Text),
        (nameof(Statement.Order), (_, statement) => statement.Order),
        (nameof(Statement.IntroducedInVersionId), (_, statement) => statement.IntroducedInVersionId),
        (nameof(Statement.LastChangedInVersionId), (_, statement) => statement.LastChangedInVersionId),
        (nameof(Statement.RetiredInVersionId), (_, statement) => statement.RetiredInVersionId),
    ];

    /// <summary>The set-based insert's columns of a new section (same rule as <see cref="StatementColumns"/>).</summary>
    internal static readonly IReadOnlyList<(string Property, Func<Level, Section, object?> Value)> SectionColumns =
    [
        (nameof(Section.LevelId), (level, _) => level.Id),
        (nameof(Section.Name), (_, section) => section.Name),
        (nameof(Section.AppliesToAll), (_, section) => section.AppliesToAll),
        (nameof(Section.Order), (_, section) => section.Order),
        (nameof(Section.RetiredInVersionId), (_, section) => section.RetiredInVersionId),
    ];

    /// <summary>The set-based insert's columns of a new area (same rule as <see cref="StatementColumns"/>).</summary>
    internal static readonly IReadOnlyList<(string Property, Func<Section, Area, object?> Value)> AreaColumns =
    [
        (nameof(Area.SectionId), (section, _) => section.Id),
        (nameof(Area.Name), (_, area) => area.Name),
        (nameof(Area.Anchor), (_, area) => area.Anchor),
        (nameof(Area.Link), (_, area) => area.Link),
        (nameof(Area.IsDefined), (_, area) => area.IsDefined),
        (nameof(Area.Order), (_, area) => area.Order),
        (nameof(Area.RetiredInVersionId), (_, area) => area.RetiredInVersionId),
    ];

    /// <summary>
    /// SQLite only: inserts the run's new sections, then its new areas, with multi-row INSERTs, reading each one's id
    /// back by its identity within its parent (a section's name within its level, an area's anchor within its section:
    /// both unique, without letter case, ADR 0006) — SQLite does not promise the order of rows a RETURNING clause gives.
    /// A first import of 50 pages has ~1,000 of them: one command each through EF.
    /// </summary>
    private static async Task InsertSectionsAndAreasAsync(GrowthDbContext db, AddedRows added, CancellationToken cancellationToken)
    {
        if (added.Sections.Count > 0)
        {
            await ExecuteAsync(db, MultiRowInserts(db, SectionColumns, added.Sections), cancellationToken);

            var levelIds = added.Sections.Select(a => a.Parent.Id).Distinct().ToList();
            var stored = (await db.Sections.AsNoTracking().Where(x => levelIds.Contains(x.LevelId))
                    .Select(x => new { x.Id, x.LevelId, x.Name }).ToListAsync(cancellationToken))
                .ToDictionary(x => (x.LevelId, x.Name), x => x.Id, IdentityWithinParent);
            foreach (var (level, section) in added.Sections)
            {
                section.Id = stored[(level.Id, section.Name)];
                section.LevelId = level.Id;
            }
        }

        if (added.Areas.Count > 0)
        {
            await ExecuteAsync(db, MultiRowInserts(db, AreaColumns, added.Areas), cancellationToken);

            var sectionIds = added.Areas.Select(a => a.Parent.Id).Distinct().ToList();
            var stored = (await db.Areas.AsNoTracking().Where(x => sectionIds.Contains(x.SectionId))
                    .Select(x => new { x.Id, x.SectionId, x.Anchor }).ToListAsync(cancellationToken))
                .ToDictionary(x => (x.SectionId, x.Anchor), x => x.Id, IdentityWithinParent);
            foreach (var (section, area) in added.Areas)
            {
                area.Id = stored[(section.Id, area.Anchor)];
                area.SectionId = section.Id;
            }
        }
    }

    /// <summary>Multi-row INSERTs of new <typeparamref name="TRow"/>s under their parents, 300 rows per command (under SQL
    /// Server's 1,000-row and 2,100-parameter limits too); SQL with <c>{n}</c> placeholders and their values.</summary>
    internal static IEnumerable<(string Sql, IReadOnlyList<object> Parameters)> MultiRowInserts<TParent, TRow>(
        GrowthDbContext db, IReadOnlyList<(string Property, Func<TParent, TRow, object?> Value)> columnValues, IReadOnlyList<(TParent Parent, TRow Row)> rows)
    {
        var table = Table<TRow>(db, db.GetService<ISqlGenerationHelper>());
        var columns = string.Join(", ", columnValues.Select(c => table[c.Property]));
        const int rowsPerCommand = 300;
        foreach (var chunk in rows.Chunk(rowsPerCommand))
        {
            var values = new List<object>();
            var tuples = chunk.Select(row => "(" + string.Join(", ", columnValues.Select(column =>
            {
                // Every value is a parameter ({n}), so nothing is spliced into the SQL; a null is the NULL literal.
                if (column.Value(row.Parent, row.Row) is not { } value)
                {
                    return "NULL";
                }

                values.Add(value);
                return $"{{{values.Count - 1}}}";
            })) + ")");
            yield return ($"INSERT INTO {table.Name} ({columns}) VALUES {string.Join(", ", tuples)}", values);
        }
    }

    /// <summary>
    /// SQLite only: inserts the run's new statements with multi-row INSERTs, then one revision each (its first text)
    /// with one INSERT … SELECT — a handful of commands instead of two per statement. Names come from the model.
    /// </summary>
    private static async Task InsertStatementsAsync(GrowthDbContext db, IReadOnlyList<(Area Area, Statement Statement)> added, FrameworkVersion version, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        await ExecuteAsync(db, SetBasedInserts(db, added, version.Id), cancellationToken);
    }

    /// <summary>A parent's id and a name that identifies a row within it, compared as the columns do (ADR 0006).</summary>
    private static readonly IEqualityComparer<(int ParentId, string Name)> IdentityWithinParent = new ParentAndName();

    private sealed class ParentAndName : IEqualityComparer<(int ParentId, string Name)>
    {
        public bool Equals((int ParentId, string Name) x, (int ParentId, string Name) y) => x.ParentId == y.ParentId && TextIdentity.Same(x.Name, y.Name);

        public int GetHashCode((int ParentId, string Name) obj) => HashCode.Combine(obj.ParentId, TextIdentity.Comparer.GetHashCode(obj.Name));
    }

    /// <summary>
    /// Runs the set-based commands on the context's connection and transaction as plain ADO.NET commands: EF's raw-SQL
    /// path builds a parameter object through its type mapping for each of a chunk's ~1,800 values, and the SQLite
    /// driver prepares each command anew. Here one command per SQL text is prepared once and re-run with new values
    /// (every full chunk has the same text). No interceptor is skipped that matters: EF's only one stops abandoned
    /// reads, and the caller's token still cancels. The values are ints, strings and bools, which the driver maps as
    /// EF does (INTEGER, TEXT).
    /// </summary>
    private static async Task ExecuteAsync(GrowthDbContext db, IEnumerable<(string Sql, IReadOnlyList<object> Parameters)> commands, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        System.Data.Common.DbCommand? command = null;
        try
        {
            foreach (var (sql, values) in commands)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, ParameterNames(values.Count));
                if (command is null || command.CommandText != text)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = text;
                    for (var i = 0; i < values.Count; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"@p{i}";
                        command.Parameters.Add(parameter);
                    }
                }

                for (var i = 0; i < values.Count; i++)
                {
                    command.Parameters[i].Value = values[i];
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static object[] ParameterNames(int count) => Enumerable.Range(0, count).Select(i => (object)$"@p{i}").ToArray();

    /// <summary>The set-based path's commands (SQL with <c>{n}</c> placeholders, and their values); tests parse them too.</summary>
    internal static IEnumerable<(string Sql, IReadOnlyList<object> Parameters)> SetBasedInserts(
        GrowthDbContext db, IReadOnlyList<(Area Area, Statement Statement)> added, int versionId)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var statements = Table<Statement>(db, sql);
        var revisions = Table<StatementRevision>(db, sql);
        foreach (var command in MultiRowInserts(db, StatementColumns, added))
        {
            yield return command;
        }

        // Only statements introduced by this version are new: changed and restored ones were introduced earlier.
        yield return ($"INSERT INTO {revisions.Name} ({revisions["StatementId"]}, {revisions["FrameworkVersionId"]}, {revisions["Text"]}) " +
            $"SELECT {statements["Id"]}, {statements["IntroducedInVersionId"]}, {statements["Text"]} FROM {statements.Name} " +
            $"WHERE {statements["IntroducedInVersionId"]} = {{0}} ORDER BY {statements["Id"]}", [versionId]);
    }

    private static TableNames Table<T>(GrowthDbContext db, ISqlGenerationHelper sql)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().ToDictionary(p => p.Name, p => sql.DelimitIdentifier(p.GetColumnName(table)!));
        return new TableNames(sql.DelimitIdentifier(table.Name, table.Schema), columns);
    }

    private sealed record TableNames(string Name, IReadOnlyDictionary<string, string> Columns)
    {
        public string this[string property] => Columns[property];
    }

    /// <summary>What a set-based run writes itself, parents first.</summary>
    private sealed record AddedRows(
        IReadOnlyList<(Level Parent, Section Row)> Sections,
        IReadOnlyList<(Section Parent, Area Row)> Areas,
        IReadOnlyList<(Area Area, Statement Statement)> Statements)
    {
        public static AddedRows None { get; } = new([], [], []);
    }


    private sealed class ImportRun(GrowthDbContext db, FrameworkVersion version, bool setBased)
    {
        public List<string> Changes { get; } = [];
        public HashSet<int> ChangedStatementIds { get; } = [];

        private readonly List<(Area Area, Statement Statement)> _added = [];
        private readonly List<(Level Level, Section Section)> _addedSections = [];
        private readonly List<(Section Section, Area Area)> _addedAreas = [];

        /// <summary>
        /// Takes the new sections, areas and statements out of the graph EF saves (they stay in their parents while
        /// the run matches names and text against them); the set-based inserts write them once their parents have ids.
        /// </summary>
        public AddedRows DetachAdded()
        {
            foreach (var (area, statement) in _added)
            {
                area.Statements.Remove(statement);
            }

            foreach (var (section, area) in _addedAreas)
            {
                section.Areas.Remove(area);
            }

            foreach (var (level, section) in _addedSections)
            {
                level.Sections.Remove(section);
            }

            return new AddedRows(_addedSections, _addedAreas, _added);
        }

        public void ApplyPage(List<Craft> crafts, FrameworkPage page)
        {
            // Names that identify compare without regard to case, as the columns do (ADR 0006): a change of case
            // only is a rename that keeps the row.
            var craft = crafts.FirstOrDefault(c => TextIdentity.Same(c.FrameworkName, page.Framework) && TextIdentity.Same(c.Name, page.Craft));
            if (craft is null)
            {
                craft = new Craft { FrameworkName = page.Framework, Name = page.Craft };
                db.Crafts.Add(craft);
                crafts.Add(craft);
                Changes.Add($"{page.Craft}: new craft");
            }
            else if (craft.FrameworkName != page.Framework || craft.Name != page.Craft)
            {
                Changes.Add($"{page.Craft}: craft renamed from \"{craft.Name}\" ({craft.FrameworkName})");
                craft.FrameworkName = page.Framework;
                craft.Name = page.Craft;
            }

            var where = $"{page.Craft} · Level {page.Level}";
            var level = craft.Levels.FirstOrDefault(l => l.Number == page.Level);
            if (level is null)
            {
                level = new Level
                {
                    Number = page.Level,
                    Title = page.LevelTitle,
                    Permalink = page.Permalink,
                    SourceFile = page.File,
                    IntroducedInVersionId = version.Id,
                    LastChangedInVersionId = version.Id,
                };
                craft.Levels.Add(level);
                Changes.Add($"{where}: new level \"{page.LevelTitle}\"");
            }
            else if (level.Title != page.LevelTitle || level.Permalink != page.Permalink)
            {
                Changes.Add($"{where}: title \"{level.Title}\" → \"{page.LevelTitle}\"");
                level.Title = page.LevelTitle;
                level.Permalink = page.Permalink;
            }

            level.SourceFile = page.File;
            var changesBefore = Changes.Count;
            ApplySections(level, page, where);
            if (Changes.Count > changesBefore)
            {
                level.LastChangedInVersionId = version.Id;
            }
        }

        private void ApplySections(Level level, FrameworkPage page, string where)
        {
            for (var order = 0; order < page.Sections.Count; order++)
            {
                var pageSection = page.Sections[order];
                var section = level.Sections.FirstOrDefault(s => TextIdentity.Same(s.Name, pageSection.Name));
                if (section is null)
                {
                    section = new Section { Name = pageSection.Name, AppliesToAll = pageSection.AppliesToAll, Order = order };
                    level.Sections.Add(section);
                    _addedSections.Add((level, section));
                    Changes.Add($"{where}: new section \"{pageSection.Name}\"");
                }
                else if (section.RetiredInVersionId is not null)
                {
                    section.RetiredInVersionId = null;
                    Changes.Add($"{where}: section \"{pageSection.Name}\" restored");
                }

                if (section.Name != pageSection.Name)
                {
                    Changes.Add($"{where}: section \"{section.Name}\" renamed to \"{pageSection.Name}\"");
                    section.Name = pageSection.Name;
                }

                section.Order = order;
                ApplyAreas(section, pageSection, $"{where} · {pageSection.Name}");
            }

            foreach (var gone in level.Sections.Where(s => s.RetiredInVersionId is null && page.Sections.All(p => !TextIdentity.Same(p.Name, s.Name))))
            {
                gone.RetiredInVersionId = version.Id;
                Changes.Add($"{where}: section \"{gone.Name}\" removed (kept as retired)");
            }
        }

        private void ApplyAreas(Section section, PageSection pageSection, string where)
        {
            for (var order = 0; order < pageSection.Areas.Count; order++)
            {
                var pageArea = pageSection.Areas[order];
                var area = section.Areas.FirstOrDefault(a => TextIdentity.Same(a.Anchor, pageArea.Anchor));
                if (area is null)
                {
                    area = new Area { Name = pageArea.Name, Anchor = pageArea.Anchor, Link = pageArea.Link, IsDefined = pageArea.Defined, Order = order };
                    section.Areas.Add(area);
                    _addedAreas.Add((section, area));
                    Changes.Add($"{where}: new area \"{pageArea.Name}\"{(pageArea.Defined ? "" : " (not yet defined)")}");
                }
                else
                {
                    if (area.RetiredInVersionId is not null)
                    {
                        area.RetiredInVersionId = null;
                        Changes.Add($"{where}: area \"{pageArea.Name}\" restored");
                    }

                    if (area.Name != pageArea.Name || area.Link != pageArea.Link || area.Anchor != pageArea.Anchor)
                    {
                        Changes.Add($"{where}: area \"{area.Name}\" renamed or relinked to \"{pageArea.Name}\"");
                        area.Name = pageArea.Name;
                        area.Link = pageArea.Link;
                        area.Anchor = pageArea.Anchor;
                    }

                    if (area.IsDefined != pageArea.Defined)
                    {
                        Changes.Add($"{where}: area \"{pageArea.Name}\" is {(pageArea.Defined ? "now defined" : "no longer defined (TODO)")}");
                        area.IsDefined = pageArea.Defined;
                    }
                }

                area.Order = order;
                ApplyStatements(area, pageArea.Statements, $"{where} · {pageArea.Name}");
            }

            foreach (var gone in section.Areas.Where(a => a.RetiredInVersionId is null && pageSection.Areas.All(p => !TextIdentity.Same(p.Anchor, a.Anchor))))
            {
                gone.RetiredInVersionId = version.Id;
                Changes.Add($"{where}: area \"{gone.Name}\" removed (kept as retired)");
            }
        }

        private void ApplyStatements(Area area, IReadOnlyList<string> texts, string where)
        {
            var active = area.Statements.Where(s => s.RetiredInVersionId is null).OrderBy(s => s.Order).ToList();
            var retired = area.Statements.Where(s => s.RetiredInVersionId is not null).ToList();
            var placed = new Statement?[texts.Count];

            // 1. Same text keeps its identity (an active statement first, else a retired one comes back).
            for (var i = 0; i < texts.Count; i++)
            {
                var same = active.FirstOrDefault(s => s.Text == texts[i]);
                if (same is not null)
                {
                    active.Remove(same);
                    placed[i] = same;
                    continue;
                }

                var revived = retired.FirstOrDefault(s => s.Text == texts[i]);
                if (revived is not null)
                {
                    retired.Remove(revived);
                    revived.RetiredInVersionId = null;
                    revived.LastChangedInVersionId = version.Id;
                    Changes.Add($"{where}: statement restored: \"{Excerpt.Of(revived.Text, 80)}\"");
                    placed[i] = revived;
                }
            }

            // 2. Left-over old and new statements pair up in order: the text changed.
            var leftOver = new Queue<Statement>(active);
            for (var i = 0; i < texts.Count; i++)
            {
                if (placed[i] is not null)
                {
                    continue;
                }

                if (leftOver.TryDequeue(out var changed))
                {
                    Changes.Add($"{where}: statement changed: \"{Excerpt.Of(changed.Text, 80)}\" → \"{Excerpt.Of(texts[i], 80)}\"");
                    changed.Text = texts[i];
                    changed.LastChangedInVersionId = version.Id;
                    changed.Revisions.Add(new StatementRevision { FrameworkVersionId = version.Id, Text = texts[i] });
                    if (changed.Id != 0)
                    {
                        ChangedStatementIds.Add(changed.Id);
                    }

                    placed[i] = changed;
                    continue;
                }

                var added = new Statement
                {
                    Text = texts[i],
                    IntroducedInVersionId = version.Id,
                    LastChangedInVersionId = version.Id,
                };
                if (!setBased)
                {
                    added.Revisions.Add(new StatementRevision { FrameworkVersionId = version.Id, Text = texts[i] });
                }

                area.Statements.Add(added);
                _added.Add((area, added));
                Changes.Add($"{where}: new statement: \"{Excerpt.Of(texts[i], 80)}\"");
                placed[i] = added;
            }

            // 3. What is still left was removed from the page: retired, so items and sign-offs on it stay.
            foreach (var removed in leftOver)
            {
                removed.RetiredInVersionId = version.Id;
                Changes.Add($"{where}: statement removed (kept as retired): \"{Excerpt.Of(removed.Text, 80)}\"");
            }

            var reordered = false;
            for (var i = 0; i < placed.Length; i++)
            {
                reordered |= placed[i]!.Id != 0 && placed[i]!.Order != i;
                placed[i]!.Order = i;
            }

            if (reordered)
            {
                Changes.Add($"{where}: statements reordered");
            }
        }

    }
}
