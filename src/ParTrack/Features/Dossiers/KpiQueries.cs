using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Dossiers;

/// <summary>The counts of one group of a GROUP BY, before they become rates.</summary>
public sealed record KpiGroup<TKey>(TKey Key, KpiCounts Counts);

/// <summary>Which dossiers a KPI query looks at: an agency (and the bodies merged into it) and/or a level.</summary>
public sealed record KpiFilter(IReadOnlyCollection<int>? AgencyIds = null, AdminLevel? Level = null);

/// <summary>
/// The v1 KPIs computed in the database. Per agency (the page, the API, the ranking, plan targets) from the day counters
/// the importer keeps (<see cref="CountByAgencyAsync"/>); per procedure, for one agency's drill-down, from its dossiers
/// with one SELECT … SUM(CASE …) … GROUP BY (<see cref="Count{TKey}"/>). Either way the counts <see cref="KpiValues.From"/> turns into rates exactly as the command line does. The CASE
/// conditions are the contract's definitions, written once here (<see cref="Count{TKey}"/>); KpiFormulaTests pin the
/// same definitions in memory and DossierKpiApiTests proves both give the same numbers for the same file.
/// </summary>
public sealed class KpiQueries(AppDbContext db, AgencyDirectory directory, IMemoryCache cache, DataVersion version, IConfiguration config)
{
    /// <summary>
    /// The dossiers that can count in [from, to] (a superset; each CASE below holds its own whole condition): received
    /// in it, resolved in it, or still open at its end past their deadline. Each branch has an index (DossierConfig).
    /// </summary>
    IQueryable<Dossier> Window(KpiWindow w, KpiFilter filter)
    {
        var (from, to) = (w.From, w.To);
        var rows = db.Set<Dossier>().AsNoTracking().Where(d => (d.ReceivedOn >= from && d.ReceivedOn <= to)
            || (d.ResolvedOn >= from && d.ResolvedOn <= to)
            || ((d.Status == DossierStatus.InProgress || d.Status == DossierStatus.Suspended) && d.EffectiveDueOn < to && d.ReceivedOn <= to)
            || (d.ResolvedOn > to && d.Status == DossierStatus.Resolved && d.EffectiveDueOn < to && d.ReceivedOn <= to));
        return Filtered(rows, filter);
    }

    static IQueryable<Dossier> Filtered(IQueryable<Dossier> rows, KpiFilter filter)
    {
        if (filter.AgencyIds is { } ids) rows = rows.Where(d => ids.Contains(d.AgencyId));
        if (filter.Level is { } level) rows = rows.Where(d => d.Level == level);
        return rows;
    }

