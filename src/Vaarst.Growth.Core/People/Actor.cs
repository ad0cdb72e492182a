namespace Vaarst.Growth.Core.People;

/// <summary>Who is calling a use case. Every use case authorizes against this, server side.</summary>
/// <param name="PersonId">The directory person; null only for <see cref="System"/>.</param>
public sealed record Actor(int? PersonId, string Name, Roles Roles)
{
    /// <summary>The application itself: start-up seeding and command-line imports run by an operator.</summary>
    public static Actor System { get; } = new(null, "System", Roles.Administrator);

    public bool IsAdministrator => (Roles & Roles.Administrator) != 0;

    public bool Has(Roles role) => (Roles & role) == role;
}
