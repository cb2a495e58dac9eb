using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>
/// The assignments that count as an agency's work: those naming the agency itself, any body that merged
/// into it (following successors), or a group it belongs to.
/// </summary>
public sealed record AgencyMatch(int AgencyId, IReadOnlyCollection<int> AgencyIds, IReadOnlyCollection<int> GroupIds)
{
    public static async Task<AgencyMatch?> LoadAsync(AppDbContext db, int agencyId, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Kind, a.Level, a.SuccessorId }).ToListAsync(ct);
        var self = agencies.FirstOrDefault(a => a.Id == agencyId);
        if (self is null) return null;

        var ids = new HashSet<int> { agencyId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var a in agencies)
                if (a.SuccessorId is int s && ids.Contains(s) && ids.Add(a.Id)) grew = true;
        }

        var groups = await db.AgencyGroups.AsNoTracking().ToListAsync(ct);
        var groupIds = groups.Where(g => IsMember(g, self.Kind, self.Level)).Select(g => g.Id).ToList();
        return new AgencyMatch(agencyId, ids, groupIds);
    }

    public static bool IsMember(AgencyGroup g, AgencyKind kind, AdminLevel level) =>
        g.MemberKinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(kind.ToString())
        && (g.MemberLevel is null || g.MemberLevel == level);

    public bool Covers(Assignment a) =>
        (a.AgencyId is int id && AgencyIds.Contains(id)) || (a.GroupId is int g && GroupIds.Contains(g));

    /// <summary>The same test as <see cref="Covers"/>, translatable to SQL.</summary>
    public IQueryable<Activity> Filter(IQueryable<Activity> activities)
    {
        var ids = AgencyIds.ToList();
        var groups = GroupIds.ToList();
        return activities.Where(x => x.Assignments.Any(a =>
            (a.AgencyId != null && ids.Contains(a.AgencyId.Value)) || (a.GroupId != null && groups.Contains(a.GroupId.Value))));
    }
}
