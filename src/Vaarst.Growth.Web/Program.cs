using Vaarst.Growth.Web.Cli;
using Vaarst.Growth.Web.Hosting;

// The same executable serves the app and runs the command line: framework authors'
// (`dotnet run --project src/Vaarst.Growth.Web -- framework validate <path>`) and performance work's
// (`dotnet run --project src/Vaarst.Growth.Web -- data generate --engineers 2000 --database perf.db`).
if (GrowthCommandLine.Handles(args))
{
    return await GrowthCommandLine.RunAsync(args, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = GrowthWebApplication.Build(args);
}
catch (StartupRefusedException refusal)
{
    refusal.Log();
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The web application's entry point (public so tests can host it).</summary>
public partial class Program;
