namespace Vaarst.Growth.Core.People;

/// <summary>
/// An administrator lets <see cref="DelegateId"/> review <see cref="ManagerId"/>'s direct reports from
/// <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive (e.g. while the manager is on leave).
/// </summary>
public sealed class Delegation
{
    public int Id { get; set; }
    public int ManagerId { get; set; }
    public Person? Manager { get; set; }
    public int DelegateId { get; set; }
    public Person? Delegate { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int? AssignedById { get; set; }
    public DateTime AssignedAtUtc { get; set; }
    public DateTime? EndedEarlyAtUtc { get; set; }

    public bool IsActiveOn(DateOnly day) => EndedEarlyAtUtc is null && StartsOn <= day && day <= EndsOn;
}
