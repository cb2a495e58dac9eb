using ParTrack.Features.Notifications;

namespace ParTrack.Tests.Infrastructure;

/// <summary>An SMTP server stand-in: records every message a test's code sends (thread-safe: passes may run at once).</summary>
public sealed class RecordingMail : IMailSender
{
    public List<(string To, string Subject, string Body)> Sent { get; } = [];
    public bool IsConfigured => true;

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        lock (Sent) Sent.Add((to, subject, body));
        return Task.CompletedTask;
    }
}
