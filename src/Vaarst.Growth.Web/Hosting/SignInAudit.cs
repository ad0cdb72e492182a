using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Records sign-ins, refused sign-ins and sign-outs in the audit log (<see cref="SignInDirectory.RecordAsync"/>). The
/// one place that decides what a failed audit write does to a sign-in: nothing. The sign-in or sign-out goes ahead and
/// the failure is logged as an error (docs/architecture.md, Audit): a database hiccup must not lock everyone out, and
/// signing out must always work.
/// </summary>
public static class SignInAudit
{
    public static async Task RecordAsync(HttpContext http, SignInEvent signIn)
    {
        try
        {
            await http.RequestServices.GetRequiredService<SignInDirectory>().RecordAsync(signIn, http.RequestAborted);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInAudit))
                .LogError(ex, "Could not audit {Type} ({Method}) of person {PersonId}; the sign-in went ahead without its audit event", signIn.Type, signIn.Method, signIn.PersonId);
        }
    }
}
