using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Features.MyWork;

public sealed record WorkItem(int ActivityId, int PlanId, string PlanTitle, bool OwnPlan, string? AreaCode, string? AreaTitle,
    string? Code, string Text, string? Outputs, bool Leads, string Lead, string Support, string? DueText,
    DateOnly? DueEnd, ActivityStatus Status, DeadlineText Deadline);

public sealed record WorkArea(string? Code, string Title, IReadOnlyList<WorkItem> Items);

public sealed record MyWorkView(int AgencyId, string AgencyName, IReadOnlyList<WorkItem> Overdue, IReadOnlyList<WorkItem> DueSoon,
    IReadOnlyList<WorkArea> ByArea, int? OwnPlanId, int? ProvincePlanId);

/// <summary>
/// "Việc của tôi": what an agency leads and coordinates in the issued province plans (directly, through
/// a group, or as the successor of a merged body), plus what it added to its own plans.
/// </summary>
public sealed class MyWorkQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<MyWorkView?> LoadAsync(int agencyId, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Today's work: a merged body's work once it has ceased, not while it still answers for it itself.
        var match = await AgencyMatch.LoadAsync(db, agencyId, today, ct);
        if (agency is null || match is null) return null;

        var provinceIssued = db.Activities.Where(a => a.Plan!.OwnerAgencyId == null && a.Plan.Status == PlanStatus.Issued && a.CancelledAtUtc == null);
        var fromProvince = await match.Filter(provinceIssued).AsNoTracking()
            .Include(a => a.Plan).Include(a => a.Area).Include(a => a.Assignments).ToListAsync(ct);
        // Own additions only: copies of province activities are already listed above.
        var ownAdded = await PlanLifecycle.Followed(db.Activities).AsNoTracking()
            .Where(a => a.Plan!.OwnerAgencyId == agencyId && a.SourceActivityId == null)
            .Include(a => a.Plan).Include(a => a.Area).Include(a => a.Assignments).ToListAsync(ct);

        var items = fromProvince.Concat(ownAdded)
            .OrderBy(a => a.Plan!.OwnerAgencyId != null).ThenBy(a => a.PlanId).ThenBy(a => a.Area?.Order ?? int.MaxValue).ThenBy(a => a.Order)
            .Select(a => new WorkItem(a.Id, a.PlanId, a.Plan!.Title, a.Plan.OwnerAgencyId == agencyId, a.Area?.Code, a.Area?.Title,
                a.Code, a.Text, a.Outputs,
                a.Plan.OwnerAgencyId == agencyId || a.Assignments.Any(x => x.Role == AssignmentRole.Lead && match.Covers(x)),
                FrameworkTable.Names(a, AssignmentRole.Lead), FrameworkTable.Names(a, AssignmentRole.Support),
                a.DueText, a.DueEnd, a.Status,
                DeadlineWording.Describe(a.DueKind, a.DueEnd, today, a.Status is ActivityStatus.Done or ActivityStatus.DoneLate,
                    System.Globalization.CultureInfo.CurrentUICulture)))
            .ToList();

        var byArea = items.GroupBy(i => (i.AreaCode, i.AreaTitle))
            .Select(g => new WorkArea(g.Key.AreaCode, g.Key.AreaTitle ?? "Chưa xếp lĩnh vực", g.ToList())).ToList();
        var ownPlan = await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == agencyId && p.Status != PlanStatus.Withdrawn && p.Status != PlanStatus.Archived)
            .OrderByDescending(p => p.FromYear).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var provincePlan = await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.FromYear).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

        return new MyWorkView(agencyId, agency.Name,
            items.Where(i => i.Deadline.Urgency == Urgency.Overdue).OrderBy(i => i.DueEnd).ToList(),
            items.Where(i => i.Deadline.Urgency is Urgency.Today or Urgency.Soon).OrderBy(i => i.DueEnd).ToList(),
            byArea, ownPlan, provincePlan);
    }
}
