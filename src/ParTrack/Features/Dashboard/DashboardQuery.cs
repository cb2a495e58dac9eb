using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;
using ParTrack.Features.Reporting;
using DomainStatus = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Features.Dashboard;

public sealed record AreaProgress(string Code, string Title, int Total, int Done, int Overdue)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

public sealed record AgencyProgress(int AgencyId, string Name, int Leads, int Done, int Overdue, Timeliness Timeliness, ReportState? State);

public sealed record MeasureProgress(int TargetId, string? TargetCode, string TargetText, string? AreaCode, string? Level, string Comparator,
    decimal Goal, string? Unit, IReadOnlyDictionary<ReportingPeriodKind, decimal> Actuals, Achievement Achievement);

public sealed record OverdueActivity(int ActivityId, string? AreaCode, string? Code, string Text, string Lead, DateOnly? DueEnd, string? DueText);

public sealed record DashboardView(PeriodRow? Period, IReadOnlyList<PeriodRow> Periods, int Total, int Done, int Overdue,
    IReadOnlyDictionary<DomainStatus, int> ByStatus, IReadOnlyList<AreaProgress> Areas, IReadOnlyList<AgencyProgress> Agencies,
    IReadOnlyList<MeasureProgress> Measures, IReadOnlyList<OverdueActivity> OverdueList, TimelinessSummary? Submission)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

/// <summary>
/// The province at a glance. Activity status comes from the latest accepted report of its lead (Domain
/// ActivityState, so undone work past its due date shows as overdue); target achievement from the
/// accepted actuals per period (Domain TargetAchievement). An agency's actuals are averaged for
/// percentages and summed for counts.
/// </summary>
public sealed class DashboardQuery(AppDbContext db, ReportQueries reports, Obligations obligations, TimeProvider clock, DashboardCache? cache = null)
{
    /// <summary>The view for a period (null: the current one), from the cache when it is fresh.</summary>
    public Task<DashboardView> LoadAsync(int? periodId, CancellationToken ct = default) =>
        cache is null ? ComputeAsync(periodId, ct) : cache.GetAsync(periodId, VietnamTime.Today(clock), () => ComputeAsync(periodId, CancellationToken.None));

