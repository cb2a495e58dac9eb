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

    /// <summary>
    /// Who leads each of <paramref name="activityIds"/> on one day (early warning asks for the few activities due soon):
    /// the same rule as <see cref="ForPlanAsync(int, DateOnly, CancellationToken, int?)"/>, over those activities' assignments only.
    /// </summary>
    public Task<ILookup<int, Obligation>> LeadsOfAsync(int planId, DateOnly onDay, IReadOnlyCollection<int> activityIds, CancellationToken ct = default) =>
        LeadsOfAsync(planId, onDay, onDay, activityIds, ct);

    /// <summary>Who leads each of <paramref name="activityIds"/> in a periodic period (a page of the progress API): the rule of <see cref="ForPeriodAsync(ReportPeriod, CancellationToken)"/>.</summary>
    public Task<ILookup<int, Obligation>> LeadsOfAsync(ReportPeriod period, IReadOnlyCollection<int> activityIds, CancellationToken ct = default)
    {
        var (from, to) = WindowOf(period);
        return LeadsOfAsync(period.PlanId, from, to, activityIds, ct);
    }

    async Task<ILookup<int, Obligation>> LeadsOfAsync(int planId, DateOnly from, DateOnly to, IReadOnlyCollection<int> activityIds, CancellationToken ct)
    {
        var owed = await ComputeAsync(planId, from, to, null, ct, [.. activityIds]);   // none due soon: the same queries all the same
        return owed.SelectMany(o => o.Leads.Select(id => (ActivityId: id, Obligation: o))).ToLookup(x => x.ActivityId, x => x.Obligation);
    }

    async Task<List<Obligation>> ComputeAsync(int planId, DateOnly from, DateOnly to, int? onlyAgencyId, CancellationToken ct,
        List<int>? onlyActivityIds = null)
    {
        var directory = new Agencies.AgencyDirectory(db);   // one registry load for every agency's match, and the agencies
        var agencies = (await directory.AllAsync(ct)).Where(a => onlyAgencyId == null || a.Id == onlyAgencyId).OrderBy(a => a.Id).ToList();
        // A join from the plan's activities (indexed by plan), not EXISTS per assignment of every plan.
        // A cancelled activity and a withdrawn plan are nobody's work (PlanLifecycle).
        var assignments = await (
                from a in db.Activities
                where a.PlanId == planId && a.CancelledAtUtc == null && a.Plan!.Status != PlanStatus.Withdrawn
                      && (onlyActivityIds == null || onlyActivityIds.Contains(a.Id))
                join x in db.Assignments on a.Id equals x.ActivityId
                select x)
            .AsNoTracking().ToListAsync(ct);

        var index = new AssignmentIndex(assignments);
        var result = new List<Obligation>();
        foreach (var agency in agencies.Where(a => Existed(a, from, to) && a.Kind != AgencyKind.PeoplesCommittee))
        {
            var match = (await AgencyMatch.LoadAsync(directory, agency.Id, from, ct))!;
            var covered = index.CoveredBy(match);
            var leads = covered.Where(x => x.Role == AssignmentRole.Lead).Select(x => x.ActivityId).Distinct().ToList();
            var supports = covered.Where(x => x.Role == AssignmentRole.Support).Select(x => x.ActivityId)
                .Distinct().Where(id => !leads.Contains(id)).ToList();
            result.Add(new Obligation(agency.Id, agency.Name, agency.Kind, leads, supports));
        }
        return result.OrderBy(o => o.AgencyName, NameOrder).ToList();
    }

    /// <summary>
    /// The plan's assignments by the agency, successor and group they name, so each agency's match looks only at the
    /// assignments that can name it (a few hundred) instead of every assignment (30,000 in a large province, times 350
    /// agencies). <see cref="AgencyMatch.Covers"/> still decides; the order stays the query's.
    /// </summary>
    sealed class AssignmentIndex(List<Assignment> all)
    {
        readonly ILookup<int, int> _byAgency = Positions(all, x => x.AgencyId);
        readonly ILookup<int, int> _byMovedTo = Positions(all, x => x.MovedToAgencyId);
        readonly ILookup<int, int> _byGroup = Positions(all, x => x.GroupId);

        static ILookup<int, int> Positions(List<Assignment> all, Func<Assignment, int?> key) =>
            all.Select((x, i) => (Key: key(x), i)).Where(x => x.Key is not null).ToLookup(x => x.Key!.Value, x => x.i);

        public List<Assignment> CoveredBy(AgencyMatch match)
        {
            var positions = new SortedSet<int>(_byAgency[match.AgencyId]);
            foreach (var id in match.AgencyIds) { positions.UnionWith(_byAgency[id]); positions.UnionWith(_byMovedTo[id]); }
            foreach (var g in match.GroupIds) positions.UnionWith(_byGroup[g]);
            return positions.Select(i => all[i]).Where(match.Covers).ToList();
        }
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
