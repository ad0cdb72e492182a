using Vaarst.Growth.Core.Data;
using Vaarst.Growth.Core.Framework;

namespace Vaarst.Growth.Core.People;

/// <summary>The roles a person holds. They match the Entra ID app roles of the same names.</summary>
[Flags]
public enum Roles
{
    None = 0,
    Engineer = 1,
    Manager = 2,
    CalibrationPanel = 4,
    Administrator = 8,
}

/// <summary>Someone in the organisation directory.</summary>
public sealed class Person : IVersioned
{
    /// <summary>The level an engineer works towards while no target level is set.</summary>
    public const int DefaultTargetLevel = 4;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    /// <summary>The Entra ID object id (<c>oid</c> claim), stored on first sign-in.</summary>
    public string? EntraObjectId { get; set; }
    public Roles Roles { get; set; }
    public int? ManagerId { get; set; }
    public Person? Manager { get; set; }
    public int? CraftId { get; set; }
    public Craft? Craft { get; set; }
    /// <summary>The specialism section name, e.g. "ML Engineer"; null for someone with no specialism yet.</summary>
    public string? Specialism { get; set; }
    public int? CurrentLevel { get; set; }
    public int? TargetLevel { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The person's choice of dark mode; null until they choose (then the light theme is used).</summary>
    public bool? PrefersDarkMode { get; set; }
    /// <summary>The person's IANA time zone (e.g. "Europe/London") for every date and time shown; null until known.</summary>
    public string? TimeZone { get; set; }
    public int Version { get; set; }
    /// <summary>
    /// Changes whenever every session of this person must end: sign-out, deactivation, reactivation. A sign-in cookie
    /// carries the stamp it was issued with; one that no longer matches is refused (see <see cref="Authority"/>).
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public bool HasRole(Roles role) => (Roles & role) == role;
}
