namespace Vaarst.Growth.BrowserTests;

/// <summary>Locates the repository root: the nearest folder above the test binaries holding Vaarst.Growth.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string File(params string[] parts) =>
        System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Vaarst.Growth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Vaarst.Growth.sln not found in any folder above {AppContext.BaseDirectory}.");
    }
}
