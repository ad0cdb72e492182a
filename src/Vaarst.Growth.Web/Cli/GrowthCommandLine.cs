using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Cli;

/// <summary>
/// The framework authors' command line: <c>framework validate &lt;file-or-folder&gt; [--json]</c> (no database) and
/// <c>framework import &lt;file-or-folder&gt;</c> (into the configured database).
/// </summary>
public static class GrowthCommandLine
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "framework";

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
        var root = new RootCommand("Vaarst Growth") { framework };
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

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContentRoot.Find() });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddGrowthCore(builder.Configuration, builder.Environment.ContentRootPath);
        using var host = builder.Build();
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
}