    async Task<DashboardView> ComputeAsync(int? periodId, CancellationToken ct)
    {
        var periods = (await reports.PeriodsAsync(ct)).Where(p => p.Kind != ReportingPeriodKind.AdHoc).ToList();
        var period = periodId is int id ? periods.FirstOrDefault(p => p.Id == id) : await reports.CurrentAsync(ct);
        var today = VietnamTime.Today(clock);
        var planId = period?.PlanId ?? await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.FromYear).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null)
            return new(period, periods, 0, 0, 0, new Dictionary<DomainStatus, int>(), [], [], [], [], null);

        var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new { a.Id, a.AreaId, a.Code, a.Text, a.DueKind, a.DueStart, a.DueEnd, a.DueText, a.Order }).ToListAsync(ct);
        var areas = await db.PlanAreas.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Order).ToListAsync(ct);
        var leadNames = (await db.Assignments.AsNoTracking().Where(x => x.Role == AssignmentRole.Lead && db.Activities.Any(a => a.Id == x.ActivityId && a.PlanId == planId))
                .Select(x => new { x.ActivityId, x.Name, x.Order }).ToListAsync(ct))
            .GroupBy(x => x.ActivityId).ToDictionary(g => g.Key, g => string.Join("; ", g.OrderBy(x => x.Order).Select(x => x.Name)));

        // Per activity, the accepted lead entry of the latest period up to the chosen one (then the latest review).
        // Picked in SQL: a large province has ~100,000 accepted entries but only a few hundred activities.
        var until = period?.Deadline ?? DateOnly.MaxValue;
        var latest = (await LatestAcceptedAsync(planId.Value, until, ct)).ToDictionary(x => x.ActivityId);

        var status = activities.ToDictionary(a => a.Id, a =>
        {
            latest.TryGetValue(a.Id, out var l);
            var progress = l is null ? null : new AcceptedProgress(l.Reported,
                l.CompletedOn ?? (l.Reported is ReportedStatus.Done or ReportedStatus.DoneLate ? l.DataTo : null));
            return ActivityState.Derive(progress, new DueSpec(DueSpec.ParseKind(a.DueKind), a.DueStart, a.DueEnd), today);
        });
        static bool IsDone(DomainStatus s) => s is DomainStatus.Done or DomainStatus.DoneLate;

        var areaRows = areas.Select(ar =>
        {
            var ids = activities.Where(a => a.AreaId == ar.Id).Select(a => a.Id).ToList();
            return new AreaProgress(ar.Code, ar.Title, ids.Count, ids.Count(i => IsDone(status[i])), ids.Count(i => status[i] == DomainStatus.Overdue));
        }).ToList();
        var unplaced = activities.Where(a => a.AreaId is null).Select(a => a.Id).ToList();
        if (unplaced.Count > 0)
            areaRows.Add(new AreaProgress("", "Chưa xếp lĩnh vực", unplaced.Count, unplaced.Count(i => IsDone(status[i])), unplaced.Count(i => status[i] == DomainStatus.Overdue)));

        // Agencies: their lead work and this period's timeliness.
        var (owedFrom, owedTo) = period is null ? (today, today)
            : Domain.Reporting.ReportingPeriods.OwedFor(period.Kind, period.Year, period.DataFrom, period.DataTo);
        var owed = (await obligations.ForPlanAsync(planId.Value, owedFrom, owedTo, ct)).Where(o => o.Leads.Count > 0).ToList();
        var overview = period is null ? null : await reports.OverviewAsync(period.Id, ct);
        var agencies = owed.Select(o =>
        {
            var row = overview?.Agencies.FirstOrDefault(r => r.AgencyId == o.AgencyId);
            return new AgencyProgress(o.AgencyId, o.AgencyName, o.Leads.Count, o.Leads.Count(i => status.TryGetValue(i, out var s) && IsDone(s)),
                o.Leads.Count(i => status.TryGetValue(i, out var s) && s == DomainStatus.Overdue),
                row?.Timeliness ?? new Timeliness(TimelinessKind.NotDueYet, 0), row?.State);
        }).ToList();

        var measures = await MeasuresAsync(planId.Value, until, ct);
        var areaCode = areas.ToDictionary(a => a.Id, a => a.Code);
        var overdue = activities.Where(a => status[a.Id] == DomainStatus.Overdue).OrderBy(a => a.DueEnd).ThenBy(a => a.Order)
            .Select(a => new OverdueActivity(a.Id, a.AreaId is int ai ? areaCode.GetValueOrDefault(ai) : null, a.Code, a.Text,
                leadNames.GetValueOrDefault(a.Id, ""), a.DueEnd, a.DueText)).ToList();

        return new DashboardView(period, periods, activities.Count, status.Values.Count(IsDone), status.Values.Count(s => s == DomainStatus.Overdue),
            status.Values.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), areaRows, agencies, measures, overdue, overview?.Summary);
    }

    /// <summary>One row of <see cref="LatestAcceptedAsync"/> (column names match the SQL).</summary>
    public sealed class LatestEntry
    {
        public int ActivityId { get; set; }
        public string Status { get; set; } = "";
        public DateOnly? CompletedOn { get; set; }
        public DateOnly DataTo { get; set; }
        public ReportedStatus Reported => Enum.Parse<ReportedStatus>(Status);
    }

    /// <summary>Plain SQL (SQLite and PostgreSQL both have window functions; identifiers quoted for PostgreSQL).</summary>
    Task<List<LatestEntry>> LatestAcceptedAsync(int planId, DateOnly until, CancellationToken ct) =>
        db.Database.SqlQuery<LatestEntry>($"""
            SELECT x."ActivityId", x."Status", x."CompletedOn", x."DataTo" FROM (
                SELECT e."ActivityId", e."Status", e."CompletedOn", p."DataTo",
                       ROW_NUMBER() OVER (PARTITION BY e."ActivityId" ORDER BY p."Deadline" DESC, r."ReviewedAtUtc" DESC, r."Id" DESC) AS rn
                FROM "ReportEntry" e
                JOIN "AgencyReport" r ON r."Id" = e."ReportId"
                JOIN "ReportPeriod" p ON p."Id" = r."PeriodId"
                WHERE e."Leads" AND e."Status" IS NOT NULL AND r."State" = 'Accepted' AND p."PlanId" = {planId} AND p."Deadline" <= {until}
            ) x WHERE x.rn = 1
            """).ToListAsync(ct);

    async Task<List<MeasureProgress>> MeasuresAsync(int planId, DateOnly until, CancellationToken ct)
    {
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measures).Include(t => t.Area)
            .Where(t => t.PlanId == planId).OrderBy(t => t.Area!.Order).ThenBy(t => t.Order).ToListAsync(ct);
        var values = await db.Set<MeasureActual>().AsNoTracking()
            .Join(db.Set<AgencyReport>().Where(r => r.State == ReportState.Accepted), m => m.ReportId, r => r.Id, (m, r) => new { m, r.PeriodId })
            .Join(db.Set<ReportPeriod>().Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc && p.Deadline <= until),
                x => x.PeriodId, p => p.Id, (x, p) => new { x.m.MeasureId, x.m.Value, p.Kind })
            .ToListAsync(ct);
        var byMeasure = values.GroupBy(v => v.MeasureId).ToDictionary(g => g.Key, g => g.ToList());

        var result = new List<MeasureProgress>();
        foreach (var t in targets)
            foreach (var m in t.Measures.OrderBy(m => m.Id))
            {
                var percent = m.Unit?.Contains('%') == true;
                var perPeriod = byMeasure.TryGetValue(m.Id, out var list)
                    ? list.GroupBy(v => v.Kind).OrderBy(g => ReportingPeriods.Index(g.Key))
                        .ToDictionary(g => g.Key, g => Math.Round(percent ? g.Average(v => v.Value) : g.Sum(v => v.Value), 2))
                    : new Dictionary<ReportingPeriodKind, decimal>();
                var domain = new Domain.Targets.TargetMeasure(m.Level, ParseComparator(m.Comparator), m.Value, m.Unit);
                var achievement = TargetAchievement.Evaluate(domain, perPeriod.Select(p => new ActualValue(p.Key, p.Value)).ToList());
                result.Add(new MeasureProgress(t.Id, t.Code, t.Text, t.Area?.Code, m.Level, m.Comparator, m.Value, m.Unit, perPeriod, achievement));
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
