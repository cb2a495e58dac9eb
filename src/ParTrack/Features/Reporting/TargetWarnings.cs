using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

public sealed record LaggingAgency(int AgencyId, string Name, decimal Value);

/// <summary>A bound target's year-end projection; Lagging (at-risk targets only) are the agencies below the goal, worst first.</summary>
public sealed record TargetWarning(int MeasureId, string? TargetCode, string TargetText, string? Level, string IndicatorKey, decimal Goal, string? Unit,
    Projection Projection, IReadOnlyList<LaggingAgency> Lagging);

/// <summary>
/// Early warning on the plan's bound targets ("phải đạt tối thiểu"): the year's monthly series from the indicator's source
/// (complete months only), projected to December by Domain YearEndProjection; at risk when the projection misses the goal.
/// The agencies that pull it down are those whose own year-to-date value is under the goal (the binding's group, or the
/// current agencies of the measure's level). Cached with the dashboard, which is reset by every binding change.
/// </summary>
public sealed class TargetWarnings(AppDbContext db, MeasureBindings bindings, TimeProvider clock, Dashboard.DashboardCache? cache = null)
{
    public const int MaxLagging = 5;

    /// <summary>The year's warnings on every complete month so far (January to last month; all twelve once the year is over).</summary>
    public Task<IReadOnlyList<TargetWarning>> ForPlanAsync(int planId, int year, CancellationToken ct = default) =>
        ThroughMonthAsync(planId, year, LastCompleteMonth(year), ct);

    /// <summary>
    /// As a period's report sees them: only the months complete on the period's data cut-off (a Q1 cut on 14/03 has
    /// January and February), so a report drafted again later says what it said then.
    /// </summary>
    public Task<IReadOnlyList<TargetWarning>> AsOfAsync(int planId, int year, DateOnly cutOff, CancellationToken ct = default)
    {
        var complete = cutOff.Year > year ? 12 : cutOff.Year < year ? 0
            : cutOff.AddDays(1).Day == 1 ? cutOff.Month : cutOff.Month - 1;
        return ThroughMonthAsync(planId, year, Math.Min(complete, LastCompleteMonth(year)), ct);
    }

    Task<IReadOnlyList<TargetWarning>> ThroughMonthAsync(int planId, int year, int lastMonth, CancellationToken ct) =>
        cache is null ? ComputeAsync(planId, year, lastMonth, ct)
            : cache.GetAsync($"warnings:{planId}:{year}:{lastMonth}", VietnamTime.Today(clock), () => ComputeAsync(planId, year, lastMonth, CancellationToken.None));

    int LastCompleteMonth(int year)
    {
        var today = VietnamTime.Today(clock);
        return year < today.Year ? 12 : year == today.Year ? today.Month - 1 : 0;
    }

    /// <summary>The warnings of the province's issued plan (the dashboard's default plan) for this year, or its last year once it has ended.</summary>
    public async Task<IReadOnlyList<TargetWarning>> CurrentAsync(CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.FromYear).ThenByDescending(p => p.Id).Select(p => new { p.Id, p.ToYear }).FirstOrDefaultAsync(ct);
        return plan is null ? [] : await ForPlanAsync(plan.Id, Math.Min(VietnamTime.Today(clock).Year, plan.ToYear), ct);
    }

    async Task<IReadOnlyList<TargetWarning>> ComputeAsync(int planId, int year, int lastMonth, CancellationToken ct)
    {
        if (lastMonth < YearEndProjection.MinMonths) return [];
        var warnings = new List<TargetWarning>();
        foreach (var m in (await bindings.ForPlanAsync(planId, ct)).Where(m => m.Binding is not null && m.Comparator == "atLeast"))
        {
            var monthly = new Dictionary<int, decimal>();
            for (var month = 1; month <= lastMonth; month++)
            {
                var first = new DateOnly(year, month, 1);
                if (await bindings.ActualAsync(m.Binding!, m.Level, first, first.AddMonths(1).AddDays(-1), ct) is { } v) monthly[month] = v.Value;
            }
            if (YearEndProjection.Project(monthly, m.Goal) is not { } projection) continue;
            var lagging = projection.AtRisk ? await LaggingAsync(m, new DateOnly(year, 1, 1), new DateOnly(year, lastMonth, 1).AddMonths(1).AddDays(-1), ct) : [];
            warnings.Add(new TargetWarning(m.MeasureId, m.TargetCode, m.TargetText, m.Level, m.Binding!.IndicatorKey, m.Goal, m.Unit, projection, lagging));
        }
        return warnings;
    }

    async Task<IReadOnlyList<LaggingAgency>> LaggingAsync(BindableMeasure m, DateOnly from, DateOnly to, CancellationToken ct)
    {
        AdminLevel? level = (m.Binding!.Level ?? m.Level) switch
        {
            "province" => AdminLevel.Province,
            "district" => AdminLevel.District,
            "commune" => AdminLevel.Commune,
            _ => null,
        };
        var group = m.Binding.Agencies;
        var query = db.Agencies.AsNoTracking();
        query = group is not null ? query.Where(a => group.Contains(a.Id))
            : query.Where(a => (level == null || a.Level == level) && (a.ValidTo == null || a.ValidTo >= to));
        var candidates = await query.Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var lagging = new List<LaggingAgency>();
        foreach (var a in candidates)
            if (await bindings.ActualAsync(m.Binding, m.Level, from, to, ct, [a.Id]) is { } v && v.Value < m.Goal)
                lagging.Add(new LaggingAgency(a.Id, a.Name, Math.Round(v.Value, 2)));
        return lagging.OrderBy(a => a.Value).ThenBy(a => a.Name).Take(MaxLagging).ToList();
    }
}

/// <summary>Early warning on "Việc của tôi": coordinators see the targets at risk; officers, the targets their agency pulls down.</summary>
public sealed class TargetWarningItems(TargetWarnings warnings, IStringLocalizer<SharedResource> T) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        if (!user.IsCoordinator && !user.IsOfficer) return [];
        var atRisk = (await warnings.CurrentAsync(ct)).Where(w => w.Projection.AtRisk).ToList();
        if (user.IsCoordinator)
            return atRisk.Count == 0 ? [] : [new WorkItem(T["Chỉ tiêu"], T["Chỉ tiêu có nguy cơ không đạt (dự báo cuối năm)"], "/Dashboard#warnings-h", atRisk.Count, null, WorkUrgency.DueSoon)];
        var mine = atRisk.Count(w => w.Lagging.Any(a => a.AgencyId == user.AgencyId));
        return mine == 0 ? [] : [new WorkItem(T["Chỉ tiêu"], T["Cơ quan đang kéo chỉ tiêu xuống: cải thiện số liệu hồ sơ một cửa"], "/Dossiers/Kpis", mine, null, WorkUrgency.DueSoon)];
    }
}
