using System.Globalization;
using System.Net;
using Octokit;

namespace Vaarst.Growth.Core.Evidence;

public enum GitHubWorkKind
{
    PullRequest = 0,
    Issue = 1,
}

/// <param name="ExternalId">Stable across imports and servers: host, repository and number ("github.com/vaarst/edge#12").</param>
public sealed record GitHubWork(string ExternalId, GitHubWorkKind Kind, string Title, string Url, DateOnly WorkDate, string Repository, string? Summary);

/// <summary>
/// Reads an engineer's merged pull requests and authored issues through Octokit, page by page, and turns every way
/// GitHub can fail (rate limit, refused token, server error, unreachable) into a message for the engineer.
/// </summary>
internal static class GitHubSource
{
    public const string Provider = "GitHub";

    public static IApiConnection Connect(GitHubOptions options, string token)
    {
        var client = new GitHubClient(new ProductHeaderValue("VaarstGrowth"), new Uri(options.BaseUrl)) { Credentials = new Credentials(token) };
        client.SetRequestTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        return new ApiConnection(client.Connection);
    }

    public static Task<string> LoginAsync(GitHubOptions options, IApiConnection api) =>
        CallAsync(options, async () => (await api.Get<User>(new Uri("user", UriKind.Relative))).Login);

    /// <summary>Merged pull requests (by merge date) and authored issues (by creation date) in the window, newest first.</summary>
    public static Task<IReadOnlyList<GitHubWork>> ListAsync(GitHubOptions options, IApiConnection api, string login, DateOnly from, DateOnly to) =>
        CallAsync<IReadOnlyList<GitHubWork>>(options, async () =>
        {
            var window = $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
            var pulls = await SearchAsync(options, api, $"is:pr is:merged author:{login} merged:{window}");
            var issues = await SearchAsync(options, api, $"is:issue author:{login} created:{window}");
            return pulls.Select(i => ToWork(i, GitHubWorkKind.PullRequest)).Concat(issues.Select(i => ToWork(i, GitHubWorkKind.Issue)))
                .OrderByDescending(w => w.WorkDate).ThenBy(w => w.ExternalId, StringComparer.Ordinal).ToList();
        });

    private static async Task<List<Issue>> SearchAsync(GitHubOptions options, IApiConnection api, string query)
    {
        var all = new List<Issue>();
        for (var page = 1; page <= options.MaxPages; page++)
        {
            var result = await api.Get<SearchIssuesResult>(new Uri("search/issues", UriKind.Relative), new Dictionary<string, string>
            {
                ["q"] = query,
                ["sort"] = "created",
                ["per_page"] = options.PageSize.ToString(CultureInfo.InvariantCulture),
                ["page"] = page.ToString(CultureInfo.InvariantCulture),
            });
            all.AddRange(result.Items);
            if (result.Items.Count < options.PageSize || all.Count >= result.TotalCount)
            {
                break;
            }
        }

        return all;
    }

    private static GitHubWork ToWork(Issue issue, GitHubWorkKind kind)
    {
        var url = new Uri(issue.HtmlUrl);
        // html_url is https://host/owner/repo/pull/12 (or /issues/12).
        var segments = url.AbsolutePath.Trim('/').Split('/');
        var repository = segments.Length >= 2 ? $"{segments[0]}/{segments[1]}" : url.Host;
        var date = kind == GitHubWorkKind.PullRequest ? issue.PullRequest?.MergedAt ?? issue.ClosedAt ?? issue.CreatedAt : issue.CreatedAt;
        var summary = string.IsNullOrWhiteSpace(issue.Body) ? null : Text.Excerpt.Fit(issue.Body.Trim(), Data.TextLimits.EvidenceDescription);
        return new GitHubWork($"{url.Host}/{repository}#{issue.Number}", kind, issue.Title, issue.HtmlUrl, DateOnly.FromDateTime(date.UtcDateTime), repository, summary);
    }

    private static async Task<T> CallAsync<T>(GitHubOptions options, Func<Task<T>> call)
    {
        const string NothingChanged = "Nothing was changed.";
        try
        {
            return await call();
        }
        catch (RateLimitExceededException ex)
        {
            throw new ValidationException($"GitHub's rate limit for your token is used up until {ex.Reset.UtcDateTime:HH:mm} UTC. {NothingChanged} Try again after that.");
        }
        catch (AuthorizationException)
        {
            throw new ValidationException($"GitHub refused the token: check that it is right and has not expired. {NothingChanged}");
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && ex.Message.Contains("rate limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException($"GitHub's rate limit is reached. {NothingChanged} Try again in a few minutes.");
        }
        catch (ApiException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new ValidationException($"GitHub had a server error ({(int)ex.StatusCode}). {NothingChanged} Try again later.");
        }
        catch (ApiException ex)
        {
            throw new ValidationException($"GitHub refused the request ({(int)ex.StatusCode}: {ex.Message}). {NothingChanged}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            throw new ValidationException($"GitHub at {new Uri(options.BaseUrl).Host} cannot be reached. {NothingChanged} Try again later, or ask your administrator to check the GitHub address.");
        }
    }
}
