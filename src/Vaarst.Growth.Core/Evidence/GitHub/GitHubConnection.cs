using Vaarst.Growth.Core.People;

namespace Vaarst.Growth.Core.Evidence;

/// <summary>An engineer's GitHub account: the login and the personal access token, encrypted (<see cref="Data.ISecretProtector"/>).</summary>
public sealed class GitHubConnection
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string Login { get; set; }
    /// <summary>The token as <see cref="Data.ISecretProtector.Protect"/> returned it; never shown, logged or audited.</summary>
    public required string ProtectedToken { get; set; }
    /// <summary>The API base URL the account was connected on (github.com or an Enterprise server).</summary>
    public required string BaseUrl { get; set; }
    public DateTime ConnectedAtUtc { get; set; }
}
