using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A plan's assignments by the agency and group they name, so that each agency's obligations examine only the
/// assignments that can be its work, not every assignment of the plan: computing all agencies' obligations then grows with
/// the work owed, not with agencies × assignments (3,049 × 9,000 at ten times the large province; docs/benchmarks.md,
/// "Growth"). Whether a candidate really counts stays <see cref="AgencyMatch.Covers"/>'s decision, the rule's one place.
/// </summary>
public sealed class AssignmentIndex
{
    readonly IReadOnlyList<Assignment> _all;
    // Positions in the list, so candidates come back in its order (the order the obligations listed them in before).
    readonly ILookup<int, int> _byAgency, _byMovedTo, _byGroup;

    public AssignmentIndex(IReadOnlyList<Assignment> assignments)
    {
        _all = assignments;
        var at = Enumerable.Range(0, assignments.Count).ToList();
        _byAgency = at.Where(i => assignments[i].AgencyId is not null).ToLookup(i => assignments[i].AgencyId!.Value);
        _byMovedTo = at.Where(i => assignments[i].MovedToAgencyId is not null).ToLookup(i => assignments[i].MovedToAgencyId!.Value);
        _byGroup = at.Where(i => assignments[i].GroupId is not null).ToLookup(i => assignments[i].GroupId!.Value);
    }

    /// <summary>
    /// Every assignment <see cref="AgencyMatch.Covers"/> could accept for <paramref name="match"/> (and a few it refuses,
    /// such as one a split moved to another successor), each once, in the list's order.
    /// </summary>
    public IEnumerable<Assignment> CandidatesFor(AgencyMatch match)
    {
        var agencies = match.AgencyIds.Append(match.AgencyId).Distinct();
        return agencies.SelectMany(id => _byAgency[id].Concat(_byMovedTo[id]))
            .Concat(match.GroupIds.SelectMany(g => _byGroup[g]))
            .Distinct().Order().Select(i => _all[i]);
    }
}
