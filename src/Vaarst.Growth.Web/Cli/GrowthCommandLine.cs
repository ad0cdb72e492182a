using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Import;
using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Data.Generation;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Cli;

/// <summary>
/// The framework authors' command line: <c>framework validate &lt;file-or-folder&gt; [--json]</c> (no database) and
/// <c>framework import &lt;file-or-folder&gt;</c> (into the configured database); and, for performance work,
/// <c>data generate --engineers N [--seed S] [--database &lt;sqlite file&gt;]</c> (a synthetic organisation in an empty
/// database) and <c>data pages &lt;folder&gt; [--crafts N] [--seed S]</c> (the synthetic framework pages as Markdown).
/// </summary>
public static class GrowthCommandLine
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "framework" or "data";

    /// <param name="settings">Configuration that overrides appsettings and the environment (tests point the import at their own database).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var pathArgument = new Argument<string>("path") { Description = "A framework Markdown page, or a folder of them (searched recursively)." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the parsed pages and problems as JSON." };

        var validate = new Command("validate", "Check framework pages without touching any database.") { pathArgument, jsonOption };
        validate.SetAction(parseResult => Validate(parseResult.GetValue(pathArgument)!, parseResult.GetValue(jsonOption), output, error));

        var importPath = new Argument<string>("path") { Description = "A framework Markdown page, or a folder of them." };
        var import = new Command("import", "Import framework pages into the configured database.") { importPath };
        import.SetAction((parseResult, cancellationToken) => ImportAsync(parseResult.GetValue(importPath)!, output, error, settings, cancellationToken));

        var framework = new Command("framework", "Validate or import Vaarst Career Framework pages.") { validate, import };

        var engineersOption = new Option<int>("--engineers") { Description = "How many engineers to generate.", DefaultValueFactory = _ => new GeneratorOptions().Engineers };
        var seedOption = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same organisation.", DefaultValueFactory = _ => new GeneratorOptions().Seed };
        var databaseOption = new Option<string?>("--database") { Description = "A SQLite database file to create or migrate and fill, instead of the configured database." };
        var generate = new Command("generate", "Migrate the database and fill its empty directory with a synthetic organisation.") { engineersOption, seedOption, databaseOption };
        generate.SetAction((parseResult, cancellationToken) => GenerateAsync(
            new GeneratorOptions { Engineers = parseResult.GetValue(engineersOption), Seed = parseResult.GetValue(seedOption) },
            parseResult.GetValue(databaseOption), output, error, settings, cancellationToken));

        var pagesFolder = new Argument<string>("folder") { Description = "The folder to write the pages to (one sub-folder per craft)." };
        var craftsOption = new Option<int>("--crafts") { Description = "How many crafts (each has 5 level pages).", DefaultValueFactory = _ => 10 };
        var pagesSeedOption = new Option<int>("--seed") { Description = "The random seed of the statement texts.", DefaultValueFactory = _ => new GeneratorOptions().Seed };
        var pages = new Command("pages", "Write the synthetic framework pages as Markdown (10 crafts × 5 levels = 50 pages by default).") { pagesFolder, craftsOption, pagesSeedOption };
        pages.SetAction((parseResult, cancellationToken) => WritePagesAsync(parseResult.GetValue(pagesFolder)!,
            new GeneratorOptions { Crafts = parseResult.GetValue(craftsOption), Seed = parseResult.GetValue(pagesSeedOption) }, output, error, cancellationToken));

        var data = new Command("data", "Generate synthetic data for performance work.") { generate, pages };
        var root = new RootCommand("Vaarst Growth") { framework, data };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Validate(string path, bool json, TextWriter output, TextWriter error)
    {
        var result = FrameworkPageParser.ParsePath(path);
        if (json)
        {
            output.WriteLine(FrameworkValidationJson.Write(result));
        }
        else
        {
            foreach (var page in result.Pages)
            {
                var areas = page.Sections.SelectMany(s => s.Areas).ToList();
                output.WriteLine($"{page.File}: {page.Craft} · Level {page.Level} ({page.LevelTitle}): {page.Sections.Count} sections, " +
                    $"{areas.Count} areas ({areas.Count(a => !a.Defined)} not yet defined), {areas.Sum(a => a.Statements.Count)} statements");
            }
        }

        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem.ToString());
        }

        return result.IsValid ? 0 : 1;
    }

    private static async Task<int> ImportAsync(string path, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var parsed = FrameworkPageParser.ParsePath(path);
        if (!parsed.IsValid)
        {
            foreach (var problem in parsed.Problems)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine("Nothing was imported.");
            return 1;
        }

        using var host = BuildHost(settings);
        var services = host.Services;
        if (services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        try
        {
            var result = await services.GetRequiredService<ImportFramework>()
                .HandleAsync(Actor.System, new ImportFrameworkRequest(parsed.Pages, Path.GetFullPath(path)), cancellationToken);
            if (!result.Changed)
            {
                output.WriteLine($"No changes: {parsed.Pages.Count} page(s) match the stored framework.");
                return 0;
            }

            output.WriteLine($"Imported framework version {result.VersionNumber}: {result.Changes.Count} change(s), {result.ItemsFlagged} signed-off item(s) flagged for re-confirmation.");
            foreach (var change in result.Changes)
            {
                output.WriteLine($"  {change}");
            }

            return 0;
        }
        catch (UseCaseException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("Nothing was imported.");
            return 1;
        }
    }

    private static async Task<int> GenerateAsync(GeneratorOptions options, string? database, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        try
        {
            options.Validate();
        }
        catch (ValidationException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }

        var effective = settings?.ToDictionary() ?? [];
        if (database is not null)
        {
            effective["Database:Provider"] = DatabaseOptions.Sqlite;
            effective["ConnectionStrings:Growth"] = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(database) }.ToString();
        }

        using var host = BuildHost(effective);
        var stopwatch = Stopwatch.StartNew();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var people = await db.People.CountAsync(cancellationToken);
        if (people > 0)
        {
            error.WriteLine($"The database already holds {people} people: data generate only fills an empty directory, so nothing was generated. " +
                "Use --database with a new SQLite file.");
            return 1;
        }

        output.WriteLine($"Generating {options.Engineers} engineers (seed {options.Seed}) into {db.Database.GetDbConnection().DataSource}...");
        var organisation = await OrganisationGenerator.GenerateAsync(db, options, cancellationToken);
        foreach (var line in organisation.Counts.Lines())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"Generated in {organisation.Elapsed.TotalSeconds:0.0} s ({stopwatch.Elapsed.TotalSeconds:0.0} s with migrations).");
        return 0;
    }

    private static async Task<int> WritePagesAsync(string folder, GeneratorOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var files = await SyntheticFramework.WritePagesAsync(folder, options, cancellationToken);
            output.WriteLine($"Wrote {files.Count} framework pages under {Path.GetFullPath(folder)}.");
            return 0;
        }
        catch (ValidationException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static IHost BuildHost(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContentRoot.Find() });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddGrowthCore(builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }
}
