namespace Vaarst.Growth.Core.People;

/// <summary>Small checks that many use cases start with.</summary>
public static class Access
{
    /// <summary>The caller's person id; system callers and people outside the directory are refused.</summary>
    public static int RequirePerson(this Actor actor) =>
        actor.PersonId ?? throw new ForbiddenException("Sign in as a person in the directory to do this.");

    /// <summary>The caller's person id, when they hold the Engineer role (self-assessment is for engineers).</summary>
    public static int RequireEngineer(this Actor actor)
    {
        var personId = actor.RequirePerson();
        return actor.Has(Roles.Engineer)
            ? personId
            : throw new ForbiddenException("Only engineers keep a checklist and an evidence library.");
    }
}
