using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Tests.Account;

namespace Vaarst.Growth.Web.Tests.Features.Calibration;

/// <summary>
/// A panel member of a blind session sweeps every page and endpoint the app routes (read from its routing table), for
/// every id in the organisation, and no response names a candidate: not their name, e-mail, line manager or a file
/// name that carries their name. Before and after the session closes.
/// </summary>
public sealed partial class BlindIntegrityTests
{
    private const string Nia = "nia.adeyemi@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Dana = "dana.whitfield@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Alex = "alex.morgan@vaarst.example";
    private const string Sam = "sam.lee@vaarst.example";
    private const string NameBearingFile = "AlexMorgan-latency-results.txt";

    /// <summary>What a blind reader must never meet: both candidates' names and e-mails (also as the CSV file names spell them), their manager, Alex's upload.</summary>
    private static readonly string[] AlexIdentity = ["Alex Morgan", "AlexMorgan", "alex.morgan@"];
    private static readonly string[] SamIdentity = ["Sam Lee", "SamLee", "sam.lee@"];
    private static readonly string[] ManagerIdentity = ["Priya Raman", "priya.raman@"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BlindSession_panel_member_meets_no_candidate_name_on_any_route_for_any_id_before_and_after_close()
    {
        await using var app = new GrowthAppFactory();
        var session = await ArrangeAsync(app);
        var dana = await SignedInAsync(app, Dana);

        var open = await SweepAsync(app, dana);
        AssertBlind(open, [.. AlexIdentity, .. SamIdentity, .. ManagerIdentity, NameBearingFile]);
        // Refused as "not found" (HTTP 404, the app's not-found page), exactly as a person who does not exist.
        Assert.Contains(open, r => r.Route == $"/gap/{session.AlexId}" && r.Status == HttpStatusCode.NotFound && r.Body.Contains("There is nothing here"));
        Assert.Contains(open, r => r.Route == $"/gap/{session.AlexId}/export.csv" && r.Status == HttpStatusCode.NotFound);

        await CloseAsync(app, session);
        var closed = await SweepAsync(app, dana);
        AssertBlind(closed, [.. AlexIdentity, .. SamIdentity, .. ManagerIdentity, NameBearingFile]);
        // The session's own record stays readable, name-free, after it closes.
        Assert.Contains(closed, r => r.Route == $"/calibration/candidates/{session.AlexNomination}/packet" && r.Status == HttpStatusCode.OK && r.Body.Contains("Candidate A"));
    }

    [Fact]
    public async Task BlindSession_reveal_of_one_candidate_with_a_reason_is_audited_names_only_that_candidate_and_ends_when_the_session_closes()
    {
        await using var app = new GrowthAppFactory();
        var session = await ArrangeAsync(app);
        var dana = await SignedInAsync(app, Dana);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var actors = await ActorsAsync(scope.ServiceProvider);
            await scope.ServiceProvider.GetRequiredService<RevealIdentities>().HandleAsync(actors[Dana],
                new RevealIdentitiesRequest(session.AlexNomination, "I mentored Candidate A last year; declaring it."), Ct);
            var log = await scope.ServiceProvider.GetRequiredService<GetAuditLog>().HandleAsync(actors[Nia], new AuditLogFilter(session.AlexId, AuditEventTypes.IdentitiesRevealed), 0, 10, Ct);
            var reveal = Assert.Single(log.Entries);
            Assert.Equal(("Dana Whitfield", "Alex Morgan"), (reveal.ActorName, reveal.PersonName));
            Assert.Contains("I mentored Candidate A last year; declaring it.", reveal.After);
        }

        var revealed = await SweepAsync(app, dana);
        AssertBlind(revealed, [.. SamIdentity]);
        Assert.Contains(revealed, r => r.Route == $"/gap/{session.AlexId}" && r.Status == HttpStatusCode.OK && r.Body.Contains("Alex Morgan"));
        Assert.Contains(revealed, r => r.Route == $"/calibration/{session.Id}" && r.Body.Contains("Alex Morgan") && r.Body.Contains("Candidate B"));
        Assert.Contains(revealed, r => r.Route == $"/evidence/{session.AlexFileId}/file" && r.FileName == NameBearingFile);
        Assert.Contains(revealed, r => r.Route == $"/gap/{session.SamId}/export.csv" && r.Status == HttpStatusCode.NotFound);

        await CloseAsync(app, session);
        AssertBlind(await SweepAsync(app, dana), [.. AlexIdentity, .. SamIdentity, .. ManagerIdentity, NameBearingFile]);
    }

    private sealed record ArrangedSession(int Id, int AlexNomination, int SamNomination, int AlexId, int SamId, int AlexFileId);

    private sealed record Response(string Route, HttpStatusCode Status, string Body, string? FileName);

