using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Vaarst.Growth.Core;
using Vaarst.Growth.Web.Components.Shared;

namespace Vaarst.Growth.Web.Tests.Components;

public sealed class UseCaseRunnerTests : BunitContext
{
    private readonly ISnackbar _snackbar;

    public UseCaseRunnerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        _snackbar = Services.GetRequiredService<ISnackbar>();
    }

    [Fact]
    public async Task Success_is_true_shows_nothing_and_is_busy_only_while_running()
    {
        var run = new UseCaseRunner(_snackbar);
        var busyInside = false;

        var done = await run.RunAsync(() => { busyInside = run.Busy; return Task.CompletedTask; });

        Assert.True(done);
        Assert.True(busyInside);
        Assert.False(run.Busy);
        Assert.Empty(_snackbar.ShownSnackbars);
    }

    [Fact]
    public async Task Conflict_is_a_warning_and_reloads()
    {
        var run = new UseCaseRunner(_snackbar);
        var reloaded = 0;

        var done = await run.RunAsync(() => throw new ConflictException("Someone changed it first."), reload: () => { reloaded++; return Task.CompletedTask; });

        Assert.False(done);
        Assert.Equal(1, reloaded);
        var shown = Assert.Single(_snackbar.ShownSnackbars);
        Assert.Equal((Severity.Warning, "Someone changed it first."), (shown.Severity, shown.Message));
        Assert.False(run.Busy);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Forbidden_and_not_found_go_to_the_refused_state_and_show_nothing(bool forbidden)
    {
        var run = new UseCaseRunner(_snackbar);
        string? refused = null;
        UseCaseException refusal = forbidden ? new ForbiddenException("Not yours.") : new NotFoundException("Not there.");

        var done = await run.RunAsync(() => throw refusal, refused: m => refused = m);

        Assert.False(done);
        Assert.Equal(refusal.Message, refused);
        Assert.Empty(_snackbar.ShownSnackbars);
    }

    [Fact]
    public async Task Validation_goes_to_the_field_when_there_is_one()
    {
        var run = new UseCaseRunner(_snackbar);
        IReadOnlyList<string>? fields = null;

        await run.RunAsync(() => throw new ValidationException(["The title is required.", "The date is in the future."]), invalid: e => fields = e);

        Assert.Equal(["The title is required.", "The date is in the future."], fields);
        Assert.Empty(_snackbar.ShownSnackbars);
    }

    [Fact]
    public async Task Refusals_with_no_state_to_go_to_are_error_messages()
    {
        var run = new UseCaseRunner(_snackbar);

        await run.RunAsync(() => throw new ValidationException(["The title is required."]));
        await run.RunAsync(() => throw new ForbiddenException("Not yours."));
        await run.RunAsync(() => throw new ConflictException("Changed."));

        Assert.Equal(
            [(Severity.Error, "The title is required."), (Severity.Error, "Not yours."), (Severity.Warning, "Changed.")],
            _snackbar.ShownSnackbars.Select(s => (s.Severity, s.Message)));
    }

    [Fact]
    public async Task Any_other_exception_is_a_fault_that_reaches_the_error_boundary()
    {
        var run = new UseCaseRunner(_snackbar);

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.RunAsync(() => throw new InvalidOperationException("bug")));

        Assert.False(run.Busy);
        Assert.Empty(_snackbar.ShownSnackbars);
    }
}
