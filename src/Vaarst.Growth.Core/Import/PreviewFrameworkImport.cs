using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Import;

/// <summary>One framework page chosen for import: its file name (no folders) and its text.</summary>
public sealed record FrameworkUpload(string FileName, string Text);

/// <summary>What importing the chosen pages would do. Nothing has been written.</summary>
/// <param name="Problems">Every problem, as <c>file:line: message</c>; while there are any, nothing can be imported.</param>
/// <param name="Pages">The parsed pages, to hand to <see cref="ImportFramework"/> unchanged.</param>
/// <param name="Source">How the version will name where it came from (the file names).</param>
/// <param name="CurrentVersion">The framework version the preview was computed against (0 when nothing is imported yet).</param>
/// <param name="Changes">One line per change the import would make, in the import's own words.</param>
/// <param name="ItemsToFlag">Signed-off items that would be flagged for re-confirmation.</param>
public sealed record FrameworkImportPreview(
    IReadOnlyList<FrameworkProblem> Problems,
    IReadOnlyList<FrameworkPage> Pages,
    string Source,
    int CurrentVersion,
    IReadOnlyList<string> Changes,
    int ItemsToFlag)
{
    /// <summary>True when the pages are valid and would change the framework.</summary>
    public bool CanImport => Problems.Count == 0 && Changes.Count > 0;

    /// <summary>True when the pages are valid and match the current framework exactly.</summary>
    public bool MatchesCurrent => Problems.Count == 0 && Changes.Count == 0;

    /// <summary>The request that imports exactly what was previewed, refused if another import happens first.</summary>
    public ImportFrameworkRequest ToImportRequest() => new(Pages, Source, CurrentVersion);
}

/// <summary>
/// Shows an administrator what importing uploaded framework pages would change, and every problem by file and line.
/// It runs <see cref="ImportFramework"/>'s own rules inside a transaction and rolls it back, so the preview cannot
/// drift from the import and writes nothing.
/// </summary>
public sealed class PreviewFrameworkImport(IDbContextFactory<GrowthDbContext> dbFactory, TimeProvider time)
{
    public const int MaxFiles = 100;
    public const int MaxFileBytes = 1024 * 1024;

    public async Task<FrameworkImportPreview> HandleAsync(Actor actor, IReadOnlyList<FrameworkUpload> files, CancellationToken cancellationToken = default)
    {
        actor = await dbFactory.ConfirmAsync(actor, cancellationToken);
        ImportFramework.RequireAdministrator(actor);
        var sizeProblems = CheckChoice(files.Select(f => (f.FileName, (long)Encoding.UTF8.GetByteCount(f.Text))).ToList());
        if (sizeProblems.Count > 0)
        {
            throw new ValidationException(sizeProblems);
        }

        var source = "Upload: " + string.Join(", ", files.Select(f => f.FileName));
        var problems = new List<FrameworkProblem>();
        foreach (var name in files.GroupBy(f => f.FileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new FrameworkProblem(name, 0, "Two chosen files have this name; choose each page once."));
        }

        var parsed = FrameworkPageParser.ParseAll(files.Select(f => (f.FileName, f.Text)));
        problems.AddRange(parsed.Problems);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (problems.Count > 0)
        {
            return new FrameworkImportPreview(problems, [], source, await CurrentVersionAsync(db, cancellationToken), [], 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await CurrentVersionAsync(db, cancellationToken);
        var request = new ImportFrameworkRequest(parsed.Pages, source, current);
        var (result, _) = await ImportFramework.ApplyAsync(db, actor, request, time.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return new FrameworkImportPreview([], parsed.Pages, source, current, result.Changes, result.ItemsFlagged);
    }

    /// <summary>
    /// The limits on one choice of files, checked before anything is read: at least one file, at most
    /// <see cref="MaxFiles"/>, each a <c>.md</c> file of at most <see cref="MaxFileBytes"/>. Returns one message per problem.
    /// </summary>
    public static IReadOnlyList<string> CheckChoice(IReadOnlyList<(string FileName, long Bytes)> files)
    {
        if (files.Count == 0)
        {
            return ["Choose at least one framework page (a .md file)."];
        }

        if (files.Count > MaxFiles)
        {
            return [$"{files.Count} files were chosen; at most {MaxFiles} can be imported at once. Import them in smaller groups."];
        }

        var problems = new List<string>();
        foreach (var (name, bytes) in files)
        {
            if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name} is not a Markdown page: choose .md files only.");
            }
            else if (bytes > MaxFileBytes)
            {
                problems.Add($"{name} is larger than {MaxFileBytes / 1024 / 1024} MB ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes); a framework page may be at most {MaxFileBytes / 1024 / 1024} MB.");
            }
        }

        return problems;
    }

    private static async Task<int> CurrentVersionAsync(GrowthDbContext db, CancellationToken cancellationToken) =>
        await db.FrameworkVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
}
