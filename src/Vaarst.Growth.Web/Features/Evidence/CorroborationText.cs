using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Web.Features.Evidence;

/// <summary>How pages word colleagues' answers (the evidence card, checklist rows, the comparison).</summary>
public static class CorroborationText
{
    public static string Counts(int confirmed, int disputed) => $"corroborated by {confirmed} · disputed by {disputed}";

    /// <summary>"Sam Lee confirmed" or, name-free, "a colleague (Mid) confirmed".</summary>
    public static string Sentence(CorroborationView answer) => $"{Capitalise(answer.By)} {Verb(answer.Status)}";

    public static string Verb(CorroborationStatus status) => status switch
    {
        CorroborationStatus.Confirmed => "confirmed",
        CorroborationStatus.Disputed => "disputed",
        CorroborationStatus.Declined => "declined",
        CorroborationStatus.Expired => "did not answer in time",
        _ => "has not answered yet",
    };

    private static string Capitalise(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
