using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

public sealed record PeriodRow(int Id, int PlanId, string PlanTitle, int Year, ReportingPeriodKind Kind, string Title,
    DateOnly DataFrom, DateOnly DataTo, DateOnly Deadline, string? Questions);

public sealed record AgencyRow(int AgencyId, string AgencyName, int Leads, int Supports, int? ReportId, ReportState? State,
    DateTime? SubmittedAtUtc, Timeliness Timeliness);

/// <summary>An agency that owes a period's report, with how many activities it leads and supports.</summary>
public sealed record OwedAgency(int AgencyId, string Name, int Leads, int Supports);

public sealed record PeriodOverview(PeriodRow Period, IReadOnlyList<AgencyRow> Agencies, TimelinessSummary Summary);

/// <summary>Read side of reporting: periods, who has reported, timeliness (Domain Timeliness).</summary>
public sealed class ReportQueries(AppDbContext db, Obligations obligations, TimeProvider clock)
{
    /// <summary>The periods reported on: a withdrawn plan's periods are no longer anyone's forms.</summary>
    public Task<List<PeriodRow>> PeriodsAsync(CancellationToken ct = default) =>
        db.Set<ReportPeriod>().AsNoTracking().Where(p => p.Plan!.Status != PlanStatus.Withdrawn)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Deadline).ThenBy(p => p.Id)
            .Select(p => new PeriodRow(p.Id, p.PlanId, p.Plan!.Title, p.Year, p.Kind, p.Title, p.DataFrom, p.DataTo, p.Deadline, p.Questions))
            .ToListAsync(ct);

    public async Task<PeriodRow?> PeriodAsync(int id, CancellationToken ct = default) =>
        (await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PeriodRow(p.Id, p.PlanId, p.Plan!.Title, p.Year, p.Kind, p.Title, p.DataFrom, p.DataTo, p.Deadline, p.Questions))
            .ToListAsync(ct)).FirstOrDefault();

    /// <summary>The periodic period agencies are working on now (Domain ReportingPeriods.Current), in the latest plan with periods.</summary>
    public async Task<PeriodRow?> CurrentAsync(CancellationToken ct = default) => Current(await PeriodsAsync(ct));

    /// <summary>The current period among <paramref name="all"/> (what <see cref="PeriodsAsync"/> lists), for a page that has them.</summary>
    public PeriodRow? Current(IReadOnlyList<PeriodRow> all)
    {
        var periodic = all.Where(p => p.Kind != ReportingPeriodKind.AdHoc).ToList();
        if (periodic.Count == 0) return null;
        var planId = periodic.MaxBy(p => (p.Year, p.PlanId))!.PlanId;
        var ofPlan = periodic.Where(p => p.PlanId == planId).ToList();
        var current = ReportingPeriods.Current(ofPlan.Select(p => new ReportingPeriod(p.Year, p.Kind, p.DataFrom, p.DataTo, p.Deadline)).ToList(),
            VietnamTime.Today(clock));
        return ofPlan.FirstOrDefault(p => p.Year == current!.Year && p.Kind == current.Kind);
    }

    /// <summary>Who has reported in a period, among the agencies that owe its report (Obligations).</summary>
    public async Task<PeriodOverview?> OverviewAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().Include(p => p.Plan).FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return null;
        var owed = (await obligations.ForPeriodAsync(period, ct)).Select(o => new OwedAgency(o.AgencyId, o.AgencyName, o.Leads.Count, o.Supports.Count)).ToList();
        return await OverviewAsync(Progress.Row(period), owed, ct);
    }

    /// <summary>Who has reported in a period already read, among the agencies that owe its report.</summary>
    public async Task<PeriodOverview> OverviewAsync(PeriodRow period, IReadOnlyList<OwedAgency> owed, CancellationToken ct = default)
    {
        var reports = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.PeriodId == period.Id)
            .Select(r => new { r.Id, r.AgencyId, r.State, r.FirstSubmittedAtUtc }).ToDictionaryAsync(r => r.AgencyId, ct);
        var today = VietnamTime.Today(clock);
        var rows = owed.Select(o =>
        {
            var r = reports.GetValueOrDefault(o.AgencyId);
            return new AgencyRow(o.AgencyId, o.Name, o.Leads, o.Supports, r?.Id, r?.State, r?.FirstSubmittedAtUtc,
                Timeliness.Evaluate(period.Deadline, r?.FirstSubmittedAtUtc, today));
        }).ToList();
        return new PeriodOverview(period, rows, TimelinessSummary.Of(rows.Select(r => r.Timeliness)));
    }
}