    /// <summary>
    /// Nia creates a blind Level 4 session with Morgan (chair) and Dana; Alex uploads a file whose name carries his name;
    /// Priya nominates Alex (Candidate A) and Sam (Candidate B); Morgan starts the session.
    /// </summary>
    private static async Task<ArrangedSession> ArrangeAsync(GrowthAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var actors = await ActorsAsync(services);
        int statementId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct))
        {
            statementId = await db.Statements.Where(s => s.Area!.Section!.AppliesToAll && s.Area.Section.Level!.Number == 4 && s.RetiredInVersionId == null)
                .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        }

        using var content = new MemoryStream("p95 19 ms on the Orin\n"u8.ToArray());
        var fileId = await services.GetRequiredService<AddFileEvidence>().HandleAsync(actors[Alex],
            new AddFileEvidenceRequest(new EvidenceDetails("Latency results", new DateOnly(2026, 10, 2), null), NameBearingFile, content, [statementId]), Ct);
        var sessionId = await services.GetRequiredService<CreateSession>().HandleAsync(actors[Nia],
            new CreateSessionRequest("Level 4 promotions", 4, new DateOnly(2026, 12, 10), [actors[Morgan].PersonId!.Value, actors[Dana].PersonId!.Value], actors[Morgan].PersonId!.Value), Ct);
        var nominate = services.GetRequiredService<NominateCandidate>();
        var alex = await nominate.HandleAsync(actors[Priya], new NominateCandidateRequest(sessionId, actors[Alex].PersonId!.Value, "Leads the team's ML Ops practice."), Ct);
        var sam = await nominate.HandleAsync(actors[Priya], new NominateCandidateRequest(sessionId, actors[Sam].PersonId!.Value, "Owns the on-device inference pipeline."), Ct);
        await services.GetRequiredService<StartSession>().HandleAsync(actors[Morgan], sessionId, Ct);
        return new ArrangedSession(sessionId, alex, sam, actors[Alex].PersonId!.Value, actors[Sam].PersonId!.Value, fileId);
    }

    private static async Task CloseAsync(GrowthAppFactory app, ArrangedSession session)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var actors = await ActorsAsync(services);
        var view = await services.GetRequiredService<GetSession>().HandleAsync(actors[Morgan], session.Id, Ct);
        foreach (var candidate in view.Candidates)
        {
            await services.GetRequiredService<RecordDecision>().HandleAsync(actors[Morgan],
                new RecordDecisionRequest(candidate.NominationId, candidate.Version, Outcome.NotYet, "More signed-off evidence first."), Ct);
        }

        await services.GetRequiredService<CloseSession>().HandleAsync(actors[Morgan], session.Id, Ct);
    }

    /// <summary>
    /// Every GET page and endpoint in the routing table (sign-in pages and static files aside), each route parameter set
    /// to every id from 1 to one past the largest id of people, items, evidence, nominations and sessions.
    /// </summary>
    private static async Task<List<Response>> SweepAsync(GrowthAppFactory app, HttpClient client)
    {
        int largest;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct))
        {
            largest = new[]
            {
                await db.People.MaxAsync(p => p.Id, Ct), await db.ChecklistItems.MaxAsync(i => i.Id, Ct), await db.Evidence.MaxAsync(e => e.Id, Ct),
                await db.Nominations.MaxAsync(n => n.Id, Ct), await db.CalibrationSessions.MaxAsync(s => s.Id, Ct),
            }.Max() + 1;
        }

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => !PublicRoutes().IsMatch(route))
            .Distinct()
            .ToList();
        Assert.Contains("/gap/{personId:int}/export.csv", routes);
        Assert.Contains("/evidence/{evidenceId:int}/file", routes);
        Assert.Contains(routes, r => r.StartsWith("/gap/{PersonId", StringComparison.Ordinal) && r.EndsWith("/print", StringComparison.Ordinal));

        var responses = new List<Response>();
        foreach (var route in routes)
        {
            var paths = RouteParameter().IsMatch(route)
                ? Enumerable.Range(1, largest).Select(id => RouteParameter().Replace(route, id.ToString()))
                : [route];
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path, Ct);
                var disposition = response.Content.Headers.ContentDisposition;
                responses.Add(new Response(path, response.StatusCode, await response.Content.ReadAsStringAsync(Ct), disposition?.FileNameStar ?? disposition?.FileName));
            }
        }

        return responses;
    }

    private static void AssertBlind(IReadOnlyCollection<Response> responses, string[] hidden)
    {
        Assert.All(responses, r => Assert.True((int)r.Status < 500, $"{r.Route} answered {(int)r.Status}"));
        var leaks = responses
            .SelectMany(r => hidden.Where(h => r.Body.Contains(h, StringComparison.OrdinalIgnoreCase) || r.FileName?.Contains(h, StringComparison.OrdinalIgnoreCase) == true)
                .Select(h => $"{r.Route} ({(int)r.Status}) shows \"{h}\""))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static async Task<Dictionary<string, Actor>> ActorsAsync(IServiceProvider services)
    {
        var directory = services.GetRequiredService<SignInDirectory>();
        var people = await directory.ListAsync(Ct);
        var actors = new Dictionary<string, Actor>();
        foreach (var person in people)
        {
            actors[person.Email] = (await directory.FindAsync(person.Id, Ct))!;
        }

        return actors;
    }

    private static async Task<HttpClient> SignedInAsync(GrowthAppFactory app, string email)
    {
        var client = app.CreateBrowserlessClient();
        var signIn = await SignInTests.SignInAsync(client, email, "/");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    [GeneratedRegex(@"^/(account/|health|not-found|error|_blazor|_framework|_content|favicon|app\.css|.*\.(css|js|svg|png|ico|json|map|woff2?)$|.*#)", RegexOptions.IgnoreCase)]
    private static partial Regex PublicRoutes();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
