using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Plans;

/// <summary>
/// The assignments that count as an agency's work: those naming the agency itself, any body that merged
/// into it (following successors), or a group it belongs to. The registry rules live in AgencyDirectory.
/// </summary>
public sealed record AgencyMatch(int AgencyId, IReadOnlyCollection<int> AgencyIds, IReadOnlyCollection<int> GroupIds)
{
    public static async Task<AgencyMatch?> LoadAsync(AgencyDirectory directory, int agencyId, CancellationToken ct = default) =>
        await directory.SelfAndPredecessorsAsync(agencyId, ct) is { } ids
            ? new AgencyMatch(agencyId, ids, await directory.GroupsOfAsync(agencyId, ct))
            : null;

    public static Task<AgencyMatch?> LoadAsync(AppDbContext db, int agencyId, CancellationToken ct = default) =>
        LoadAsync(new AgencyDirectory(db), agencyId, ct);

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
