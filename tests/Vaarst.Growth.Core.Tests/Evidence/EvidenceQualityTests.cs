using Vaarst.Growth.Core.Evidence;
using static Vaarst.Growth.Core.Evidence.EvidencePromptKind;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceQualityTests
{
    /// <summary>Good and weak evidence and the prompts each should get (none for good evidence).</summary>
    public static TheoryData<string, string?, string?, string?, EvidencePromptKind[]> Examples => new()
    {
        // Good: own role, a result and a number.
        { "Quantised the detector", "I quantised the model to INT8; latency fell from 900 ms to 210 ms.", null, null, [] },
        { "Rollout", EvidenceStructure.Compose("Deploys took a day", "I wrote the canary pipeline", "Deploys now take 20 minutes"), null, null, [] },
        { "Benchmark note", null, "## What I did\nI benchmarked three runtimes.\n\nResult: ONNX was 2x faster, see https://wandb.ai/x/report", null, [] },
        // An MLflow run is itself a measurable result.
        { "My tuning run", "I tuned the learning rate, which improved recall.", null, "MlflowRun", [] },
        // Weak: a bare title.
        { "A pull request", null, null, "GitHubPullRequest", [NoResult, NoMeasure, NoOwnRole] },
        // The team, not the engineer; no result.
        { "Migration", "The team migrated the feature store to Feast.", null, null, [NoResult, NoMeasure, NoOwnRole] },
        // Own role and a result, nothing measurable.
        { "Flaky tests", "I fixed the flaky integration tests, which reduced reruns.", null, null, [NoMeasure] },
        // Own role and a number, no result.
        { "Code review", "I reviewed 14 pull requests for the edge team.", null, null, [NoResult] },
        // A result and a number, no own role.
        { "Cache", "The cache cut p95 latency by 40%.", null, null, [NoOwnRole] },
        // An empty result in the structure is no result.
        { "Spike", EvidenceStructure.Compose("We needed a vector store", "I compared three options", ""), null, null, [NoResult, NoMeasure] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Evidence_gets_the_prompts_it_deserves(string title, string? description, string? note, string? linkKind, EvidencePromptKind[] expected) =>
        Assert.Equal(expected, EvidenceQuality.Check(new EvidenceText(title, description, note, linkKind)));

    [Fact]
    public void An_item_is_prompted_only_for_what_none_of_its_evidence_has()
    {
        var pullRequest = new EvidenceText("Quantisation PR", "I wrote the quantisation calibration.", null, "GitHubPullRequest");
        var benchmark = new EvidenceText("Benchmark", "Latency fell from 900 ms to 210 ms.", null);

        Assert.Equal([NoResult, NoMeasure], EvidenceQuality.CheckAll([pullRequest]));
        Assert.Empty(EvidenceQuality.CheckAll([pullRequest, benchmark]));
        Assert.Empty(EvidenceQuality.CheckAll([]));
    }

    [Fact]
    public void Structure_written_into_a_description_reads_back()
    {
        var description = EvidenceStructure.Compose("Inference was slow", "I profiled it\nand quantised it", "Latency fell to 210 ms");

        var parsed = EvidenceStructure.Parse(description);

        Assert.Equal(new StructuredDescription("Inference was slow", "I profiled it\nand quantised it", "Latency fell to 210 ms", null), parsed);
        Assert.Null(EvidenceStructure.Compose(" ", null, ""));
        Assert.False(EvidenceStructure.Parse("Plain text about results").IsStructured);
    }

    [Fact]
    public void Every_prompt_has_its_own_wording()
    {
        var wordings = Enum.GetValues<EvidencePromptKind>().Select(EvidencePromptWording.Of).ToList();
        Assert.Equal(wordings.Count, wordings.Distinct().Count());
    }
}
