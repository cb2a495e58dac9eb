using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;
using ParTrack.Features.Dashboard;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>An agency's narrative or one activity's "work done", with the report it came from.</summary>
public sealed record Narrative(int ReportId, int AgencyId, string Agency, string Text, int? ActivityId = null);

/// <summary>
/// Everything a period's province report is drafted from. Figures come only from Reporting's <see cref="Progress"/>
/// (through the dashboard's cached view, which also carries the target measures), the period overview and the
/// cascade, so the report says exactly what the dashboard and the progress API say.
/// </summary>
public sealed record ReportFacts(ReportPeriod Period, Plan Plan, DashboardView View, PlanProgress? Figures, PeriodOverview Overview,
    CascadeReport? Cascade, IReadOnlyList<PlanArea> Areas, IReadOnlyList<Narrative> Results, IReadOnlyList<Narrative> Limitations,
    IReadOnlyList<Narrative> Difficulties, IReadOnlyList<Narrative> Proposals, IReadOnlyList<Narrative> Answers,
    IReadOnlyList<Narrative> WorkDone, ReportPeriod? Next, int TargetCount)
{
    /// <summary>"Đạt" / "Vượt" / "Chưa đạt" / "Chưa có số liệu" as the annex states it.</summary>
    public static string Status(MeasureProgress m)
    {
        if (m.Achievement.Status == AchievementStatus.NoData || m.Achievement.Latest is not { } v) return "Chưa có số liệu";
        if (m.Achievement.Status != AchievementStatus.Achieved) return "Chưa đạt";
        var beyond = DashboardQuery.ParseComparator(m.Comparator) switch
        {
            Comparator.AtMost => v < m.Goal,
            Comparator.Exactly => false,
            _ => v > m.Goal,
        };
        return beyond ? "Vượt" : "Đạt";
    }

    public static string Goal(MeasureProgress m) => $"{PlanLabels.Comparator(m.Comparator)} {ReportDraft.Number(m.Goal)} {m.Unit}".Trim();

    public static string Actual(MeasureProgress m) => m.Achievement.Latest is { } v ? $"{ReportDraft.Number(v)} {m.Unit}".Trim() : "—";

    public string SourceUrl(Narrative n) => $"/Reports/Periods/{Period.Id}/Agencies/{n.AgencyId}";
}

public sealed class ReportFactsQuery(AppDbContext db, DashboardQuery dashboard, ReportQueries queries, Progress progress, Cascade cascade)
{
    public async Task<ReportFacts?> LoadAsync(int periodId, CancellationToken ct)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().Include(p => p.Plan).FirstOrDefaultAsync(p => p.Id == periodId, ct);
        var overview = await queries.OverviewAsync(periodId, ct);
        if (period?.Plan is null || overview is null) return null;
        var adHoc = period.Kind == ReportingPeriodKind.AdHoc;
        var view = await dashboard.LoadAsync(adHoc ? null : periodId, ct);
        var figures = adHoc ? null : await progress.ForPeriodAsync(periodId, ct);
        var areas = await db.PlanAreas.AsNoTracking().Where(a => a.PlanId == period.PlanId).OrderBy(a => a.Order).ToListAsync(ct);
        var targets = await db.PlanTargets.CountAsync(t => t.PlanId == period.PlanId, ct);
        var next = adHoc ? null : await db.Set<ReportPeriod>().AsNoTracking()
            .Where(p => p.PlanId == period.PlanId && p.Kind != ReportingPeriodKind.AdHoc && p.Deadline > period.Deadline)
            .OrderBy(p => p.Deadline).FirstOrDefaultAsync(ct);

        // Narratives of the reports that count for the figures: submitted (under review) or accepted.
        var reports = await db.Set<AgencyReport>().AsNoTracking()
            .Where(r => r.PeriodId == periodId && (r.State == ReportState.Submitted || r.State == ReportState.Accepted))
            .OrderBy(r => r.Agency!.Name)
            .Select(r => new { r.Id, r.AgencyId, Agency = r.Agency!.Name, r.Results, r.Limitations, r.Difficulties, r.Proposals, r.Answers })
            .ToListAsync(ct);
        Narrative? N(int id, int agencyId, string agency, string? text) =>
            string.IsNullOrWhiteSpace(text) ? null : new Narrative(id, agencyId, agency, text.Trim());
        var work = await db.Set<ReportEntry>().AsNoTracking()
            .Where(e => e.Leads && e.WorkDone != null && (e.Status == ReportedStatus.Done || e.Status == ReportedStatus.DoneLate))
            .Join(db.Set<AgencyReport>().Where(r => r.PeriodId == periodId && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)),
                e => e.ReportId, r => r.Id, (e, r) => new { r.Id, r.AgencyId, Agency = r.Agency!.Name, e.WorkDone, e.ActivityId })
            .ToListAsync(ct);

        return new ReportFacts(period, period.Plan, view, figures, overview, await cascade.ReportAsync(period.PlanId, ct), areas,
            reports.Select(r => N(r.Id, r.AgencyId, r.Agency, r.Results)).OfType<Narrative>().ToList(),
            reports.Select(r => N(r.Id, r.AgencyId, r.Agency, r.Limitations)).OfType<Narrative>().ToList(),
            reports.Select(r => N(r.Id, r.AgencyId, r.Agency, r.Difficulties)).OfType<Narrative>().ToList(),
            reports.Select(r => N(r.Id, r.AgencyId, r.Agency, r.Proposals)).OfType<Narrative>().ToList(),
            reports.Select(r => N(r.Id, r.AgencyId, r.Agency, r.Answers)).OfType<Narrative>().ToList(),
            work.Select(w => new Narrative(w.Id, w.AgencyId, w.Agency, w.WorkDone!.Trim(), w.ActivityId)).OrderBy(w => w.Agency).ToList(),
            next, targets);
    }
}
