using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Reminders>();
        services.AddScoped<UnreadCount>();
        services.AddScoped<NotificationMail>();
        services.AddHostedService<Jobs.NotificationMailJob>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddHostedService<Jobs.ReminderJob>();
        return services;
    }
}

/// <summary>
/// Reminders for unsubmitted reports (Domain ReminderSchedule: days before, on the day, overdue). A
/// reminder is sent only by whoever first inserts its key into SentReminder (unique index), so
/// several app instances running the job never send the same reminder twice.
/// </summary>
public sealed class Reminders(AppDbContext db, Obligations obligations, IMailSender mail, IConfiguration config, TimeProvider clock,
    ILogger<Reminders> log)
{
    ReminderSettings Settings => new(config.GetValue("Reporting:RemindDaysBefore", 3), config.GetValue("Reporting:RemindOverdueEveryDays", 7));

    /// <summary>One pass of the background job: every open period, every agency that has not submitted.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        // Periods whose deadline is within the early-reminder window or passed less than 60 days ago.
        var from = today.AddDays(-60);
        var to = today.AddDays(Settings.DaysBefore);
        var periods = await db.Set<ReportPeriod>().AsNoTracking()
            .Where(p => p.Deadline >= from && p.Deadline <= to && p.Plan!.Status != PlanStatus.Withdrawn).ToListAsync(ct);
        var sent = 0;
        foreach (var period in periods)
        {
            var submitted = await SubmittedAsync(period.Id, ct);
            foreach (var o in await obligations.ForPeriodAsync(period, ct))
            {
                if (submitted.Contains(o.AgencyId)) continue;
                var due = ReminderSchedule.Due($"report:period-{period.Id}:agency-{o.AgencyId}", period.Deadline, Settings, today);
                if (due is null) continue;
                if (await SendOnceAsync(due.Key, o.AgencyId, Text(period, due), ReportUrl(period, o.AgencyId), ct)) sent++;
            }
        }
        return sent + await ParSelfAssessmentAsync(today, ct);
    }

    /// <summary>The PAR self-assessment due within the reminder window: each unit that has not submitted is told once.</summary>
    async Task<int> ParSelfAssessmentAsync(DateOnly today, CancellationToken ct)
    {
        var to = today.AddDays(Settings.DaysBefore);
        var due = await db.Set<ParIndex.ParAssessment>().AsNoTracking()
            .Where(a => a.Round!.Stage == ParIndex.RoundStage.SelfAssessment && a.Status == ParIndex.AssessmentStatus.Draft
                && a.Round.SelfAssessmentDeadline >= today && a.Round.SelfAssessmentDeadline <= to)
            .Select(a => new { a.Id, a.AgencyId, a.RoundId, a.Round!.Title, a.Round.SelfAssessmentDeadline }).ToListAsync(ct);
        var sent = 0;
        foreach (var a in due)
        {
            var text = $"Sắp đến hạn nộp tự đánh giá {a.Title}: hạn {a.SelfAssessmentDeadline:dd/MM/yyyy}.";
            if (await SendOnceAsync($"par:round-{a.RoundId}:agency-{a.AgencyId}:{a.SelfAssessmentDeadline:yyyyMMdd}", a.AgencyId, text,
                    $"/ParIndex/Assessments/{a.Id}", ct))
                sent++;
        }
        return sent;
    }

    static string ReportUrl(ReportPeriod p, int agencyId) => $"/Reports/Periods/{p.Id}/Agencies/{agencyId}";

    /// <summary>"Nhắc tất cả cơ quan trễ hạn": every agency with no submission past the deadline, now. The number reminded; not found for no such period.</summary>
    public async Task<Outcome<int>> RemindLateNowAsync(int periodId, string userName, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return Outcome<int>.NotFound();
        var today = VietnamTime.Today(clock);
        if (today <= period.Deadline) return Outcome<int>.Ok(0);
        var submitted = await SubmittedAsync(periodId, ct);
        var count = 0;
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmm");
        foreach (var o in await obligations.ForPeriodAsync(period, ct))
        {
            if (submitted.Contains(o.AgencyId)) continue;
            var days = today.DayNumber - period.Deadline.DayNumber;
            // Keyed by the minute: a double click sends once, a deliberate reminder later sends again.
            var key = $"manual:period-{periodId}:agency-{o.AgencyId}:{stamp}";
            if (await SendOnceAsync(key, o.AgencyId,
                    $"Sở Nội vụ nhắc: báo cáo {period.Title} đã quá hạn {days} ngày (hạn {period.Deadline:dd/MM/yyyy}). Đề nghị gửi ngay.", ReportUrl(period, o.AgencyId), ct))
                count++;
        }
        log.LogInformation("{User} reminded {Count} late agencies for period {Period}", userName, count, periodId);
        return Outcome<int>.Ok(count);
    }

    async Task<HashSet<int>> SubmittedAsync(int periodId, CancellationToken ct) =>
        (await db.Set<AgencyReport>().Where(r => r.PeriodId == periodId && r.FirstSubmittedAtUtc != null).Select(r => r.AgencyId).ToListAsync(ct)).ToHashSet();

    static string Text(ReportPeriod p, Reminder r) => r.Kind switch
    {
        ReminderKind.Before => $"Sắp đến hạn gửi báo cáo {p.Title}: hạn {p.Deadline:dd/MM/yyyy}.",
        ReminderKind.OnDay => $"Hôm nay ({p.Deadline:dd/MM/yyyy}) là hạn gửi báo cáo {p.Title}.",
        _ => $"Báo cáo {p.Title} đã quá hạn {r.DaysOverdue} ngày (hạn {p.Deadline:dd/MM/yyyy}). Đề nghị gửi ngay.",
    };

    /// <summary>Claims the key, then notifies in-app (same transaction) and by e-mail (after commit, best effort).</summary>
    async Task<bool> SendOnceAsync(string key, int agencyId, string text, string url, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new SentReminder { Key = key.Length > Limits.Name ? key[..Limits.Name] : key, AtUtc = now });
        db.Add(new Notification { AgencyId = agencyId, Text = text, CreatedAtUtc = now, Url = url, Topic = MailTopics.Deadlines });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance (or an earlier run) already sent this one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
        if (mail.IsConfigured)
        {
            // The agency's official mailbox(es), set by the administrator: Notifications:AgencyEmails:<agency id> = "a@x.gov.vn; b@x.gov.vn".
            var to = (config[$"Notifications:AgencyEmails:{agencyId}"] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var address in to)
                try { await mail.SendAsync(address, "[ParTrack] " + text, text, ct); }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                { log.LogWarning(ex, "Reminder e-mail to {Address} failed", address); }
        }
        return true;
    }
}
