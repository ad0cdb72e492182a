using Vaarst.Growth.Core.Home;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Web.Components.Layout;

namespace Vaarst.Growth.Web.Features.Home;

/// <summary>One thing to do, with its count in words and where it is done.</summary>
public sealed record NextTask(string Text, string Action, string Href);

/// <summary>A role's tasks, most urgent first; empty when nothing waits for the person in that role.</summary>
public sealed record RoleTasks(string Key, string Label, IReadOnlyList<NextTask> Tasks);

/// <summary>
/// Turns <see cref="HomeSummary"/> counts into the home page's "next for you": for each role the person holds, the
/// tasks with a count above zero, most urgent first (what someone else waits on before what only the person waits on).
/// </summary>
public static class NextTasks
{
    public static IReadOnlyList<RoleTasks> For(HomeSummary summary, MyProfile? profile)
    {
        var roles = new List<RoleTasks>();
        if (summary.Engineer is { } engineer)
        {
            var notRated = profile?.Checklist is { } checklist ? Math.Max(0, checklist.Applicable - checklist.Rated) : 0;
            roles.Add(new RoleTasks("engineer", RoleNames.Label(Roles.Engineer), Present(
                (engineer.ChangesRequested, $"{Count(engineer.ChangesRequested, "item needs", "items need")} changes", "Open my checklist", "/checklist"),
                (engineer.UnreadDecisions, $"{Count(engineer.UnreadDecisions, "new decision", "new decisions")} on your items", "See my checklist", "/checklist"),
                (engineer.Drafts, $"{Count(engineer.Drafts, "rated item", "rated items")} not yet submitted for review", "Continue my checklist", "/checklist"),
                (notRated, $"{Count(notRated, "statement", "statements")} of your target level not yet rated", "Continue my checklist", "/checklist"),
                (engineer.AwaitingReconfirmation, $"{Count(engineer.AwaitingReconfirmation, "signed-off item waits", "signed-off items wait")} for your manager to re-confirm", "Open my checklist", "/checklist"))));
        }

        if (summary.Reviewer is { } reviewer)
        {
            roles.Add(new RoleTasks("manager", RoleNames.Label(Roles.Manager), Present(
                (reviewer.ToReview, $"{Count(reviewer.ToReview, "item waits", "items wait")} for your review", "Open my review queue", "/reviews"))));
        }

        if (summary.Panel is { } panel)
        {
            roles.Add(new RoleTasks("panel", RoleNames.Label(Roles.CalibrationPanel), Present(
                (panel.PreReadsDue, $"{Count(panel.PreReadsDue, "pre-read", "pre-reads")} due in {Count(panel.Sessions, "session", "sessions")}", "Open calibration", "/calibration"))));
        }

        if (summary.Administrator is { } administrator)
        {
            roles.Add(new RoleTasks("administrator", RoleNames.Label(Roles.Administrator), Present(
                (administrator.EngineersWithoutManager, $"{Count(administrator.EngineersWithoutManager, "engineer has", "engineers have")} no line manager", "Open the directory", "/admin/people"))));
        }

        return roles;
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static List<NextTask> Present(params (int Count, string Text, string Action, string Href)[] tasks) =>
        tasks.Where(t => t.Count > 0).Select(t => new NextTask(t.Text, t.Action, t.Href)).ToList();
}
