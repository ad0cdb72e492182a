using System.Net;
using System.Text.RegularExpressions;

namespace Vaarst.Growth.Load;

/// <summary>
/// Signs generated people in through development sign-in, as a browser would: GET /account/dev-signin (antiforgery
/// cookie and token, the directory grouped by role), then one form POST per person, keeping the sign-in cookie.
/// </summary>
public static partial class SignIn
{
    /// <summary>Prerendered pages each role visits. Engineers: home, checklist, gap view, evidence library; managers: review queue, team heatmap, team.</summary>
    public static readonly string[] EngineerPaths = ["/", "/checklist", "/gap", "/evidence"];
    public static readonly string[] ManagerPaths = ["/reviews", "/team/heatmap", "/team"];

    public static async Task<int> RunAsync(Uri baseUrl, int engineers, int managers, string output)
    {
        using var client = Http.Create(baseUrl);
        using var page = await client.GetAsync("/account/dev-signin");
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"GET /account/dev-signin answered {(int)page.StatusCode}: is development sign-in on?");
            return 1;
        }

        var antiforgeryCookie = Http.Cookies(page, "vaarst.antiforgery").Single();
        var token = TokenPattern().Match(html).Groups[1].Value;
        var byRole = PeopleByRole(html);
        var chosenEngineers = Spread(byRole.GetValueOrDefault("Engineer", []), engineers);
        // A person who manages is listed under Manager; skip the ones also picked as engineers.
        var chosenManagers = Spread(byRole.GetValueOrDefault("Manager", []).Except(chosenEngineers).ToList(), managers);
        if (chosenEngineers.Count < engineers || chosenManagers.Count < managers)
        {
            Console.Error.WriteLine($"The directory lists {chosenEngineers.Count} engineers and {chosenManagers.Count} managers to sign in; asked for {engineers} and {managers}.");
            return 1;
        }

        var lines = new List<string>();
        foreach (var (role, people, paths) in new[] { ("engineer", chosenEngineers, EngineerPaths), ("manager", chosenManagers, ManagerPaths) })
        {
            foreach (var personId in people)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/account/dev-signin")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["personId"] = personId.ToString(),
                        ["returnUrl"] = "/",
                    }),
                };
                request.Headers.Add("Cookie", antiforgeryCookie);
                using var response = await client.SendAsync(request);
                var cookie = string.Join("; ", Http.Cookies(response, "vaarst.growth"));
                if (response.StatusCode != HttpStatusCode.Redirect || cookie.Length == 0)
                {
                    Console.Error.WriteLine($"Signing in person {personId} answered {(int)response.StatusCode} without a sign-in cookie.");
                    return 1;
                }

                // Prove the cookie works on every page this person will load, before any measurement relies on it.
                foreach (var path in paths)
                {
                    await Http.GetPageAsync(client, path, cookie);
                }

                lines.Add($"{role}\t{personId}\t{cookie}\t{string.Join(',', paths)}");
            }
        }

        await File.WriteAllLinesAsync(output, lines);
        Console.WriteLine($"Signed in {chosenEngineers.Count} engineers and {chosenManagers.Count} managers; every cookie loads its pages (200).");
        return 0;
    }

    /// <summary>Person ids under each role heading of the development sign-in page, in page order.</summary>
    private static Dictionary<string, List<int>> PeopleByRole(string html)
    {
        var result = new Dictionary<string, List<int>>();
        List<int>? current = null;
        foreach (Match match in RoleOrPersonPattern().Matches(html))
        {
            if (match.Groups["role"].Success)
            {
                current = result[match.Groups["role"].Value] = [];
            }
            else
            {
                current?.Add(int.Parse(match.Groups["person"].Value));
            }
        }

        return result;
    }

    /// <summary><paramref name="count"/> people spread evenly over the list (not just the first few, who may be alike).</summary>
    private static List<int> Spread(IReadOnlyList<int> people, int count) =>
        count >= people.Count ? [.. people] : [.. Enumerable.Range(0, count).Select(i => people[(int)((long)i * people.Count / count)])];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"role-(?<role>[A-Za-z]+)\"|name=\"personId\" value=\"(?<person>\\d+)\"")]
    private static partial Regex RoleOrPersonPattern();
}
