using Vaarst.Growth.Core.Evidence;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class LinkKindsTests
{
    [Theory]
    [InlineData("https://github.com/vaarst/growth/pull/128", "GitHubPullRequest")]
    [InlineData("https://www.github.com/vaarst/growth/pull/7/files", "GitHubPullRequest")]
    [InlineData("https://github.com/vaarst/growth/commit/9fceb02d0ae598e95dc970b74767f19372d61af8", "GitHubCommit")]
    [InlineData("https://gitlab.com/vaarst/ml/models/-/merge_requests/15", "GitLabMergeRequest")]
    [InlineData("https://gitlab.internal.vaarst.com/ml/models/-/commit/a1b2c3d4e5", "GitLabCommit")]
    [InlineData("https://mlflow.vaarst.com/#/experiments/3/runs/7d2f1a9c4b", "MlflowRun")]
    [InlineData("https://wandb.ai/vaarst/segmentation/reports/Ablation--Vmlldzo1", "WandbReport")]
    [InlineData("https://github.com/vaarst/ml/blob/main/dvc.yaml", "DvcPipeline")]
    [InlineData("https://studio.iterative.ai/team/vaarst/projects/segmentation", "DvcPipeline")]
    [InlineData("https://vaarst.atlassian.net/browse/ML-123", "Jira")]
    [InlineData("https://jira.vaarst.com/browse/SUB-9", "Jira")]
    [InlineData("https://vaarst.atlassian.net/wiki/spaces/ML/pages/123/Design", "Confluence")]
    [InlineData("https://docs.google.com/document/d/1AbC/edit", "GoogleDocs")]
    [InlineData("https://docs.google.com/spreadsheets/d/1AbC/edit", "GoogleDocs")]
    public void Recognise_known_link_returns_its_kind(string url, string kind)
    {
        Assert.Equal(kind, LinkKinds.Recognise(url).Kind);
    }

    [Theory]
    [InlineData("https://example.com/blog/post")]
    [InlineData("https://github.com/vaarst/growth")]
    [InlineData("https://github.com/vaarst/growth/issues/3")]
    [InlineData("https://notgithub.example/vaarst/growth/pull/1")]
    public void Recognise_other_link_returns_generic(string url)
    {
        Assert.Same(LinkKinds.Generic, LinkKinds.Recognise(url));
    }

    [Fact]
    public void Recognise_label_is_readable()
    {
        Assert.Equal("GitHub pull request", LinkKinds.Recognise("https://github.com/a/b/pull/1").Label);
        Assert.Equal("Link", LinkKinds.Recognise("https://example.com/").Label);
    }
}
