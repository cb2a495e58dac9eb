using ParTrack.Domain.ParIndex;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Assessments;

/// <summary>What other modules hold for the unit's year (<see cref="IAssessmentEvidence"/>), placed on the criteria rows.</summary>
public sealed class LinkedEvidenceRows(IReadOnlyList<LinkedEvidence> all, CriteriaSet set)
{
    public static async Task<LinkedEvidenceRows> LoadAsync(IEnumerable<IAssessmentEvidence> sources, int agencyId, int year, CriteriaSet set, CancellationToken ct)
    {
        var all = new List<LinkedEvidence>();
        foreach (var source in sources) all.AddRange(await source.ForAsync(agencyId, year, ct));
        return new(all, set);
    }

    /// <summary>The records for a sub-criterion row: its own code, or its criterion's or area's code.</summary>
    public IReadOnlyList<LinkedEvidence> For(string subCode) => all.Where(e => Matches(e.Code, subCode)).ToList();

    /// <summary>Records whose code is on no row of the unit's criteria set (another group's set): listed under the table.</summary>
    public IReadOnlyList<LinkedEvidence> Unplaced => all.Where(e => !set.Flatten().Any(i => Matches(e.Code, i.Sub.Code))).ToList();

    static bool Matches(string code, string subCode) => subCode == code || subCode.StartsWith(code + ".", StringComparison.Ordinal);
}
