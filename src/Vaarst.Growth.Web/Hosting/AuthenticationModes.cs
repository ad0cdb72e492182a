namespace Vaarst.Growth.Web.Hosting;

/// <summary>The <c>Authentication:Mode</c> values.</summary>
public static class AuthenticationModes
{
    /// <summary>Pick a demo person from a list. Only for development and demos; refused in Production.</summary>
    public const string Development = "Development";

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web (the <c>AzureAd</c> section).</summary>
    public const string EntraId = "EntraId";

    public const string PersonIdClaim = "vaarst:person_id";

    /// <summary>The person's security stamp when the cookie was issued; see <see cref="SessionAuthority"/>.</summary>
    public const string SecurityStampClaim = "vaarst:security_stamp";
}
