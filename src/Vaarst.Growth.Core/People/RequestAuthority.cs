namespace Vaarst.Growth.Core.People;

/// <summary>
/// The caller's directory record, read once per HTTP request (ADR 0004, amended 2026-12-02). The sign-in cookie is
/// checked against the directory at the start of every request (the web app's <c>SessionAuthority</c>); the use cases
/// that request runs — a page's prerender runs the layout's and the page's, four or five — confirm their caller
/// against that same reading instead of reading the same row again a few milliseconds later. Nothing outlives the
/// request: the host ends the scope when the response is done, after which the reading is forgotten even by work the
/// request started and left running, and a Blazor circuit (which acts long after its page's request) never has one,
/// so every circuit action still reads the directory.
/// </summary>
public static class RequestAuthority
{
    private static readonly AsyncLocal<Reading?> Current = new();

    /// <summary>Begins a request: its code may remember the caller's directory record until the scope ends.</summary>
    public static Scope Begin()
    {
        var reading = new Reading();
        Current.Value = reading;
        return new Scope(reading);
    }

    /// <summary>Remembers what the directory said about the request's caller (after checking their cookie against it).</summary>
    public static void Remember(DirectoryAuthority authority)
    {
        if (Current.Value is { Ended: false } reading)
        {
            reading.Authority = authority;
        }
    }

    /// <summary>This request's reading of <paramref name="personId"/>, if the request has one and is still running.</summary>
    public static DirectoryAuthority? Recall(int personId) =>
        Current.Value is { Ended: false, Authority: { } authority } && authority.PersonId == personId ? authority : null;

    public readonly struct Scope(Reading reading) : IDisposable
    {
        public void Dispose()
        {
            reading.Ended = true;
            reading.Authority = null;
        }
    }

    /// <summary>Shared by reference with everything the request's code runs, so a reading made deep in the
    /// authentication handler is seen by the page, and ending it ends it for all of them.</summary>
    public sealed class Reading
    {
        internal bool Ended { get; set; }

        internal DirectoryAuthority? Authority { get; set; }
    }
}
