using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Hosting;

/// <summary>
/// An open tab's sign-in is re-checked against the directory: once the person signs out elsewhere, is deactivated or
/// loses a role, the tab's authentication state turns anonymous (and the layout reloads through sign-in).
/// </summary>
public sealed class SessionRevalidationTests(GrowthAppFactory app) : IClassFixture<GrowthAppFactory>, IDisposable
{
    private readonly List<IDisposable> _tabs = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_tab_turns_anonymous_after_sign_out_elsewhere()
    {
        var (id, tab) = await OpenTabAsync("jordan.kim@vaarst.example");

        await Directory.EndSessionsAsync(id, Ct);

        Assert.False((await tab).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Open_tab_turns_anonymous_after_deactivation()
    {
        var (id, tab) = await OpenTabAsync("riley.chen@vaarst.example");

        await ChangeAsync(id, r => r with { IsActive = false });

        Assert.False((await tab).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Open_tab_turns_anonymous_when_a_role_is_removed()
    {
        var (id, tab) = await OpenTabAsync("dana.whitfield@vaarst.example");

        await ChangeAsync(id, r => r with { Roles = Roles.Engineer });

        Assert.False((await tab).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_sign_in_matches_the_directory_until_the_directory_changes()
    {
        var id = await IdAsync("casey.novak@vaarst.example");
        var user = GrowthAuthentication.CreatePrincipal((await Directory.FindAsync(id, Ct))!, "Cookies");
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>();
        Assert.True(SessionAuthority.MatchesDirectory(user, await dbFactory.ReadAuthorityAsync(id, Ct)));

        await ChangeAsync(id, r => r with { Name = "Casey Novak-Lee" });
        Assert.True(SessionAuthority.MatchesDirectory(user, await dbFactory.ReadAuthorityAsync(id, Ct)));

        await ChangeAsync(id, r => r with { Roles = Roles.Engineer | Roles.Manager });
        Assert.False(SessionAuthority.MatchesDirectory(user, await dbFactory.ReadAuthorityAsync(id, Ct)));
        var withoutStamp = GrowthAuthentication.CreatePrincipal(new Actor(id, "Casey Novak-Lee", Roles.Engineer | Roles.Manager), "Cookies");
        Assert.False(SessionAuthority.MatchesDirectory(withoutStamp, await dbFactory.ReadAuthorityAsync(id, Ct)));
    }

    private SignInDirectory Directory => app.Services.GetRequiredService<SignInDirectory>();

    /// <summary>
    /// A tab signed in as the person, revalidating every 50 ms; the task completes when its state turns anonymous
    /// (a generous limit only keeps a broken build from hanging).
    /// </summary>
    private async Task<(int Id, Task<AuthenticationState> Anonymous)> OpenTabAsync(string email)
    {
        var id = await IdAsync(email);
        var provider = new DirectoryRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance,
            app.Services.GetRequiredService<IDbContextFactory<GrowthDbContext>>(), new SessionRevalidationOptions(TimeSpan.FromMilliseconds(50)));
        var anonymous = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            var now = await state;
            if (now.User.Identity?.IsAuthenticated != true)
            {
                anonymous.TrySetResult(now);
            }
        };
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(GrowthAuthentication.CreatePrincipal((await Directory.FindAsync(id, Ct))!, "Cookies"))));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        _tabs.Add(provider);
        return (id, anonymous.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    public void Dispose()
    {
        foreach (var tab in _tabs)
        {
            tab.Dispose();
        }
    }

    private async Task<int> IdAsync(string email) => (await Directory.ListAsync(Ct)).Single(p => p.Email == email).Id;

    private async Task ChangeAsync(int id, Func<UpdatePersonRequest, UpdatePersonRequest> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var edit = await scope.ServiceProvider.GetRequiredService<GetPersonForEdit>().HandleAsync(Actor.System, id, Ct);
        await scope.ServiceProvider.GetRequiredService<UpdatePerson>().HandleAsync(Actor.System, change(new UpdatePersonRequest(edit.Id, edit.Version, edit.Name, edit.Email,
            edit.ManagerEmail, edit.Craft, edit.Specialism, edit.CurrentLevel, edit.TargetLevel, edit.Roles, edit.IsActive)), Ct);
    }
}
