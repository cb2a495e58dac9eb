using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Notifications;

/// <summary>
/// E-mails the notifications that carry a topic to the users who chose that topic (EmailChoice): a user's own
/// notification to that user, an agency's to its active officers. Runs after the change is saved (NotificationMailJob),
/// so no e-mail tells of a change that was rolled back. Each notification is claimed by setting MailedAtUtc first, so
/// several instances never send it twice; a notification older than <see cref="MaxAge"/> is not e-mailed (a choice made
/// today does not bring last month's news).
/// </summary>
public sealed class NotificationMail(AppDbContext db, IMailSender mail, TimeProvider clock, IConfiguration config, ILogger<NotificationMail> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
    const int Batch = 500;

    /// <summary>One pass; returns the number of e-mails handed to the mail server.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - MaxAge;
        var pending = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Topic != null && n.MailedAtUtc == null && n.CreatedAtUtc >= since).OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var choices = await (
                from c in db.Set<EmailChoice>()
                join u in db.Users on c.UserId equals u.Id
                where u.Active && c.Address != null && c.Topics != MailTopics.None
                select new { u.Id, u.Role, u.AgencyId, c.Address, c.Topics })
            .AsNoTracking().ToListAsync(ct);
        var site = config["Notifications:SiteUrl"]?.TrimEnd('/');
        var sent = 0;
        foreach (var n in pending)
        {
            var claimed = await db.Set<Notification>().Where(x => x.Id == n.Id && x.MailedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.MailedAtUtc, now), ct);
            if (claimed == 0) continue;   // another instance has it
            var to = choices.Where(c => (c.Topics & n.Topic!.Value) != 0
                && (n.UserId is not null ? c.Id == n.UserId : c.Role == Role.AgencyOfficer && c.AgencyId == n.AgencyId));
            var body = n.Text + (n.Url is { } url ? $"\n\n{site}{url}" : "");
            foreach (var c in to)
                try { await mail.SendAsync(c.Address!, "[ParTrack] " + n.Text, body, ct); sent++; }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                { log.LogWarning(ex, "Notification e-mail {Id} to user {User} failed", n.Id, c.Id); }
        }
        return sent;
    }
}
