namespace Vaarst.Growth.Core.Data;

/// <summary>
/// Encrypts secrets people give the app (a GitHub personal access token) before they are stored. The web app
/// implements it with its Data Protection keys; Core never sees the keys and never stores a secret in clear.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when it can no longer be decrypted (the keys changed): the person connects again.</summary>
    string? Unprotect(string protectedSecret);
}
