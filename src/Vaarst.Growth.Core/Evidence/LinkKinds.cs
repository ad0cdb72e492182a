using System.Text.RegularExpressions;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>A recognised kind of evidence link, with a label people read.</summary>
public sealed record LinkKind(string Kind, string Label);

/// <summary>Recognises well-known evidence links (pull requests, experiment runs, documents) from their URL.</summary>
public static partial class LinkKinds
{
    public static readonly LinkKind Generic = new("Link", "Link");

    private static readonly (Regex Pattern, LinkKind Kind)[] Known =
    [
        (GitHubPullRequest(), new("GitHubPullRequest", "GitHub pull request")),
        (GitHubCommit(), new("GitHubCommit", "GitHub commit")),
        (GitLabMergeRequest(), new("GitLabMergeRequest", "GitLab merge request")),
        (GitLabCommit(), new("GitLabCommit", "GitLab commit")),
        (MlflowRun(), new("MlflowRun", "MLflow run")),
        (WandbReport(), new("WandbReport", "Weights & Biases report")),
        (DvcPipeline(), new("DvcPipeline", "DVC pipeline")),
        (Jira(), new("Jira", "Jira issue")),
        (Confluence(), new("Confluence", "Confluence page")),
        (GoogleDocs(), new("GoogleDocs", "Google Docs")),
    ];

    /// <summary>The label of a stored kind ("GitHubPullRequest" → "GitHub pull request").</summary>
    public static string Label(string? kind) =>
        Known.Select(k => k.Kind).FirstOrDefault(k => k.Kind == kind)?.Label ?? Generic.Label;

    public static LinkKind Recognise(string url) =>
        Known.FirstOrDefault(k => k.Pattern.IsMatch(url)).Kind ?? Generic;

    [GeneratedRegex(@"^https?://(www\.)?github\.com/[^/]+/[^/]+/pull/\d+", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubPullRequest();

    [GeneratedRegex(@"^https?://(www\.)?github\.com/[^/]+/[^/]+/commit/[0-9a-f]{7,40}", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubCommit();

    [GeneratedRegex(@"^https?://[^/]*gitlab[^/]*/.+/-/merge_requests/\d+", RegexOptions.IgnoreCase)]
    private static partial Regex GitLabMergeRequest();

    [GeneratedRegex(@"^https?://[^/]*gitlab[^/]*/.+/-/commit/[0-9a-f]{7,40}", RegexOptions.IgnoreCase)]
    private static partial Regex GitLabCommit();

    [GeneratedRegex(@"^https?://[^/]*mlflow[^/]*/.*(runs/[0-9a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MlflowRun();

    [GeneratedRegex(@"^https?://(www\.)?wandb\.ai/.+/reports/", RegexOptions.IgnoreCase)]
    private static partial Regex WandbReport();

    [GeneratedRegex(@"^https?://[^?#]*(dvc\.yaml|dvc\.org/|studio\.iterative\.ai/)", RegexOptions.IgnoreCase)]
    private static partial Regex DvcPipeline();

    [GeneratedRegex(@"^https?://[^/]*(atlassian\.net|jira[^/]*)/browse/[A-Z][A-Z0-9]+-\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Jira();

    [GeneratedRegex(@"^https?://[^/]*(atlassian\.net/wiki|confluence[^/]*)/", RegexOptions.IgnoreCase)]
    private static partial Regex Confluence();

    [GeneratedRegex(@"^https?://docs\.google\.com/(document|spreadsheets|presentation)/", RegexOptions.IgnoreCase)]
    private static partial Regex GoogleDocs();
}
