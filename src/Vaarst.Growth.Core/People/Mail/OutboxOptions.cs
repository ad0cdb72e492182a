namespace Vaarst.Growth.Core.People.Mail;

/// <summary>E-mail settings (<c>Email:*</c>). Off when <see cref="SmtpHost"/> is empty: the outbox then settles e-mail rows as not sent.</summary>
public sealed class EmailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string From { get; set; } = "Vaarst Growth <growth@localhost>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>STARTTLS (or TLS on connect on port 465); false sends in clear, for a local mail catcher.</summary>
    public bool UseTls { get; set; } = true;
    /// <summary>The hour (0–23) of the day, in each person's own time zone, their digest is sent.</summary>
    public int DigestHour { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}

/// <summary>Team webhook settings (<c>Notifications:*</c>). Off when <see cref="WebhookUrl"/> is empty.</summary>
public sealed class WebhookOptions
{
    public string? WebhookUrl { get; set; }
    /// <summary><c>Slack</c> (default) or <c>Teams</c>: the incoming-webhook payload shape.</summary>
    public string WebhookFormat { get; set; } = "Slack";

    public bool Enabled => !string.IsNullOrWhiteSpace(WebhookUrl);
}

/// <summary>Where links in messages point (<c>App:PublicBaseUrl</c>, e.g. https://growth.example.com).</summary>
public sealed record PublicLinks(string? PublicBaseUrl)
{
    public string To(string? link)
    {
        var root = string.IsNullOrWhiteSpace(PublicBaseUrl) ? "http://localhost:8080" : PublicBaseUrl.TrimEnd('/');
        return root + (string.IsNullOrEmpty(link) ? "/" : link.StartsWith('/') ? link : "/" + link);
    }
}
