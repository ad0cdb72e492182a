using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// How the sign-in keys (ASP.NET Core Data Protection's key ring, kept in the database) are protected at rest. With
/// <c>DataProtection:CertificatePath</c> (a .pfx, and <c>DataProtection:CertificatePassword</c>) they are encrypted with
/// that certificate. Without it — the embedded default — they are stored as they are, which Data Protection reports as a
/// warning on every start that reads like a fault in a demo; instead the app says so once, in plain words, with where to
/// read more (docs/deployment.md).
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    public const string UnprotectedNotice =
        "Sign-in keys are kept in the database without encryption at rest (fine on one machine); in production, set "
        + CertificatePathSetting + " to encrypt them with a certificate (docs/deployment.md, \"Data Protection keys\").";

    /// <summary>The category whose "No XML encryptor configured" warning the notice replaces.</summary>
    private const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]);

    public static void Configure(IDataProtectionBuilder dataProtection, ILoggingBuilder logging, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(configuration[CertificatePathSetting]!, configuration[CertificatePasswordSetting]);
            dataProtection.ProtectKeysWithCertificate(certificate);
            return;
        }

        logging.AddFilter(KeyManagerCategory, LogLevel.Error);
    }

    /// <summary>Says once, at start-up, that the keys are not encrypted (when they are not).</summary>
    public static void Announce(IConfiguration configuration, ILogger logger)
    {
        if (!IsConfigured(configuration))
        {
            logger.LogInformation(UnprotectedNotice);
        }
    }
}
