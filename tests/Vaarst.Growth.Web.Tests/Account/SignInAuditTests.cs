using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Account;

/// <summary>
/// Every sign-in, refused sign-in and sign-out writes exactly one audit event (the person where known, the method, no
/// token or stamp); a failed audit write never stops the sign-in. Each test has its own app and database.
/// </summary>
public sealed class SignInAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Development_sign_in_writes_one_signed_in_event_about_the_person()
    {
        await using var app = new GrowthAppFactory();
        var priya = await PersonIdAsync(app, "priya.raman@vaarst.example");

        var response = await SignInTests.SignInAsync(app.CreateBrowserlessClient(), "priya.raman@vaarst.example", "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignedIn, priya, priya), (audit.Type, audit.ActorId, audit.PersonId));
        Assert.Contains("development sign-in", audit.Summary);
        await AssertNoSecretsAsync(app, audit, priya);
    }

    [Fact]
    public async Task Development_sign_in_as_a_deactivated_person_is_refused_with_one_event_about_them()
    {
        await using var app = new GrowthAppFactory();
        var priya = await PersonIdAsync(app, "priya.raman@vaarst.example");
        await DeactivateAsync(app, priya);
        var client = app.CreateBrowserlessClient();

        var response = await PostSignInAsync(client, priya);

        Assert.Equal("/account/dev-signin?error=unknown", response.Headers.Location!.OriginalString);
        var audit = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignInRefused, priya), (audit.Type, audit.PersonId));
        Assert.Contains("deactivated", audit.Summary);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_as_nobody_in_the_directory_is_refused_with_one_event()
    {
        await using var app = new GrowthAppFactory();

        await PostSignInAsync(app.CreateBrowserlessClient(), 999_999);

        var audit = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignInRefused, (int?)null, (int?)null), (audit.Type, audit.ActorId, audit.PersonId));
        Assert.Contains("not in the directory", audit.Summary);
    }

    [Fact]
    public async Task Sign_out_writes_one_signed_out_event()
    {
        await using var app = new GrowthAppFactory();
        var priya = await PersonIdAsync(app, "priya.raman@vaarst.example");
        var client = app.CreateBrowserlessClient();
        await SignInTests.SignInAsync(client, "priya.raman@vaarst.example", "/");
        var home = await client.GetStringAsync("/", Ct);

        await client.PostAsync("/account/signout", new FormUrlEncodedContent(SignInTests.Token(home)), Ct);

        var events = await AccountEventsAsync(app);
        Assert.Equal([AuditEventTypes.SignedIn, AuditEventTypes.SignedOut], events.Select(e => e.Type));
        Assert.Equal((priya, priya), (events[1].ActorId, events[1].PersonId));
    }

    [Fact]
    public async Task Entra_sign_in_of_a_directory_person_writes_one_signed_in_event_with_the_method()
    {
        await using var app = new GrowthAppFactory();
        var priya = await PersonIdAsync(app, "priya.raman@vaarst.example");

        await ValidateEntraTokenAsync(app, "oid-priya", "priya.raman@vaarst.example");

        var signIn = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignedIn, priya), (signIn.Type, signIn.PersonId));
        Assert.Contains("Entra ID", signIn.Summary);
        Assert.DoesNotContain("oid-priya", signIn.Summary + signIn.Before + signIn.After);
    }

    [Fact]
    public async Task Entra_sign_in_of_someone_not_in_the_directory_writes_one_refused_event_naming_the_claimed_email()
    {
        await using var app = new GrowthAppFactory();

        await ValidateEntraTokenAsync(app, "oid-stranger", "stranger@elsewhere.example");

        var refused = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignInRefused, (int?)null), (refused.Type, refused.PersonId));
        Assert.Contains("stranger@elsewhere.example", refused.Summary);
        Assert.DoesNotContain("oid-stranger", refused.Summary + refused.After);
    }

    [Fact]
    public async Task Entra_sign_in_of_a_deactivated_person_writes_one_refused_event_about_them()
    {
        await using var app = new GrowthAppFactory();
        var priya = await PersonIdAsync(app, "priya.raman@vaarst.example");
        await DeactivateAsync(app, priya);

        await ValidateEntraTokenAsync(app, "oid-priya", "priya.raman@vaarst.example");

        var refused = Assert.Single(await AccountEventsAsync(app));
        Assert.Equal((AuditEventTypes.SignInRefused, priya), (refused.Type, refused.PersonId));
        Assert.Contains("deactivated", refused.Summary);
    }

    [Fact]
    public async Task A_sign_in_whose_audit_cannot_be_written_still_goes_ahead_and_is_logged_as_an_error()
    {
        var logs = new ErrorLog();
        var services = new ServiceCollection()
            .AddSingleton(new SignInDirectory(new BrokenDatabase()))
            .AddLogging(b => b.AddProvider(logs))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };

        await SignInAudit.RecordAsync(http, new SignInEvent(AuditEventTypes.SignedIn, SignInMethod.EntraId, 1));

        Assert.Contains(logs.Errors, e => e.Contains("Could not audit account.signed-in"));
    }

    /// <summary>Runs the OpenID Connect token-validated step of the app's Entra ID sign-in on an identity Entra ID vouched for.</summary>
    private static async Task ValidateEntraTokenAsync(GrowthAppFactory app, string objectId, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var identity = new ClaimsIdentity([new Claim("oid", objectId), new Claim("preferred_username", email), new Claim("name", "From Entra")], "oidc");
        var context = new Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext(http,
            new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler)), new OpenIdConnectOptions(),
            new ClaimsPrincipal(identity), new AuthenticationProperties());
        await GrowthAuthentication.AttachDirectoryPersonAsync(context);
    }

    /// <summary>Posts the development sign-in form with a person id the page does not list (the form's token is another person's).</summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, int personId)
    {
        var html = await client.GetStringAsync("/account/dev-signin", Ct);
        var fields = SignInTests.Token(html);
        fields["personId"] = personId.ToString();
        fields["returnUrl"] = "/";
        return await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task AssertNoSecretsAsync(GrowthAppFactory app, AuditEvent audit, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct);
        var stamp = await db.People.Where(p => p.Id == personId).Select(p => p.SecurityStamp).SingleAsync(Ct);
        Assert.DoesNotContain(stamp, audit.Summary + audit.Before + audit.After);
    }

    private static async Task<List<AuditEvent>> AccountEventsAsync(GrowthAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEvents.AsNoTracking().Where(a => a.Type.StartsWith(AuditEventTypes.AccountPrefix)).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static async Task<int> PersonIdAsync(GrowthAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GrowthDbContext>>().CreateDbContextAsync(Ct);
        return await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(Ct);
    }

    private static async Task DeactivateAsync(GrowthAppFactory app, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var edit = await scope.ServiceProvider.GetRequiredService<GetPersonForEdit>().HandleAsync(Actor.System, personId, Ct);
        await scope.ServiceProvider.GetRequiredService<UpdatePerson>().HandleAsync(Actor.System, new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email,
            edit.ManagerEmail, edit.Craft, edit.Specialism, edit.CurrentLevel, edit.TargetLevel, edit.Roles, false), Ct);
    }

    private sealed class BrokenDatabase : IDbContextFactory<GrowthDbContext>
    {
        public GrowthDbContext CreateDbContext() => throw new InvalidOperationException("The database is unreachable.");
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public List<string> Errors { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    lock (log.Errors)
                    {
                        log.Errors.Add(formatter(state, exception));
                    }
                }
            }
        }
    }
}
