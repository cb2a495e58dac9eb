using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Notifications;

namespace ParTrack.Features.Inspections;

/// <summary>
/// Reminders to the responsible unit before and after a remedy deadline (the Domain's ReminderSchedule, the same
/// settings as report reminders). Each is claimed by its key in SentReminder, so several instances or passes send it
/// once; the notification goes to the unit's officers in the app.
/// </summary>
public sealed class RemedyReminders(AppDbContext db, IConfiguration config, TimeProvider clock)
{
    ReminderSettings Settings => new(config.GetValue("Reporting:RemindDaysBefore", 3), config.GetValue("Reporting:RemindOverdueEveryDays", 7));

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var (from, to) = (today.AddDays(-60), today.AddDays(Settings.DaysBefore));
        var owed = await db.Set<InspectionFinding>().AsNoTracking()
            .Where(f => (f.Status == RemedyStatus.Open || f.Status == RemedyStatus.Returned) && f.Deadline >= from && f.Deadline <= to)
            .Select(f => new { f.Id, f.ResponsibleAgencyId, f.Deadline, f.Area }).ToListAsync(ct);
        var sent = 0;
        foreach (var f in owed)
        {
            if (ReminderSchedule.Due($"inspection-finding:{f.Id}:agency-{f.ResponsibleAgencyId}", f.Deadline, Settings, today) is not { } due) continue;
            var text = due.Kind switch
            {
                ReminderKind.Before => $"Sắp đến hạn khắc phục tồn tại sau kiểm tra CCHC ({f.Area}): hạn {f.Deadline:dd/MM/yyyy}.",
                ReminderKind.OnDay => $"Hôm nay ({f.Deadline:dd/MM/yyyy}) là hạn khắc phục tồn tại sau kiểm tra CCHC ({f.Area}).",
                _ => $"Tồn tại sau kiểm tra CCHC ({f.Area}) đã quá hạn khắc phục {due.DaysOverdue} ngày (hạn {f.Deadline:dd/MM/yyyy}). Đề nghị báo cáo kết quả khắc phục ngay.",
            };
            if (await ClaimAsync(due.Key, new Notification { AgencyId = f.ResponsibleAgencyId, Text = text, Url = $"/Inspections/Findings/{f.Id}" }, ct)) sent++;
        }
        return sent;
    }

    Task<bool> ClaimAsync(string key, Notification notification, CancellationToken ct) =>
        SendOnce.ClaimAsync(db, key, notification, clock.GetUtcNow().UtcDateTime, ct);
}
