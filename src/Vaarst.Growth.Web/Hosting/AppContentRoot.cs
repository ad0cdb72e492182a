namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// The web project's folder (where appsettings.json lives), so relative paths in configuration mean the same
/// whether the app is started from the repository root, the project folder or a test host.
/// </summary>
public static class AppContentRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (File.Exists(Path.Combine(start, "appsettings.json")) && File.Exists(Path.Combine(start, "Vaarst.Growth.Web.csproj")))
            {
                return start;
            }

            var fromRepositoryRoot = Path.Combine(start, "src", "Vaarst.Growth.Web");
            if (File.Exists(Path.Combine(fromRepositoryRoot, "Vaarst.Growth.Web.csproj")))
            {
                return fromRepositoryRoot;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
