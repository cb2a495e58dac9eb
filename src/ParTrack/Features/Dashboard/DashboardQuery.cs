using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;
using ParTrack.Features.Reporting;
using ParTrack.Features.Shared;
using DomainStatus = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Features.Dashboard;

public sealed record AreaProgress(string Code, string Title, int Total, int Done, int Overdue)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

public sealed record AgencyProgress(int AgencyId, string Name, int Leads, int Done, int Overdue, Timeliness Timeliness, ReportState? State);

public sealed record MeasureProgress(int MeasureId, int TargetId, string? TargetCode, string TargetText, string? AreaCode, string? Level, string Comparator,
    decimal Goal, string? Unit, IReadOnlyDictionary<ReportingPeriodKind, decimal> Actuals, Achievement Achievement, Aggregation Rule,
    IReadOnlyDictionary<ReportingPeriodKind, ComputedActual>? Computed = null, string? IndicatorKey = null);

public sealed record OverdueActivity(int ActivityId, string? AreaCode, string? Code, string Text, string Lead, DateOnly? DueEnd, string? DueText);

public sealed record DashboardView(PeriodRow? Period, IReadOnlyList<PeriodRow> Periods, int Total, int Done, int Overdue,
    IReadOnlyDictionary<DomainStatus, int> ByStatus, IReadOnlyList<AreaProgress> Areas, IReadOnlyList<AgencyProgress> Agencies,
    IReadOnlyList<MeasureProgress> Measures, IReadOnlyList<OverdueActivity> OverdueList, TimelinessSummary? Submission, PlanProgress? Progress)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

/// <summary>
/// The province at a glance for one period. Every activity and agency figure comes from Reporting's
/// <see cref="Tallies"/>, the counts kept with the reports by the same rule as <see cref="Progress"/> (the one query path
/// the exports and the API share): an activity's state in the period aggregates the agencies that owe it, an agency's
/// row counts its own states. Target achievement comes from
/// the accepted actuals per period, combined by each measure's rule (Reporting's Targets page, Domain
/// ActualAggregation), and Domain TargetAchievement.
/// </summary>
/// <summary>Which period a dashboard shows (the chosen one, or the current one) and its plan (none yet: the latest issued).</summary>
public sealed record DashboardPlace(IReadOnlyList<PeriodRow> Periods, PeriodRow? Period, int? PlanId);

