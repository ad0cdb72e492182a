using System.ComponentModel.DataAnnotations;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>The <c>GitHub</c> configuration section: where the app lists engineers' work from.</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";

    /// <summary>
    /// The API's base URL: <c>https://api.github.com/</c>, or a GitHub Enterprise server (<c>https://github.example.com/</c>;
    /// the client adds <c>api/v3/</c> to a host other than api.github.com).
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "https://api.github.com/";

    /// <summary>Results per page asked of the search API (GitHub's maximum is 100).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>At most this many pages are read per search.</summary>
    [Range(1, 10)]
    public int MaxPages { get; set; } = 10;

    /// <summary>How long one call to GitHub may take before the server counts as unreachable.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;
}
