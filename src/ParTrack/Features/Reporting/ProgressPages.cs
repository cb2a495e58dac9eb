using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Shared;
using State = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Features.Reporting;

/// <summary>What a progress API request asks of the activity list: which activities (all filters optional) and which page.</summary>
public sealed record ProgressFilter(int? AreaId, int? AgencyId, State? State, string? Text, int Offset, int Limit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
}

/// <summary>A period's whole figures (totals, areas, agencies) with one page of the activities the filter matches, and how many match.</summary>
public sealed record ProgressPage(PlanProgress Figures, IReadOnlyList<ActivityProgressRow> Activities, int ActivitiesTotal);

/// <summary>
/// The progress API's read at a province's scale. The totals, areas and agencies and each activity's state come from the
/// period's tallies (<see cref="Tallies.FiguresAsync"/>, what the dashboard reads), the filter runs over those states, and the
/// owing agencies' states are built only for the page's activities (<see cref="Progress.ActivitiesAsync"/>): a page costs
/// per page, not per (agency, activity) pair of the plan (29,000 in the large province, 3.5 MB of JSON).
/// </summary>
public sealed class ProgressPages(AppDbContext db, Tallies tallies, Progress progress, Obligations obligations)
{
    public async Task<Outcome<ProgressPage>> ReadAsync(int planId, int periodId, ProgressFilter filter, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == periodId && p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc, ct);
        var tallied = period is null ? null : await tallies.FiguresAsync(period.Id, ct);
        if (period is null || tallied is null) return Outcome<ProgressPage>.NotFound();
        var figures = tallied.Progress;
        if (filter.AreaId is int areaId && !figures.Areas.Any(a => a.AreaId == areaId))
            return Outcome<ProgressPage>.Invalid("areaId", "Lĩnh vực (areaId) này không thuộc kế hoạch; xem danh sách areas của kế hoạch.");

        IReadOnlySet<int>? owed = null;
        if (filter.AgencyId is int agencyId)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
                return Outcome<ProgressPage>.Invalid("agencyId", "Không có cơ quan (agencyId) này; xem danh sách agencies của kỳ.");
            // What the agency leads in the period: Obligations' rule, the one that lists it under an activity.
            owed = (await obligations.ForAgencyAsync(period, agencyId, ct))?.Leads.ToHashSet() ?? [];
        }

        // Text as the agencies' search reads names: case and spacing ignored (AliasKey), in the code or the text.
        var text = Agencies.AliasKey.Of(filter.Text);
        var matching = figures.Activities.Where(a => (filter.AreaId is null || a.AreaId == filter.AreaId)
                                                     && (filter.State is null || a.State == filter.State)
                                                     && (owed is null || owed.Contains(a.ActivityId))
                                                     && (text.Length == 0 || Agencies.AliasKey.Of(a.Text).Contains(text, StringComparison.Ordinal)
                                                         || Agencies.AliasKey.Of(a.Code).Contains(text, StringComparison.Ordinal))).ToList();
        var ids = matching.Skip(filter.Offset).Take(filter.Limit).Select(a => a.ActivityId).ToList();
        var page = await progress.ActivitiesAsync(period, ids, ct);
        if (filter.AgencyId is int only)
            page = page.Select(r => r with { Agencies = r.Agencies.Where(s => s.AgencyId == only).ToList() }).ToList();
        return Outcome<ProgressPage>.Ok(new ProgressPage(figures, page, matching.Count));
    }
}
