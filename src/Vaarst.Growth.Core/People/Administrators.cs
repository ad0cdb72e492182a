namespace Vaarst.Growth.Core.People;

/// <summary>
/// The directory always keeps an active administrator: someone must be able to manage it. Every directory change (the
/// CSV import and the one-person editor) asks here with the directory as it would be afterwards.
/// </summary>
internal static class Administrators
{
    public static bool IsActiveAdministrator(bool isActive, Roles roles) => isActive && roles.HasFlag(Roles.Administrator);

    /// <summary>True when the directory has an active administrator today and would have none after the change.</summary>
    public static bool WouldLeaveNone(IEnumerable<Person> today, IEnumerable<(bool IsActive, Roles Roles)> after) =>
        today.Any(p => IsActiveAdministrator(p.IsActive, p.Roles)) && !after.Any(p => IsActiveAdministrator(p.IsActive, p.Roles));

    public static string Refusal(string who) =>
        $"This would leave no active administrator: {who} is the last one. Give the Administrator role to someone else first (in the same file, for an import).";
}
