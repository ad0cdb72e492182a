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

    [Theory]
    [InlineData("not found", 404)]
    [InlineData("forbidden", 403)]
    [InlineData("invalid", 400)]
    [InlineData("conflict", 409)]
    public async Task A_refused_read_is_the_pages_refused_state_with_its_status_and_shows_nothing(string kind, int status)
    {
        var run = new UseCaseRunner(_snackbar);
        UseCaseException refusal = kind switch
        {
            "not found" => new NotFoundException("Not there."),
            "forbidden" => new ForbiddenException("Not yours."),
            "invalid" => new ValidationException("Not a level."),
            _ => new ConflictException("Changed."),
        };
        Refusal? refused = null;

        var read = await run.ReadAsync(() => throw refusal, refused: r => refused = r);

        Assert.False(read);
        Assert.Equal(new Refusal(refusal.Message, status), refused);
        Assert.Empty(_snackbar.ShownSnackbars);
        Assert.False(run.Busy);
    }

    [Fact]
    public async Task A_fault_in_a_read_reaches_the_error_boundary()
    {
        var run = new UseCaseRunner(_snackbar);

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.ReadAsync(() => throw new InvalidOperationException("bug"), refused: _ => { }));
    }

    [Fact]
    public async Task A_change_says_it_is_done_and_reloads_and_a_refused_one_reloads_too()
    {
        var run = new UseCaseRunner(_snackbar);
        var reloaded = 0;
        Task Reload()
        {
            reloaded++;
            return Task.CompletedTask;
        }

        Assert.True(await run.ChangeAsync(() => Task.CompletedTask, "Attached.", Reload));
        Assert.False(await run.ChangeAsync(() => throw new ValidationException("Not on your checklist."), "Attached.", Reload));

        Assert.Equal(2, reloaded);
        Assert.Equal([(Severity.Success, "Attached."), (Severity.Error, "Not on your checklist.")], _snackbar.ShownSnackbars.Select(s => (s.Severity, s.Message)));
    }
}
