using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

public sealed record PlanListItem(int Id, string Title, string? Number, int FromYear, int ToYear, PlanStatus Status,
    int? OwnerAgencyId, string? OwnerAgencyName, int? ParentPlanId, int ActivityCount, int UnresolvedCount);

public static class PlanQueries
{
    /// <summary>A whole plan, read-only, with everything the views and exports need.</summary>
    public static Task<Plan?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.OwnerAgency)
            .Include(p => p.Areas)
            .Include(p => p.Targets).ThenInclude(t => t.Measures)
            .Include(p => p.Tasks)
            .Include(p => p.Activities).ThenInclude(a => a.Assignments).ThenInclude(x => x.Agency)
            .Include(p => p.Activities).ThenInclude(a => a.Assignments).ThenInclude(x => x.Group)
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    public static Task<List<PlanListItem>> ListAsync(AppDbContext db, Viewer viewer, CancellationToken ct = default) =>
        PlanAccess.Visible(db.Plans.AsNoTracking(), viewer)
            .OrderBy(p => p.OwnerAgencyId != null).ThenByDescending(p => p.FromYear).ThenBy(p => p.Id)
            .Select(p => new PlanListItem(p.Id, p.Title, p.Number, p.FromYear, p.ToYear, p.Status,
                p.OwnerAgencyId, p.OwnerAgency != null ? p.OwnerAgency.Name : null, p.ParentPlanId,
                p.Activities.Count(),
                p.Activities.SelectMany(a => a.Assignments).Count(x => x.AgencyId == null && x.GroupId == null)))
            .ToListAsync(ct);

    /// <summary>The plan's owner (null for a province plan), or NotFound.</summary>
    public static async Task<(bool Found, int? OwnerAgencyId)> OwnerAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        var p = await db.Plans.AsNoTracking().Where(x => x.Id == planId)
            .Select(x => new { x.OwnerAgencyId }).FirstOrDefaultAsync(ct);
        return p is null ? (false, null) : (true, p.OwnerAgencyId);
    }
}
