using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>Secrets (GitHub tokens) encrypted with the app's Data Protection keys, which live in the database (<see cref="DatabaseKeyRepository"/>).</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Vaarst.Growth.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
