using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>An owing agency behind schedule: its last reported percent (0 when it has not reported).</summary>
public sealed record AgencyBehind(int AgencyId, string Name, int Reported);

/// <summary>An activity whose due end is near with at least one owing agency behind a linear schedule (Domain ActivitySchedule).</summary>
public sealed record ActivityAtRisk(int ActivityId, string? Code, string Text, string Lead, DateOnly DueEnd, int DaysLeft, int Expected,
    IReadOnlyList<AgencyBehind> Behind);

/// <summary>
/// Early warning on the plan's activities: for each activity due within Reporting:ActivityRiskDays (default 30) of the
/// day, each agency that leads it on that day (Obligations) is judged on its last submitted report (Tallies.LastWordsAsync).
/// Cached with the dashboard: a submitted or reviewed report resets it.
/// </summary>
public sealed class ActivityRisks(AppDbContext db, Obligations obligations, Tallies tallies, IConfiguration config, TimeProvider clock,
    Dashboard.DashboardCache? cache = null)
{
    public int WindowDays => config.GetValue("Reporting:ActivityRiskDays", ActivitySchedule.DefaultWindowDays);

    /// <summary>Today, from every report submitted so far.</summary>
    public Task<IReadOnlyList<ActivityAtRisk>> CurrentAsync(int planId, CancellationToken ct = default) =>
        AsOfAsync(planId, DateOnly.MaxValue, ct);

    /// <summary>
    /// The issued province plans with an activity due within the window today: the only ones early warning can flag. One
    /// query, so the to-do home judges one or two plans, not every plan ever issued (each judged plan costs a few queries).
    /// </summary>
    public async Task<List<int>> PlansDueSoonAsync(CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var until = today.AddDays(WindowDays);
        return await db.Plans.AsNoTracking()
            .Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued
                        && p.Activities.Any(a => a.DueEnd != null && a.DueEnd >= today && a.DueEnd <= until))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>As a period's report sees them: on its data cut-off (or today, if earlier), from the reports of periods cut by then.</summary>
    public Task<IReadOnlyList<ActivityAtRisk>> AsOfAsync(int planId, DateOnly cutOff, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var asOf = cutOff < today ? cutOff : today;
        return cache is null ? ComputeAsync(planId, asOf, cutOff, ct)
            : cache.GetAsync($"activity-risks:{planId}:{asOf:yyyyMMdd}:{cutOff:yyyyMMdd}", today, () => ComputeAsync(planId, asOf, cutOff, CancellationToken.None));
    }

    async Task<IReadOnlyList<ActivityAtRisk>> ComputeAsync(int planId, DateOnly asOf, DateOnly lastDataTo, CancellationToken ct)
    {
        var window = WindowDays;
        var until = asOf.AddDays(window);
        var candidates = await db.Activities.AsNoTracking().Include(a => a.Assignments)
            .Where(a => a.PlanId == planId && a.DueEnd != null && a.DueEnd >= asOf && a.DueEnd <= until)
            .OrderBy(a => a.DueEnd).ThenBy(a => a.Order).ToListAsync(ct);
        // No early return when nothing is due soon: the page runs the same queries whatever the data (QueryCountTests).
        // Only the activities due soon are judged: who leads them (not every agency's every obligation), and their answers
        // kept with the tallies (not every report's ~100 answers of every earlier period).
        var ids = candidates.Select(a => a.Id).ToList();
        var owing = await obligations.LeadsOfAsync(planId, asOf, ids, ct);
        var answers = await tallies.LastWordsAsync(planId, lastDataTo, ids, ct);
        var result = new List<ActivityAtRisk>();
        foreach (var a in candidates)
        {
            var due = new DueSpec(DueSpec.ParseKind(a.DueKind), a.DueStart, a.DueEnd);
            var behind = new List<AgencyBehind>();
            ScheduleRisk? any = null;
            foreach (var o in owing[a.Id])
            {
                var answer = answers.TryGetValue((o.AgencyId, a.Id), out var word) ? word : (Tallies.LastWord?)null;
                if (ActivitySchedule.AtRisk(due, answer?.Status, answer?.Percent, asOf, window) is not { } risk) continue;
                any = risk;
                behind.Add(new AgencyBehind(o.AgencyId, o.AgencyName, risk.Reported));
            }
            if (any is not null)
                result.Add(new ActivityAtRisk(a.Id, a.Code, a.Text, FrameworkTable.Names(a, AssignmentRole.Lead), a.DueEnd!.Value, any.DaysLeft, any.Expected,
                    behind.OrderBy(b => b.Reported).ToList()));
        }
        return result;
    }
}

/// <summary>"Việc cần làm": coordinators see how many activities are at risk; an officer, those its agency is behind on.</summary>
public sealed class ActivityRiskItems(ActivityRisks risks, IStringLocalizer<SharedResource> T) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsCoordinator && !(user.IsOfficer && user.AgencyId is not null)) return [];
        var atRisk = new List<ActivityAtRisk>();
        foreach (var plan in await risks.PlansDueSoonAsync(ct)) atRisk.AddRange(await risks.CurrentAsync(plan, ct));
        var days = risks.WindowDays;
        if (user.IsCoordinator)
            return atRisk.Count == 0 ? [] : [new WorkItem(T["Tiến độ"], T["Nhiệm vụ có nguy cơ chậm tiến độ (đến hạn trong {0} ngày)", days],
                "/Dashboard#activity-risks-h", atRisk.Count, atRisk.Min(r => r.DueEnd), WorkUrgency.DueSoon)];
        var mine = atRisk.Where(r => r.Behind.Any(b => b.AgencyId == user.AgencyId)).ToList();
        return mine.Count == 0 ? [] : [new WorkItem(T["Tiến độ"], T["Nhiệm vụ chủ trì có nguy cơ chậm tiến độ: cập nhật tiến độ hoặc đẩy nhanh thực hiện"],
            "/MyWork", mine.Count, mine.Min(r => r.DueEnd), WorkUrgency.DueSoon)];
    }
}
