using System.Text;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Notifications;

namespace ParTrack.Features.Inspections;

/// <summary>
/// Once a month, the escalation list (units with remedies overdue after inspection, most overdue first) goes to the
/// leaders: an in-app notification to every active leader account, and one e-mail to the addresses in
/// <c>Inspections:LeaderEmails</c> ("a@x.gov.vn; b@x.gov.vn"). From <c>Inspections:EscalationDay</c> of the month (1 by
/// default; 0 turns it off), so a server that was down on that day still sends it later in the month. Each message is
/// claimed by its key in SentReminder first, so several app instances or passes send it once. Nothing overdue: nothing sent.
/// </summary>
public sealed class EscalationDigest(AppDbContext db, InspectionFigures figures, IMailSender mail, IConfiguration config, TimeProvider clock,
    ILogger<EscalationDigest> log)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var day = config.GetValue("Inspections:EscalationDay", 1);
        var today = VietnamTime.Today(clock);
        if (day is < 1 or > 28 || today.Day < day) return 0;
        var overdue = await figures.OverdueAsync(ct);
        if (overdue.Count == 0) return 0;

        var month = $"{today:yyyy-MM}";
        var title = $"Danh sách quá hạn khắc phục sau kiểm tra CCHC tháng {today:MM/yyyy}: {overdue.Count} đơn vị, {overdue.Sum(r => r.Overdue)} tồn tại.";
        var sent = 0;
        var leaders = await db.Users.AsNoTracking().Where(u => u.Active && u.Role == Role.Leader).Select(u => u.Id).ToListAsync(ct);
        foreach (var leader in leaders)
            if (await ClaimAsync($"inspection-escalation:{month}:user-{leader}", new Notification { UserId = leader, Text = title, Url = "/Inspections" }, ct))
                sent++;

        var addresses = (config["Inspections:LeaderEmails"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length > 0 && await ClaimAsync($"inspection-escalation:{month}:email", null, ct))
        {
            var body = new StringBuilder(title).AppendLine().AppendLine();
            foreach (var (row, n) in overdue.Select((r, n) => (r, n + 1)))
                body.AppendLine($"{n}. {row.Agency}: {row.Overdue} tồn tại quá hạn, lâu nhất {row.MostDaysOverdue} ngày.");
            body.AppendLine().AppendLine("Xem chi tiết trong ParTrack, mục Kiểm tra CCHC.");
            foreach (var address in addresses)
                try { await mail.SendAsync(address, "[ParTrack] " + title, body.ToString(), ct); sent++; }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                { log.LogWarning(ex, "Escalation e-mail to {Address} failed", address); }
        }
        return sent;
    }

    Task<bool> ClaimAsync(string key, Notification? notification, CancellationToken ct) =>
        SendOnce.ClaimAsync(db, key, notification, clock.GetUtcNow().UtcDateTime, ct);
}