public sealed class DashboardQuery(AppDbContext db, ReportQueries reports, Progress progress, Tallies tallies, TimeProvider clock,
    DashboardCache? cache = null, MeasureBindings? bindings = null)
{
    /// <summary>The view for a period (null: the current one), from the cache when it is fresh.</summary>
    public async Task<DashboardView> LoadAsync(int? periodId, CancellationToken ct = default) =>
        await LoadAsync(periodId, await PlaceAsync(periodId, ct), ct);

    /// <summary>The view of a place already found (the dashboard page starts its other reads from it).</summary>
    public Task<DashboardView> LoadAsync(int? periodId, DashboardPlace place, CancellationToken ct = default) =>
        cache is null ? ComputeAsync(place, ct) : cache.GetAsync(periodId, VietnamTime.Today(clock), () => ComputeAsync(place, CancellationToken.None));

    public async Task<DashboardPlace> PlaceAsync(int? periodId, CancellationToken ct = default)
    {
        var periods = (await reports.PeriodsAsync(ct)).Where(p => p.Kind != ReportingPeriodKind.AdHoc).ToList();
        var period = periodId is int id ? periods.FirstOrDefault(p => p.Id == id) : reports.Current(periods);
        var planId = period?.PlanId ?? await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.FromYear).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return new(periods, period, planId);
    }

    async Task<DashboardView> ComputeAsync(DashboardPlace place, CancellationToken ct)
    {
        var (periods, period) = (place.Periods, place.Period);
        if (place.PlanId is not int planId)
            return new(period, periods, 0, 0, 0, new Dictionary<DomainStatus, int>(), [], [], [], [], null, null);

        // A period's figures and who owes its report come from its tallies (~650 rows), not from every (agency, activity) pair.
        var tallied = period is null ? null : await tallies.FiguresAsync(period.Id, ct);
        var figures = tallied?.Progress ?? await progress.WithoutReportsAsync(planId, ct);
        var areaRows = figures.Areas.Select(a => new AreaProgress(a.Code, a.Title, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue)).ToList();
        var overview = tallied is null ? null : await reports.OverviewAsync(tallied.Progress.Period!, tallied.Owing, ct);
        var reported = overview?.Agencies.ToDictionary(r => r.AgencyId) ?? [];
        var agencies = figures.Agencies.Select(a =>
        {
            var row = reported.GetValueOrDefault(a.AgencyId);
            return new AgencyProgress(a.AgencyId, a.Name, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue,
                row?.Timeliness ?? new Timeliness(TimelinessKind.NotDueYet, 0), row?.State);
        }).ToList();

        var areaCode = figures.Areas.Where(a => a.AreaId is not null).ToDictionary(a => a.AreaId!.Value, a => a.Code);
        var overdue = figures.Activities.Where(a => a.State == DomainStatus.Overdue).OrderBy(a => a.DueEnd)
            .Select(a => new OverdueActivity(a.ActivityId, a.AreaId is int ai ? areaCode.GetValueOrDefault(ai) : null, a.Code, a.Text,
                a.Lead, a.DueEnd, a.DueText)).ToList();

        var t = figures.Totals;
        return new DashboardView(period, periods, t.Activities, t.Done, t.Overdue,
            figures.Activities.GroupBy(a => a.State).ToDictionary(g => g.Key, g => g.Count()), areaRows, agencies,
            await MeasuresAsync(planId, period?.Deadline ?? DateOnly.MaxValue, ct), overdue,
            overview?.Summary, figures);
    }

    /// <summary>
    /// Per measure and period, the province figure by the measure's rule (Domain ActualAggregation: sum, mean,
    /// minimum of the accepted agencies' values, or the figure the coordinator entered), then achievement.
    /// </summary>
    async Task<List<MeasureProgress>> MeasuresAsync(int planId, DateOnly until, CancellationToken ct)
    {
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measures).Include(t => t.Area)
            .Where(t => t.PlanId == planId).OrderBy(t => t.Area!.Order).ThenBy(t => t.Order).ToListAsync(ct);
        var periods = db.Set<ReportPeriod>().Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc && p.Deadline <= until);
        var values = await db.Set<MeasureActual>().AsNoTracking()
            .Join(db.Set<AgencyReport>().Where(r => r.State == ReportState.Accepted), m => m.ReportId, r => r.Id, (m, r) => new { m, r.PeriodId })
            .Join(periods, x => x.PeriodId, p => p.Id, (x, p) => new { x.m.MeasureId, x.m.Value, p.Kind })
            .ToListAsync(ct);
        var province = await db.Set<ProvinceActual>().AsNoTracking()
            .Join(periods, x => x.PeriodId, p => p.Id, (x, p) => new { x.MeasureId, x.Value, p.Kind }).ToListAsync(ct);
        var rules = await db.Set<MeasureAggregation>().AsNoTracking().ToDictionaryAsync(r => r.MeasureId, r => r.Rule, ct);
        var byMeasure = values.ToLookup(v => (v.MeasureId, v.Kind), v => v.Value);
        var kinds = new[] { ReportingPeriodKind.Q1, ReportingPeriodKind.SixMonths, ReportingPeriodKind.Q3, ReportingPeriodKind.Year };
        var bound = bindings is null ? new Dictionary<int, MeasureBinding>() : await bindings.OfAsync(targets.SelectMany(t => t.Measures).Select(m => m.Id).ToList(), ct);
        var windows = await periods.AsNoTracking().Select(p => new { p.Kind, p.DataFrom, p.DataTo }).ToListAsync(ct);

        var result = new List<MeasureProgress>();
        foreach (var t in targets)
            foreach (var m in t.Measures.OrderBy(m => m.Id))
            {
                var rule = rules.TryGetValue(m.Id, out var r) ? r : ActualAggregation.Default(m.Unit);
                var perPeriod = new Dictionary<ReportingPeriodKind, decimal>();
                foreach (var k in kinds)
                {
                    var figure = ActualAggregation.Aggregate(rule, byMeasure[(m.Id, k)].ToList(),
                        province.FirstOrDefault(p => p.MeasureId == m.Id && p.Kind == k)?.Value);
                    if (figure is { } f) perPeriod[k] = f;
                }
                // A bound measure's actuals are the source's, for each period's data window; typed values are kept but not used.
                Dictionary<ReportingPeriodKind, ComputedActual>? computed = null;
                if (bound.TryGetValue(m.Id, out var binding))
                {
                    (perPeriod, computed) = ([], []);
                    foreach (var w in windows.Where(w => kinds.Contains(w.Kind)).OrderBy(w => w.DataTo))
                        if (await bindings!.ActualAsync(binding, m.Level, w.DataFrom, w.DataTo, ct) is { } c)
                            (perPeriod[w.Kind], computed[w.Kind]) = (Math.Round(c.Value, 2), c);
                }
                var domain = new Domain.Targets.TargetMeasure(m.Level, ParseComparator(m.Comparator), m.Value, m.Unit);
                var achievement = TargetAchievement.Evaluate(domain, perPeriod.Select(p => new ActualValue(p.Key, p.Value)).ToList());
                result.Add(new MeasureProgress(m.Id, t.Id, t.Code, t.Text, t.Area?.Code, m.Level, m.Comparator, m.Value, m.Unit, perPeriod, achievement, rule,
                    computed, binding?.IndicatorKey));
            }
        return result;
    }

    public static Comparator ParseComparator(string c) => c switch
    {
        "atMost" => Comparator.AtMost,
        "exactly" => Comparator.Exactly,
        "reduceBy" => Comparator.ReduceBy,
        "increaseBy" => Comparator.IncreaseBy,
        _ => Comparator.AtLeast,
    };
}
