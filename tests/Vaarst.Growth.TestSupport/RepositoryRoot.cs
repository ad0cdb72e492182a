namespace Vaarst.Growth.TestSupport;

/// <summary>Finds files of the repository from a test, wherever the test assembly runs from.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Vaarst.Growth.sln";

    private static readonly Lazy<string> _folder = new(Find);

    /// <summary>The folder holding <c>Vaarst.Growth.sln</c>.</summary>
    public static string Folder => _folder.Value;

    /// <summary>A path inside the repository, from parts such as <c>"seed-content", "careerframework"</c>.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
