namespace ParTrack.Domain.ParIndex;

/// <summary>
/// A unit's change from last year. IndexDelta = this year − last year (percentage points);
/// RankChange = last rank − this rank, so a positive number means the unit moved up.
/// Previous values are null for a unit not assessed last year.
/// </summary>
public sealed record UnitYearChange(
    string UnitId, decimal IndexPercent, decimal? PreviousIndexPercent, decimal? IndexDelta,
    int Rank, int? PreviousRank, int? RankChange);

public static class YearComparison
{
    /// <summary>One row per unit of this year's results, in their order, matched to last year by unit id.</summary>
    public static IReadOnlyList<UnitYearChange> Compare(IReadOnlyList<UnitResult> previous, IReadOnlyList<UnitResult> current)
    {
        var before = new Dictionary<string, UnitResult>(previous.Count, StringComparer.Ordinal);
        foreach (var r in previous) before[r.UnitId] = r;

        var rows = new List<UnitYearChange>(current.Count);
        foreach (var r in current)
        {
            if (before.TryGetValue(r.UnitId, out var p))
                rows.Add(new(r.UnitId, r.IndexPercent, p.IndexPercent, r.IndexPercent - p.IndexPercent,
                    r.Rank, p.Rank, p.Rank - r.Rank));
            else
                rows.Add(new(r.UnitId, r.IndexPercent, null, null, r.Rank, null, null));
        }
        return rows;
    }
}
