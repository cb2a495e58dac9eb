using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using ParTrack.Operations;

namespace ParTrack.Features.Notifications;

public interface IMailSender
{
    /// <summary>True when an SMTP server is configured; otherwise <see cref="SendAsync"/> only logs the message.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends one plain-text message. A server that refuses or cannot be reached: <see cref="MailNotSentException"/>;
    /// an address that is not one: <see cref="FormatException"/>.</summary>
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>The server refused the message or could not be reached; the message names which address.</summary>
public sealed class MailNotSentException(string message, Exception inner) : InvalidOperationException(message, inner);

/// <summary>
/// E-mail through the province's SMTP server with MailKit (settings `Smtp:*`, docs/configuration.md). Without
/// `Smtp:Host` a message is written to the log instead, so the app works the same on a machine with no mail.
/// </summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> log) : IMailSender
{
    SmtpOptions Smtp => options.Value;

    public bool IsConfigured => Smtp.IsConfigured && !string.IsNullOrWhiteSpace(Smtp.From);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        if (!IsConfigured)
        {
            log.LogInformation("E-mail not sent (no Smtp:Host configured) to {To}: {Subject}", to, subject);
            return;
        }
        message.From.Add(MailboxAddress.Parse(Smtp.From!));

        using var client = new SmtpClient();
        try
        {
            var security = !Smtp.EnableSsl ? SecureSocketOptions.None
                : Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(Smtp.Host!, Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(Smtp.User)) await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is MailKit.CommandException or MailKit.ProtocolException or AuthenticationException
                                       or IOException or System.Net.Sockets.SocketException or NotSupportedException)
        {
            throw new MailNotSentException($"E-mail to {to} through {Smtp.Host}:{Smtp.Port} failed: {ex.Message}", ex);
        }
    }
}
