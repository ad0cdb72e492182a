namespace Vaarst.Growth.Core.Evidence;

/// <summary>
/// Every word the evidence quality prompts and the optional structure show, in one place (the rules are in
/// <see cref="EvidenceQuality"/>). Prompts are suggestions: they never block saving or submitting.
/// </summary>
public static class EvidencePromptWording
{
    public const string NoResult = "Say what changed because of the work: the result.";
    public const string NoMeasure = "Add something measurable: a number, a date or a link to the result.";
    public const string NoOwnRole = "Say what you did yourself (\"I …\"), not only what the team did.";

    /// <summary>Shown above the prompts of an item on the checklist and in the submit confirmation.</summary>
    public const string Heading = "Could the evidence be stronger?";

    /// <summary>The next action the gap view offers for an item whose evidence trips a prompt.</summary>
    public const string StrengthenEvidence = "Strengthen evidence";

    /// <summary>The labels of the optional structure, as they are written into the description.</summary>
    public const string Situation = "Situation";
    public const string WhatIDid = "What I did";
    public const string Result = "Result";

    public const string SituationHelp = "The problem or context, e.g. \"Inference on the edge camera took 900 ms\"";
    public const string WhatIDidHelp = "Your own part, e.g. \"I profiled the model and quantised it to INT8\"";
    public const string ResultHelp = "What changed, ideally measurable, e.g. \"Latency fell to 210 ms on 3 May\"";

    public static string Of(EvidencePromptKind kind) => kind switch
    {
        EvidencePromptKind.NoResult => NoResult,
        EvidencePromptKind.NoMeasure => NoMeasure,
        _ => NoOwnRole,
    };
}
