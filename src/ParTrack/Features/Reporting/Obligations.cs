using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <summary>What one agency must report on in a plan: the activities it leads and those it coordinates.</summary>
public sealed record Obligation(int AgencyId, string AgencyName, AgencyKind Kind, IReadOnlyList<int> Leads, IReadOnlyList<int> Supports)
{
    public bool HasWork => Leads.Count > 0 || Supports.Count > 0;
}

/// <summary>
/// Who owes a report in a period. The same rule as "Việc của tôi" (Plans' AgencyMatch: the agency itself,
/// bodies merged into it, its groups), computed for all agencies at once so the dashboard and the
/// period overview need two queries, not one per agency. Time-aware (DOMAIN §7): a body owes the periods
/// whose months (<see cref="WindowOf"/>) it existed in; a body merged before them owes nothing and its
/// successor owes its work; a body created mid-year owes from its first period.
/// </summary>
public sealed class Obligations(AppDbContext db)
{
    public async Task<List<Obligation>> ForPeriodAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var (from, to) = WindowOf(period);
        var all = await ForPlanAsync(period.PlanId, from, to, ct);
        return await ForPeriodAsync(period, all, ct);
    }

    /// <summary>One agency's obligation in the period (null when it owes no report): what opening its report needs.</summary>
    public async Task<Obligation?> ForAgencyAsync(ReportPeriod period, int agencyId, CancellationToken ct = default)
    {
        var (from, to) = WindowOf(period);
        var all = await ForPlanAsync(period.PlanId, from, to, ct, agencyId);
        return (await ForPeriodAsync(period, all, ct)).FirstOrDefault(o => o.AgencyId == agencyId);
    }

    async Task<List<Obligation>> ForPeriodAsync(ReportPeriod period, List<Obligation> all, CancellationToken ct)
    {
        if (period.Kind == Domain.Reporting.ReportingPeriodKind.AdHoc)
        {
            var asked = await db.Set<ReportRequestAgency>().Where(r => r.PeriodId == period.Id).Select(r => r.AgencyId).ToListAsync(ct);
            var names = await db.Agencies.AsNoTracking().Where(a => asked.Contains(a.Id)).ToListAsync(ct);
            return names.OrderBy(a => a.Name).Select(a =>
                all.FirstOrDefault(o => o.AgencyId == a.Id) ?? new Obligation(a.Id, a.Name, a.Kind, [], [])).ToList();
        }
        return all.Where(o => o.HasWork).ToList();
    }

    /// <summary>The days a period's report is owed for (its quarter; an ad-hoc request's window).</summary>
    public static (DateOnly From, DateOnly To) WindowOf(ReportPeriod period) =>
        Domain.Reporting.ReportingPeriods.OwedFor(period.Kind, period.Year, period.DataFrom, period.DataTo);

    /// <summary>The obligations of the agencies current on one day.</summary>
    public Task<List<Obligation>> ForPlanAsync(int planId, DateOnly onDay, CancellationToken ct = default, int? onlyAgencyId = null) =>
        ForPlanAsync(planId, onDay, onDay, ct, onlyAgencyId);

    /// <summary>
    /// The obligations of the agencies current on one day on <paramref name="activityIds"/> only (their Leads and Supports
    /// hold no other activity): who owes a few activities, without every agency's whole work (early warning).
    /// </summary>
    public Task<List<Obligation>> OnActivitiesAsync(int planId, DateOnly onDay, IReadOnlyCollection<int> activityIds, CancellationToken ct = default) =>
        ComputeAsync(planId, onDay, onDay, null, ct, activityIds);

    /// <summary>
    /// Every agency that existed on some day from <paramref name="from"/> to <paramref name="to"/> (except the
    /// province People's Committee) with its work in the plan, or only <paramref name="onlyAgencyId"/>.
    /// </summary>
    public async Task<List<Obligation>> ForPlanAsync(int planId, DateOnly from, DateOnly to, CancellationToken ct = default, int? onlyAgencyId = null)
    {
        // One computation per request: the dashboard asks for a period's obligations for its figures and for who has reported.
        var key = (planId, from, to, onlyAgencyId);
        if (!_computed.TryGetValue(key, out var computed))
            _computed[key] = computed = await ComputeAsync(planId, from, to, onlyAgencyId, ct);
        return [.. computed];
    }

    readonly Dictionary<(int, DateOnly, DateOnly, int?), List<Obligation>> _computed = [];

    async Task<List<Obligation>> ComputeAsync(int planId, DateOnly from, DateOnly to, int? onlyAgencyId, CancellationToken ct,
        IReadOnlyCollection<int>? onlyActivities = null)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => onlyAgencyId == null || a.Id == onlyAgencyId).ToListAsync(ct);
        var directory = new Agencies.AgencyDirectory(db);   // one registry load for every agency's match
        // A join from the plan's activities (indexed by plan), not EXISTS per assignment of every plan.
        // A cancelled activity and a withdrawn plan are nobody's work (PlanLifecycle).
        var assignments = await (
                from a in db.Activities
                where a.PlanId == planId && a.CancelledAtUtc == null && a.Plan!.Status != PlanStatus.Withdrawn
                join x in db.Assignments on a.Id equals x.ActivityId
                select x)
            .AsNoTracking().ToListAsync(ct);
        if (onlyActivities is not null)
        {
            var wanted = onlyActivities.ToHashSet();
            assignments = assignments.Where(x => wanted.Contains(x.ActivityId)).ToList();
        }

        var index = new AssignmentIndex(assignments);
        var result = new List<Obligation>();
        foreach (var agency in agencies.Where(a => Existed(a, from, to) && a.Kind != AgencyKind.PeoplesCommittee))
        {
            var match = (await AgencyMatch.LoadAsync(directory, agency.Id, from, ct))!;
            var covered = index.CandidatesFor(match).Where(match.Covers).ToList();
            var leads = covered.Where(x => x.Role == AssignmentRole.Lead).Select(x => x.ActivityId).Distinct().ToList();
            var led = leads.ToHashSet();
            var supports = covered.Where(x => x.Role == AssignmentRole.Support).Select(x => x.ActivityId)
                .Distinct().Where(id => !led.Contains(id)).ToList();
            result.Add(new Obligation(agency.Id, agency.Name, agency.Kind, leads, supports));
        }
        return result.OrderBy(o => o.AgencyName, NameOrder).ToList();
    }

    /// <summary>The order agencies are listed in (Vietnamese alphabetical order of their names).</summary>
    internal static readonly StringComparer NameOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);

    static bool Existed(Agency a, DateOnly from, DateOnly to) => (a.ValidFrom is null || a.ValidFrom <= to) && (a.ValidTo is null || a.ValidTo >= from);

    /// <summary>The target measures an agency answers for: those of targets served by the tasks of activities it leads.</summary>
    public async Task<List<Data.TargetMeasure>> MeasuresForAsync(int planId, IReadOnlyList<int> leadActivities, CancellationToken ct = default)
    {
        if (leadActivities.Count == 0) return [];
        var tasks = await db.Activities.AsNoTracking().Where(a => leadActivities.Contains(a.Id) && a.TaskId != null)
            .Select(a => new { a.Task!.TargetCodes, a.Task.AreaId }).Distinct().ToListAsync(ct);
        var wanted = tasks.SelectMany(t => t.TargetCodes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(code => (code, t.AreaId))).ToHashSet();
        if (wanted.Count == 0) return [];
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measures).Where(t => t.PlanId == planId && t.Code != null).ToListAsync(ct);
        return targets.Where(t => wanted.Contains((t.Code!, t.AreaId))).OrderBy(t => t.Order)
            .SelectMany(t => t.Measures.OrderBy(m => m.Id)).ToList();
    }
}
