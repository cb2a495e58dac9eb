using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Plans;

/// <summary>
/// The assignments that count as an agency's work: those naming the agency itself, any body that merged
/// into it (following successors), or a group it belongs to. An assignment a split gave to another
/// successor (<see cref="Assignment.MovedToAgencyId"/>) is that successor's instead. Loaded for a day
/// (a period's first day, today), a predecessor counts only once it had ceased before that day: until
/// then it answers for its own work. The registry rules live in AgencyDirectory.
/// </summary>
public sealed record AgencyMatch(int AgencyId, IReadOnlyCollection<int> AgencyIds, IReadOnlyCollection<int> GroupIds, IReadOnlyCollection<int> Ceased)
{
    /// <param name="from">The first day the work is asked for; null: all the agency's work, ever.</param>
    public static async Task<AgencyMatch?> LoadAsync(AgencyDirectory directory, int agencyId, DateOnly? from, CancellationToken ct = default) =>
        await directory.SelfAndPredecessorsAsync(agencyId, from, ct) is { } ids
            ? new AgencyMatch(agencyId, ids, await directory.GroupsOfAsync(agencyId, ct), await directory.CeasedAsync(from, ct))
            : null;

    public static Task<AgencyMatch?> LoadAsync(AgencyDirectory directory, int agencyId, CancellationToken ct = default) =>
        LoadAsync(directory, agencyId, null, ct);

    public static Task<AgencyMatch?> LoadAsync(AppDbContext db, int agencyId, CancellationToken ct = default) =>
        LoadAsync(new AgencyDirectory(db), agencyId, null, ct);

    public static Task<AgencyMatch?> LoadAsync(AppDbContext db, int agencyId, DateOnly? from, CancellationToken ct = default) =>
        LoadAsync(new AgencyDirectory(db), agencyId, from, ct);

    public bool Covers(Assignment a) =>
        a.AgencyId == AgencyId
        || (a.AgencyId is int id && (a.MovedToAgencyId is int to ? Ceased.Contains(id) && AgencyIds.Contains(to) : AgencyIds.Contains(id)))
        || (a.GroupId is int g && GroupIds.Contains(g));

    /// <summary>The same test as <see cref="Covers"/>, translatable to SQL.</summary>
    public IQueryable<Activity> Filter(IQueryable<Activity> activities)
    {
        var self = AgencyId;
        var ids = AgencyIds.ToList();
        var groups = GroupIds.ToList();
        var ceased = Ceased.ToList();
        return activities.Where(x => x.Assignments.Any(a =>
            a.AgencyId == self
            || (a.AgencyId != null && a.MovedToAgencyId == null && ids.Contains(a.AgencyId.Value))
            || (a.AgencyId != null && a.MovedToAgencyId != null && ceased.Contains(a.AgencyId.Value) && ids.Contains(a.MovedToAgencyId.Value))
            || (a.GroupId != null && groups.Contains(a.GroupId.Value))));
    }
}
