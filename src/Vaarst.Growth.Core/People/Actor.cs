namespace Vaarst.Growth.Core.People;

/// <summary>
/// Who is calling a use case. Every use case authorizes against this, server side, after confirming it against the
/// directory (<see cref="Authority.ConfirmAsync"/>): the roles and name a caller brings are only a claim.
/// </summary>
/// <param name="PersonId">The directory person; null only for <see cref="System"/>.</param>
public sealed record Actor(int? PersonId, string Name, Roles Roles)
{
    /// <summary>The application itself: start-up seeding and command-line imports run by an operator.</summary>
    public static Actor System { get; } = new(null, "System", Roles.Administrator);

    /// <summary>
    /// The person's <see cref="Person.SecurityStamp"/> when this caller signed in (the sign-in cookie carries it); a
    /// stamp the directory no longer holds means the session ended. Null for callers without a sign-in session (the
    /// system, tests): they are still refused once the directory deactivates the person.
    /// </summary>
    public string? SecurityStamp { get; init; }

    public bool IsAdministrator => (Roles & Roles.Administrator) != 0;

    public bool Has(Roles role) => (Roles & role) == role;
}
