using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// Reporting's lines on the to-do home. Officer: its reports due (not yet sent) and returned. Coordinator: reports
/// waiting for review and agencies late, per period. Leader: what moved this week and who is late. Only periods whose
/// deadline is at most <see cref="LookBackDays"/> days ago or <see cref="LookAheadDays"/> ahead count: older ones
/// are the dashboard's history, not today's work.
/// </summary>
public sealed class ReportingWorkItems(AppDbContext db, Obligations obligations, TimeProvider clock, IStringLocalizer<SharedResource> T)
    : IWorkItemSource
{
    public const int LookBackDays = 90, LookAheadDays = 30, SoonDays = 7;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var periods = await db.Set<ReportPeriod>().AsNoTracking()
            .Where(p => p.Deadline >= today.AddDays(-LookBackDays) && p.Deadline <= today.AddDays(LookAheadDays) && p.Plan!.Status != PlanStatus.Withdrawn)
            .OrderBy(p => p.Deadline).ThenBy(p => p.Id).ToListAsync(ct);
        if (user.IsOfficer && user.AgencyId is int agency) return await OfficerAsync(agency, periods, today, ct);
        if (user.IsCoordinator) return await CoordinatorAsync(periods, today, ct);
        if (user.Role == Role.Leader) return await LeaderAsync(periods, today, ct);
        return [];
    }

    WorkUrgency UrgencyOf(DateOnly deadline, DateOnly today) =>
        deadline < today ? WorkUrgency.Overdue : deadline <= today.AddDays(SoonDays) ? WorkUrgency.DueSoon : WorkUrgency.Normal;

    async Task<IReadOnlyList<WorkItem>> OfficerAsync(int agencyId, List<ReportPeriod> periods, DateOnly today, CancellationToken ct)
    {
        var group = T["Báo cáo của cơ quan"];
        var reports = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.AgencyId == agencyId)
            .Select(r => new { r.PeriodId, r.State }).ToDictionaryAsync(r => r.PeriodId, r => r.State, ct);
        var items = new List<WorkItem>();
        // A returned report is work whatever its period's age: it waits for this agency.
        var returned = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.AgencyId == agencyId && r.State == ReportState.Returned)
            .Select(r => new { r.PeriodId, r.Period!.Title, r.Period.Deadline }).ToListAsync(ct);
        foreach (var r in returned)
            items.Add(new WorkItem(group, T["Báo cáo {0} bị trả lại: sửa theo ý kiến và gửi lại", r.Title],
                ReportUrl(r.PeriodId, agencyId), 1, null, WorkUrgency.DueSoon));
        foreach (var p in periods)
        {
            if (reports.TryGetValue(p.Id, out var state) && state != ReportState.Draft) continue;
            if (await obligations.ForAgencyAsync(p, agencyId, ct) is null) continue;
            var title = state == ReportState.Draft && reports.ContainsKey(p.Id)
                ? T["Hoàn thành và gửi báo cáo {0} (đang là bản nháp)", p.Title]
                : T["Lập và gửi báo cáo {0}", p.Title];
            items.Add(new WorkItem(group, title, ReportUrl(p.Id, agencyId), 1, p.Deadline, UrgencyOf(p.Deadline, today)));
        }
        return items;
    }

    async Task<IReadOnlyList<WorkItem>> CoordinatorAsync(List<ReportPeriod> periods, DateOnly today, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var waiting = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.State == ReportState.Submitted)
            .GroupBy(r => new { r.PeriodId, r.Period!.Title })
            .Select(g => new { g.Key.PeriodId, g.Key.Title, Count = g.Count(), Oldest = g.Min(r => r.SubmittedAtUtc) }).ToListAsync(ct);
        foreach (var w in waiting.OrderBy(w => w.Oldest))
            items.Add(new WorkItem(T["Báo cáo chờ xem xét"], T["{0} báo cáo {1} chờ tiếp nhận hoặc trả lại", w.Count, w.Title],
                $"/Reports/Periods/{w.PeriodId}", w.Count));
        items.AddRange(await LateAsync(periods, today, T["Cơ quan chưa gửi báo cáo"], ct));
        return items;
    }

    async Task<IReadOnlyList<WorkItem>> LeaderAsync(List<ReportPeriod> periods, DateOnly today, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var moved = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.SubmittedAtUtc >= weekAgo || r.ReviewedAtUtc >= weekAgo)
            .GroupBy(r => new { r.PeriodId, r.Period!.Title }).Select(g => new { g.Key.PeriodId, g.Key.Title, Count = g.Count() }).ToListAsync(ct);
        foreach (var m in moved)
            items.Add(new WorkItem(T["Số liệu mới trong 7 ngày"], T["{0} báo cáo {1} được gửi hoặc xem xét", m.Count, m.Title],
                $"/Reports/Periods/{m.PeriodId}", m.Count));
        items.AddRange(await LateAsync(periods, today, T["Rủi ro"], ct));
        return items;
    }

    /// <summary>Per period past its deadline: how many agencies that owe a report have sent none.</summary>
    async Task<List<WorkItem>> LateAsync(List<ReportPeriod> periods, DateOnly today, string group, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        foreach (var p in periods.Where(p => p.Deadline < today))
        {
            var owed = await obligations.ForPeriodAsync(p, ct);
            var sent = await db.Set<AgencyReport>().Where(r => r.PeriodId == p.Id && r.FirstSubmittedAtUtc != null)
                .Select(r => r.AgencyId).ToListAsync(ct);
            var missing = owed.Count(o => !sent.Contains(o.AgencyId));
            if (missing > 0)
                items.Add(new WorkItem(group, T["{0}/{1} cơ quan chưa gửi báo cáo {2}", missing, owed.Count, p.Title],
                    $"/Reports/Periods/{p.Id}", missing, p.Deadline, WorkUrgency.Overdue));
        }
        return items;
    }

    static string ReportUrl(int periodId, int agencyId) => $"/Reports/Periods/{periodId}/Agencies/{agencyId}";
}
