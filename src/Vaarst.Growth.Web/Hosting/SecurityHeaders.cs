namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Response headers that keep pages from being framed, sniffed or used to leak referrers, and a Content-Security-Policy
/// as strict as Blazor Server and MudBlazor allow: scripts only from this origin (no inline script, no eval);
/// styles allow 'unsafe-inline' because MudBlazor sets style attributes; the circuit's WebSocket is same-origin.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string? signInOrigin) =>
        string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            // Notes may show images from https sites; the sanitiser allows no other scheme.
            "img-src 'self' data: https:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            // Sign-out posts a form that redirects to the identity provider; browsers check form-action on that redirect.
            "form-action 'self'" + (signInOrigin is null ? "" : " " + signInOrigin),
            "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var instance = configuration["AzureAd:Instance"];
        var origin = Uri.TryCreate(instance, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
        var policy = ContentSecurityPolicy(origin);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next();
        });
    }
}
