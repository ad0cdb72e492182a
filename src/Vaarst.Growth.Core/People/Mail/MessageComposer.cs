using System.Net;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Vaarst.Growth.Core.People.Mail;

/// <summary>Builds e-mails (plain text and HTML from the same wording) and webhook payloads from outbox rows.</summary>
public sealed class MessageComposer(EmailOptions email, WebhookOptions webhook, PublicLinks links)
{
    public MimeMessage Email(OutboxMessage row, string recipientName, string recipientEmail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.Add(new MailboxAddress(recipientName, recipientEmail));

        var lines = new List<(string Text, string Action, string Url)>();
        string subject;
        string intro;
        if (row.DigestDate is not null)
        {
            var entries = (row.Payload ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' ', 2)).Select(p => (Kind: p[0], Link: p.Length > 1 ? p[1] : null)).ToList();
            subject = entries.Count == 1 ? "Your Vaarst Growth digest: 1 notification" : $"Your Vaarst Growth digest: {entries.Count} notifications";
            intro = "Here is what happened since your last digest.";
            lines.AddRange(entries.Select(e => { var w = NotificationWording.For(e.Kind); return (w.Body, w.Action, links.To(e.Link)); }));
        }
        else
        {
            var wording = NotificationWording.For(row.Kind);
            subject = wording.Subject;
            intro = "";
            lines.Add((wording.Body, wording.Action, links.To(row.Link)));
        }

        message.Subject = subject;
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        text.AppendLine($"Hello {recipientName},").AppendLine();
        html.Append($"<p>Hello {WebUtility.HtmlEncode(recipientName)},</p>");
        if (intro.Length > 0)
        {
            text.AppendLine(intro).AppendLine();
            html.Append($"<p>{WebUtility.HtmlEncode(intro)}</p>");
        }

        html.Append("<ul>");
        foreach (var (body, action, url) in lines)
        {
            text.AppendLine($"- {body}").AppendLine($"  {action}: {url}");
            html.Append($"<li>{WebUtility.HtmlEncode(body)} <a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(action)}</a></li>");
        }

        html.Append("</ul>");
        var preferences = links.To("/profile");
        text.AppendLine().AppendLine($"Choose which e-mails you receive: {preferences}");
        html.Append($"<p style=\"color:#555\">Choose which e-mails you receive on <a href=\"{WebUtility.HtmlEncode(preferences)}\">your profile</a>.</p></body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    /// <summary>A Slack or Teams incoming-webhook body: the kind's wording and a link, nothing personal.</summary>
    public string Webhook(OutboxMessage row)
    {
        var wording = NotificationWording.For(row.Kind);
        var url = links.To(row.Link);
        if (string.Equals(webhook.WebhookFormat, "Teams", StringComparison.OrdinalIgnoreCase))
        {
            return JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = wording.Subject,
                ["title"] = wording.Subject,
                ["text"] = wording.Body,
                ["potentialAction"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["@type"] = "OpenUri", ["name"] = wording.Action,
                        ["targets"] = new object[] { new Dictionary<string, string> { ["os"] = "default", ["uri"] = url } },
                    },
                },
            });
        }

        return JsonSerializer.Serialize(new { text = $"*{wording.Subject}*\n{wording.Body} <{url}|{wording.Action}>" });
    }
}
