using System.Text;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.TestSupport;

/// <summary>A stand-in for Data Protection in Core tests: reversible, never the secret in clear.</summary>
public sealed class TestSecretProtector : ISecretProtector
{
    private const string Prefix = "test-protected:";

    public string Protect(string secret) => Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret).Reverse().ToArray());

    public string? Unprotect(string protectedSecret) =>
        protectedSecret.StartsWith(Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(protectedSecret[Prefix.Length..]).Reverse().ToArray())
            : null;
}
