using MudBlazor;
using Vaarst.Growth.Core;

namespace Vaarst.Growth.Web.Components.Shared;

/// <summary>
/// The one way a component runs a use case: it holds the busy flag while the use case runs and turns each kind of
/// refusal into what the user sees. A conflict (someone changed it first) is a warning and the component reloads; a
/// refusal (forbidden, not found) goes to the component's refused state when it has one; a validation message to its
/// field when it has one; otherwise each is an error message that stays until dismissed. Anything else is a fault: it
/// propagates to the layout's <c>ErrorBoundary</c>, which shows the error page.
/// </summary>
/// <example><code>
/// private UseCaseRunner Run => _run ??= new(Snackbar);
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
}
