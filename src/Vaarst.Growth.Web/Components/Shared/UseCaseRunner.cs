using MudBlazor;
using Vaarst.Growth.Core;

namespace Vaarst.Growth.Web.Components.Shared;

/// <summary>
/// The one way a component runs a use case: it holds the busy flag while the use case runs and turns each kind of
/// refusal into what the user sees. A conflict (someone changed it first) is a warning and the component reloads; a
/// refusal (forbidden, not found) goes to the component's refused state when it has one; a validation message to its
/// field when it has one; otherwise each is an error message that stays until dismissed. Anything else is a fault: it
/// propagates to the layout's <c>ErrorBoundary</c>, which shows the error page.
/// A page's own read goes through <see cref="ReadAsync"/>: any refusal is the page's refused state, with the status its
/// prerendered response answers with.
/// </summary>
/// <example><code>
/// private UseCaseRunner Run => _run ??= new(Snackbar);
/// await Run.ReadAsync(async () => _view = await Get.HandleAsync(actor, id), refused: r => (_error, _status) = (r.Message, r.StatusCode));
/// await Run.RunAsync(() => Save.HandleAsync(actor, request), reload: LoadAsync, invalid: errors => _errors = errors);
/// </code></example>
public sealed class UseCaseRunner(ISnackbar snackbar)
{
    /// <summary>True while a use case runs: disable the buttons that would start another.</summary>
    public bool Busy { get; private set; }

    /// <summary>
    /// Runs <paramref name="useCase"/>; true when it succeeded. <paramref name="reload"/> runs after a conflict,
    /// <paramref name="refused"/> takes the message of a <see cref="ForbiddenException"/> or <see cref="NotFoundException"/>,
    /// <paramref name="invalid"/> the errors of a <see cref="ValidationException"/>; each left out shows the message instead.
    /// </summary>
    public async Task<bool> RunAsync(Func<Task> useCase, Func<Task>? reload = null, Action<string>? refused = null, Action<IReadOnlyList<string>>? invalid = null)
    {
        Busy = true;
        try
        {
            await useCase();
            return true;
        }
        catch (ConflictException ex)
        {
            snackbar.Add(ex.Message, Severity.Warning, o => o.RequireInteraction = true);
            if (reload is not null)
            {
                await reload();
            }
        }
        catch (UseCaseException ex) when (ex is ForbiddenException or NotFoundException && refused is not null)
        {
            refused!(ex.Message);
        }
        catch (ValidationException ex) when (invalid is not null)
        {
            invalid(ex.Errors);
        }
        catch (UseCaseException ex)
        {
            snackbar.Add(ex.Message, Severity.Error, o => o.RequireInteraction = true);
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    /// <summary>
    /// Runs a change to a record the component shows: <paramref name="done"/> as a success message when it succeeded,
    /// then, whatever happened, <paramref name="reload"/>, so the component shows the record as it is now.
    /// </summary>
    public async Task<bool> ChangeAsync(Func<Task> change, string done, Func<Task> reload)
    {
        var succeeded = await RunAsync(change);
        if (succeeded)
        {
            snackbar.Add(done, Severity.Success);
        }

        await reload();
        return succeeded;
    }

    /// <summary>
    /// Runs a page's read; true when it succeeded. Any refusal (not found, forbidden, invalid, conflict) goes to
    /// <paramref name="refused"/> with its message and the HTTP status of the prerendered response
    /// (<see cref="ResponseStatus.Of"/>): the page shows that instead of its content. Anything else is a fault.
    /// </summary>
    public async Task<bool> ReadAsync(Func<Task> read, Action<Refusal> refused)
    {
        Busy = true;
        try
        {
            await read();
            return true;
        }
        catch (UseCaseException ex)
        {
            refused(new Refusal(ex.Message, ResponseStatus.Of(ex)));
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}

/// <summary>Why a page shows no content: the message for the person, and the status of the prerendered response.</summary>
public sealed record Refusal(string Message, int StatusCode);
