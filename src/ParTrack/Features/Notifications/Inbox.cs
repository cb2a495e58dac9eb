using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Notifications;

/// <summary>
/// Who is told what. Each method only adds notifications to the context: the caller saves them with the change they
/// tell about, so a notification exists exactly when its change does (and is audited with it).
/// </summary>
public static class Inbox
{
    /// <summary>Every active coordinator (Sở Nội vụ's PAR staff): they review reports and run PAR rounds.</summary>
    /// <param name="topic">What it is about: users who chose this topic are also e-mailed (NotificationMail); null: never.</param>
    public static async Task ToCoordinatorsAsync(AppDbContext db, string text, string url, DateTime nowUtc, CancellationToken ct = default,
        MailTopics? topic = null)
    {
        var ids = await db.Users.Where(u => u.Active && u.Role == Role.Coordinator).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in ids) db.Add(new Notification { UserId = id, Text = Fit(text), Url = url, CreatedAtUtc = nowUtc, Topic = topic });
    }

    /// <summary>Every officer of the agency (one notification the agency's officers share).</summary>
    public static void ToAgency(AppDbContext db, int agencyId, string text, string url, DateTime nowUtc, MailTopics? topic = null) =>
        db.Add(new Notification { AgencyId = agencyId, Text = Fit(text), Url = url, CreatedAtUtc = nowUtc, Topic = topic });

    static string Fit(string text) => text.Length > Limits.Text ? text[..Limits.Text] : text;

    /// <summary>The notifications the user sees: their own and, for an officer, their agency's.</summary>
    public static IQueryable<Notification> Of(AppDbContext db, CurrentUser me)
    {
        var userId = me.Id;
        var agencyId = me.IsOfficer ? me.AgencyId : null;
        return db.Set<Notification>().Where(n => (n.UserId != null && n.UserId == userId) || (agencyId != null && n.AgencyId == agencyId));
    }
}

/// <summary>
/// The unread count in the navigation, only for signed-in users: one indexed count, kept until the next write
/// (<see cref="SteadyReads"/>; a new notice or a notice read is a write). An officer's count includes the agency's notices.
/// </summary>
public sealed class UnreadCount(AppDbContext db, CurrentUser me, SteadyReads reads)
{
    public async Task<int> CountAsync() =>
        me.IsSignedIn && me.Id is not null
            ? await reads.GetAsync($"unread:{me.Id}:{(me.IsOfficer ? me.AgencyId : null)}", () => Inbox.Of(db, me).CountAsync(n => n.ReadAtUtc == null))
            : 0;
}
