using Microsoft.Extensions.DependencyInjection;
using Vaarst.Growth.Core.Calibration;
using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.BrowserTests;

/// <summary>
/// The demo organisation holds no calibration session, so tests that visit the calibration pages set one up once per
/// app, through the use cases and as the people who would do it: Nia creates a blind Level 4 session with Morgan
/// (chair) and Dana, Priya nominates Sam and Alex, Morgan starts it.
/// </summary>
internal static class DemoCalibrationSession
{
    private static readonly Dictionary<AppFixture, (int SessionId, int NominationId)> SessionsByApp = [];
    private static readonly SemaphoreSlim Setup = new(1, 1);

    /// <summary>The session's id and Sam's nomination id (Candidate A).</summary>
    public static async Task<(int SessionId, int NominationId)> EnsureAsync(AppFixture app)
    {
        await Setup.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (SessionsByApp.TryGetValue(app, out var ids))
            {
                return ids;
            }

            var services = app.Services;
            var directory = services.GetRequiredService<SignInDirectory>();
            var people = await directory.ListAsync(TestContext.Current.CancellationToken);
            int IdOf(string email) => people.Single(p => p.Email == email).Id;
            async Task<Actor> ActorAsync(string email) => (await directory.FindAsync(IdOf(email)))!;

            var sessionId = await services.GetRequiredService<CreateSession>().HandleAsync(await ActorAsync("nia.adeyemi@vaarst.example"),
                new("Level 4 promotions, spring", 4, new DateOnly(2026, 12, 10), [IdOf("morgan.ellis@vaarst.example"), IdOf("dana.whitfield@vaarst.example")], IdOf("morgan.ellis@vaarst.example")));
            var nominate = services.GetRequiredService<NominateCandidate>();
            var priya = await ActorAsync("priya.raman@vaarst.example");
            var nominationId = await nominate.HandleAsync(priya, new(sessionId, IdOf("sam.lee@vaarst.example"), "Has led the edge deployment work for two quarters and owns the on-device inference pipeline."));
            await nominate.HandleAsync(priya, new(sessionId, IdOf("alex.morgan@vaarst.example"), "ML Ops and governance evidence is broad and recent."));
            await services.GetRequiredService<StartSession>().HandleAsync(await ActorAsync("morgan.ellis@vaarst.example"), sessionId);
            SessionsByApp[app] = (sessionId, nominationId);
            return (sessionId, nominationId);
        }
        finally
        {
            Setup.Release();
        }
    }
}
