using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using WorkItem = ParTrack.Features.Shared.WorkItem;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>
/// Plans' lines on the to-do home: plans with names still pointing at no agency (a coordinator's for the province's
/// plans, an officer's for its own), for an officer its plans whose province plan was withdrawn or replaced (to review),
/// and its overdue and soon-due activities ("Việc của tôi").
/// </summary>
public sealed class PlansWorkItems(AppDbContext db, MyWork.MyWorkQuery myWork, IStringLocalizer<SharedResource> T, TimeProvider clock) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        if (!user.IsCoordinator && !user.IsOfficer) return items;
        int? owner = user.IsOfficer ? user.AgencyId : null;
        if (user.IsOfficer && owner is null) return items;
        var unresolved = await db.Assignments.AsNoTracking()
            .Where(x => x.AgencyId == null && x.GroupId == null)
            .Join(db.Activities, x => x.ActivityId, a => a.Id, (x, a) => new { a.PlanId, a.Plan!.Title, a.Plan.OwnerAgencyId, a.Plan.Status, x.Name })
            .Where(r => r.OwnerAgencyId == owner && r.Status != PlanStatus.Withdrawn && r.Status != PlanStatus.Archived)
            .ToListAsync(ct);
        foreach (var plan in unresolved.GroupBy(r => new { r.PlanId, r.Title }))
        {
            var names = plan.Select(r => Agencies.AliasKey.Of(r.Name)).Distinct().Count();
            items.Add(new WorkItem(T["Kế hoạch"], T["{0}: {1} tên cơ quan chưa gắn với danh mục", plan.Key.Title, names],
                $"/Plans/{plan.Key.PlanId}/Names", names));
        }
        if (user.IsOfficer) items.AddRange(await EndedBasesAsync(owner!.Value, ct));
        if (user.IsOfficer && await myWork.LoadAsync(owner!.Value, ct) is { } work)
        {
            var group = T["Việc của tôi"];
            if (work.Overdue.Count > 0)
                items.Add(new WorkItem(group, T["{0} hoạt động quá hạn", work.Overdue.Count], "/MyWork#overdue-h", work.Overdue.Count,
                    work.Overdue.Min(i => i.DueEnd), WorkUrgency.Overdue));
            if (work.DueSoon.Count > 0)
                items.Add(new WorkItem(group, T["{0} hoạt động sắp đến hạn", work.DueSoon.Count], "/MyWork#soon-h", work.DueSoon.Count,
                    work.DueSoon.Min(i => i.DueEnd), WorkUrgency.DueSoon));
        }
        return items;
    }

    /// <summary>
    /// The agency's plans to review because their basis ended: a withdrawal until the agency has made a plan since (from
    /// the next province plan), a replacement for <see cref="PlanBasis.ReviewDays"/> days.
    /// </summary>
    async Task<IEnumerable<WorkItem>> EndedBasesAsync(int agencyId, CancellationToken ct)
    {
        var own = db.Plans.Where(p => p.OwnerAgencyId == agencyId);
        var ended = await PlanBasis.EndedAsync(db, own, ct);
        if (ended.Count == 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var made = await own.Where(p => p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued).Select(p => p.CreatedAtUtc).ToListAsync(ct);
        var ids = ended.Select(b => b.AgencyPlanId).ToList();
        var titles = await own.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return ended.Where(b => b.AsksReview(now) && (b.Replaced || !made.Any(at => at > b.EndedAtUtc)))
            .Select(b => new WorkItem(T["Kế hoạch"], T[b.Replaced
                    ? "{0}: kế hoạch của tỉnh làm căn cứ đã được thay thế; hãy rà soát"
                    : "{0}: kế hoạch của tỉnh làm căn cứ đã bị thu hồi; hãy rà soát", titles.GetValueOrDefault(b.AgencyPlanId, "")],
                $"/Plans/{b.AgencyPlanId}", 1, null, b.Replaced ? WorkUrgency.Normal : WorkUrgency.DueSoon));
    }
}
