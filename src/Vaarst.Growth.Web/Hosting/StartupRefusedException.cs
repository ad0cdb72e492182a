using Microsoft.Extensions.Logging.Console;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// A configuration the app must not run with (development sign-in in Production, Entra ID settings missing). The entry
/// point logs its message as one line and exits 1: an operator needs the fix, not a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message)
{
    /// <summary>Writes the refusal as one critical log line to the console (the app's own logging is not built yet).</summary>
    public void Log()
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        }));
        loggers.CreateLogger("Vaarst.Growth").LogCritical("Vaarst Growth cannot start: {Reason}", Message);
    }
}