    /// <summary>GROUP BY <paramref name="key"/> with the eleven counts of the contract.</summary>
    public async Task<List<KpiGroup<TKey>>> Count<TKey>(KpiWindow w, KpiFilter filter, Expression<Func<Dossier, TKey>> key, CancellationToken ct)
    {
        var (from, to) = (w.From, w.To);
        const DossierStatus Resolved = DossierStatus.Resolved, Withdrawn = DossierStatus.Withdrawn;
        var rows = await Window(w, filter).GroupBy(key).Select(g => new
        {
            g.Key,
            Received = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to ? 1 : 0),
            Resolved = g.Sum(d => d.Status == Resolved && d.ResolvedOn >= from && d.ResolvedOn <= to ? 1 : 0),
            OnTime = g.Sum(d => d.Status == Resolved && d.ResolvedOn >= from && d.ResolvedOn <= to
                && (d.EffectiveDueOn == null || d.ResolvedOn <= d.EffectiveDueOn) ? 1 : 0),
            Late = g.Sum(d => d.Status == Resolved && d.ResolvedOn >= from && d.ResolvedOn <= to && d.ResolvedOn > d.EffectiveDueOn ? 1 : 0),
            Overdue = g.Sum(d => (d.Status == DossierStatus.InProgress || d.Status == DossierStatus.Suspended || (d.Status == Resolved && d.ResolvedOn > to))
                && d.EffectiveDueOn < to && d.ReceivedOn <= to ? 1 : 0),
            Online = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to && d.Status != Withdrawn && d.Channel == Channel.Online ? 1 : 0),
            FullyOnline = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to && d.Status != Withdrawn && d.Channel == Channel.Online && d.ServiceLevel == ServiceLevel.Full ? 1 : 0),
            Fee = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to && d.Status != Withdrawn && d.FeeRequired ? 1 : 0),
            Paid = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to && d.Status != Withdrawn && d.FeeRequired && d.PaidOnline ? 1 : 0),
            Inputs = g.Sum(d => d.ReceivedOn >= from && d.ReceivedOn <= to && d.Status != Withdrawn && d.DigitisedInputs ? 1 : 0),
            Results = g.Sum(d => d.Status == Resolved && d.ResolvedOn >= from && d.ResolvedOn <= to && d.DigitisedResult ? 1 : 0),
        }).ToListAsync(ct);
        return [.. rows.Select(r => new KpiGroup<TKey>(r.Key, new KpiCounts(r.Received, r.Resolved, r.OnTime, r.Late, r.Overdue,
            r.Online, r.FullyOnline, r.Fee, r.Paid, r.Inputs, r.Results)))];
    }

    /// <summary>
    /// The eleven counts per stored agency from the day counters (<see cref="DossierDay"/>): flows summed over the window's
    /// days, the overdue stock over every day up to its end. Reads agencies × days rows whatever the number of dossiers;
    /// DossierDayTests proves it equals <see cref="Count{TKey}"/> grouped by agency.
    /// </summary>
    public async Task<List<KpiGroup<int>>> CountByAgencyAsync(KpiWindow w, KpiFilter filter, CancellationToken ct)
    {
        var (from, to) = (w.From, w.To);
        var rows = db.Set<DossierDay>().AsNoTracking().Where(d => d.Day <= to);
        if (filter.AgencyIds is { } ids) rows = rows.Where(d => ids.Contains(d.AgencyId));
        if (filter.Level is { } level) rows = rows.Where(d => d.Level == level);
        var sums = await rows.GroupBy(d => d.AgencyId).Select(g => new
        {
            g.Key,
            Received = g.Sum(d => d.Day >= from ? d.Received : 0),
            Resolved = g.Sum(d => d.Day >= from ? d.Resolved : 0),
            OnTime = g.Sum(d => d.Day >= from ? d.OnTime : 0),
            Late = g.Sum(d => d.Day >= from ? d.Late : 0),
            Overdue = g.Sum(d => d.OverdueStarts - d.OverdueEnds),
            Online = g.Sum(d => d.Day >= from ? d.Online : 0),
            FullyOnline = g.Sum(d => d.Day >= from ? d.FullyOnline : 0),
            Fee = g.Sum(d => d.Day >= from ? d.FeeRequired : 0),
            Paid = g.Sum(d => d.Day >= from ? d.PaidOnline : 0),
            Inputs = g.Sum(d => d.Day >= from ? d.DigitisedInputs : 0),
            Results = g.Sum(d => d.Day >= from ? d.DigitisedResults : 0),
        }).ToListAsync(ct);
        return [.. sums.Select(r => new KpiGroup<int>(r.Key, new KpiCounts(r.Received, r.Resolved, r.OnTime, r.Late, r.Overdue,
            r.Online, r.FullyOnline, r.Fee, r.Paid, r.Inputs, r.Results)))];
    }

    /// <summary>
    /// The province and each agency, as GET /api/kpis answers: dossiers of a body that had merged by the window's end
    /// count for its successor (DOMAIN §7), agencies sorted by name. Every agency with stored dossiers under the filter is
    /// listed, zeros included (like the command line, which lists every agency of its file): a day row exists exactly
    /// while some dossier of the agency counts in it, and every dossier counts on the day it was received.
    /// </summary>
    public async Task<KpiReport> ReportAsync(KpiWindow w, KpiFilter filter, CancellationToken ct)
    {
        // An optimisation on top, not the reason it is fast: the figures of a window and filter are kept until this
        // process writes anything (an import batch bumps the data version) and for at most the dashboard's seconds
        // (Reporting:DashboardCacheSeconds, 30; 0 = off), after which other instances' imports show too.
        var seconds = config.GetValue("Reporting:DashboardCacheSeconds", 30);
        if (seconds <= 0) return await ComputeReportAsync(w, filter, ct);
        var ids = filter.AgencyIds is { } some ? string.Join(",", some.Order()) : "all";
        var key = $"kpis:{w.From:yyyyMMdd}:{w.To:yyyyMMdd}:{filter.Level}:{ids}:{version.Current}";
        var shared = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            return new Lazy<Task<KpiReport>>(() => ComputeReportAsync(w, filter, CancellationToken.None));
        })!;
        try { return await shared.Value.WaitAsync(ct); }
        catch when (!ct.IsCancellationRequested)
        {
            cache.Remove(key);   // never keep a failure
            throw;
        }
    }

    async Task<KpiReport> ComputeReportAsync(KpiWindow w, KpiFilter filter, CancellationToken ct)
    {
        var groups = await CountByAgencyAsync(w, filter, ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var stored = db.Set<DossierDay>().AsNoTracking();
        if (filter.AgencyIds is { } ids) stored = stored.Where(d => ids.Contains(d.AgencyId));
        if (filter.Level is { } level) stored = stored.Where(d => d.Level == level);
        var all = groups.Concat((await stored.Select(d => d.AgencyId).Distinct().ToListAsync(ct)).Select(id => new KpiGroup<int>(id, KpiCounts.Zero)));
        var byAgency = new Dictionary<int, KpiCounts>();
        foreach (var g in all)
        {
            var current = await directory.CurrentOfAsync(g.Key, w.To, ct);
            byAgency[current] = byAgency.TryGetValue(current, out var sum) ? sum + g.Counts : g.Counts;
        }
        var province = byAgency.Values.Aggregate(KpiCounts.Zero, (a, b) => a + b);
        return KpiReport.Of(w, province, byAgency
            .Select(a => AgencyKpiFigures.Of(names.GetValueOrDefault(a.Key, $"#{a.Key}"), a.Key, a.Value))
            .OrderBy(a => a.Agency, StringComparer.Ordinal));
    }

    /// <summary>The agency and the bodies merged into it, for an agency's view (its own history reads under it).</summary>
    public async Task<IReadOnlyCollection<int>?> AgencyAndPredecessorsAsync(int agencyId, CancellationToken ct) =>
        await directory.SelfAndPredecessorsAsync(agencyId, ct: ct) is { } ids ? [.. ids] : null;

    /// <summary>A late (resolved after its deadline) or overdue (open past it at the window's end) dossier, for the drill-down.</summary>
    public sealed record LateDossier(string Code, string ProcedureCode, string? ProcedureName, DateOnly ReceivedOn, DateOnly? EffectiveDueOn,
        DateOnly? ResolvedOn, DossierStatus Status);

    /// <summary>The late and overdue dossiers of the window under the filter, latest deadline first (at most <paramref name="max"/>).</summary>
    public Task<List<LateDossier>> LateAsync(KpiWindow w, KpiFilter filter, string? procedureCode, int max, CancellationToken ct)
    {
        var (from, to) = (w.From, w.To);
        var rows = Window(w, filter).Where(d =>
            (d.Status == DossierStatus.Resolved && d.ResolvedOn >= from && d.ResolvedOn <= to && d.ResolvedOn > d.EffectiveDueOn)
            || ((d.Status == DossierStatus.InProgress || d.Status == DossierStatus.Suspended || (d.Status == DossierStatus.Resolved && d.ResolvedOn > to))
                && d.EffectiveDueOn < to && d.ReceivedOn <= to));
        if (procedureCode is not null) rows = rows.Where(d => d.ProcedureCode == procedureCode);
        return rows.OrderBy(d => d.EffectiveDueOn).ThenBy(d => d.Code).Take(max)
            .Select(d => new LateDossier(d.Code, d.ProcedureCode, d.ProcedureName, d.ReceivedOn, d.EffectiveDueOn, d.ResolvedOn, d.Status))
            .ToListAsync(ct);
    }
}
