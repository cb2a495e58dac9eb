namespace ParTrack.Domain.ParIndex;

/// <summary>
/// One unit's scores in a round, keyed by sub-criterion code. Excluded holds codes of areas, criteria or
/// sub-criteria that do not apply to the unit (a unit with no administrative procedures excludes area "3").
/// Self and appraised scores of survey sub-criteria are ignored: those come from SurveyPoints.
/// A missing score on an applicable sub-criterion counts as 0.
/// </summary>
public sealed record UnitAssessment(
    string UnitId,
    string Group,
    IReadOnlyDictionary<string, decimal> SelfScores,
    IReadOnlyDictionary<string, decimal>? AppraisedScores = null,
    IReadOnlyDictionary<string, decimal>? SurveyPoints = null,
    IReadOnlySet<string>? Excluded = null);

/// <summary>Lowest index (%) for a class.</summary>
public sealed record ClassThreshold(decimal MinIndex, string Class);

/// <summary>Classes by index %, checked from the highest MinIndex down; below all of them, Lowest.</summary>
public sealed record ParClassification(IReadOnlyList<ClassThreshold> Thresholds, string Lowest)
{
    /// <summary>≥ 90 A, 80–&lt;90 B, 70–&lt;80 C, else D.</summary>
    public static ParClassification Default { get; } =
        new([new(90, "A"), new(80, "B"), new(70, "C")], "D");

    public string Classify(decimal index)
    {
        decimal best = decimal.MinValue;
        string result = Lowest;
        foreach (var t in Thresholds)
            if (index >= t.MinIndex && t.MinIndex > best) { best = t.MinIndex; result = t.Class; }
        return result;
    }
}

/// <param name="SurveyIncluded">False when the round leaves surveys out: survey sub-criteria then do not
/// apply to anyone and the index is computed on the remaining points.</param>
public sealed record ParIndexOptions(bool SurveyIncluded = true, ParClassification? Classes = null);

/// <summary>
/// A unit's result. SelfScore and AppraisedScore cover applicable non-survey sub-criteria (appraised =
/// the appraiser's score where set, else the self score); Total = AppraisedScore + SurveyPoints;
/// IndexPercent = Total / ApplicableMax × 100. Rank is within the unit's group.
/// </summary>
public sealed record UnitResult(
    string UnitId,
    string Group,
    decimal SelfScore,
    decimal AppraisedScore,
    decimal SurveyPoints,
    decimal Total,
    decimal ApplicableMax,
    decimal IndexPercent,
    int Rank,
    string Class);

public static class ParIndexCalculator
{
    /// <summary>
    /// Scores and ranks the units of a round on one criteria set. Linear in units × sub-criteria, plus
    /// a sort per group for ranking. Results come back in the input order of the units.
    /// </summary>
    public static IReadOnlyList<UnitResult> Compute(
        CriteriaSet set, IReadOnlyList<UnitAssessment> units, ParIndexOptions? options = null)
    {
        options ??= new ParIndexOptions();
        var classes = options.Classes ?? ParClassification.Default;
        var items = set.Flatten();

        var results = new UnitResult[units.Count];
        for (int u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            decimal self = 0, appraised = 0, survey = 0, max = 0;
            foreach (var item in items)
            {
                if (!Applies(item, unit, options)) continue;
                max += item.Sub.MaxPoints;
                if (item.Sub.IsSurvey)
                    survey += Lookup(unit.SurveyPoints, item.Sub.Code) ?? 0;
                else
                {
                    decimal s = Lookup(unit.SelfScores, item.Sub.Code) ?? 0;
                    self += s;
                    appraised += Lookup(unit.AppraisedScores, item.Sub.Code) ?? s;
                }
            }
            self = ParRounding.Points(self);
            appraised = ParRounding.Points(appraised);
            survey = ParRounding.Points(survey);
            decimal total = ParRounding.Points(appraised + survey);
            decimal index = ParRounding.Index(total, max);
            results[u] = new UnitResult(unit.UnitId, unit.Group, self, appraised, survey, total, max, index, 0,
                classes.Classify(index));
        }
        return Rank(results);
    }

    /// <summary>
    /// Competition ranking within each group (1, 2, 2, 4) by the rounded index, as printed: two units
    /// shown with the same index share a rank.
    /// </summary>
    public static IReadOnlyList<UnitResult> Rank(IReadOnlyList<UnitResult> results)
    {
        var ranked = results.ToArray();
        foreach (var group in Enumerable.Range(0, ranked.Length).GroupBy(i => ranked[i].Group, StringComparer.Ordinal))
        {
            var order = group.OrderByDescending(i => ranked[i].IndexPercent).ToArray();
            for (int k = 0; k < order.Length; k++)
            {
                int rank = k > 0 && ranked[order[k]].IndexPercent == ranked[order[k - 1]].IndexPercent
                    ? ranked[order[k - 1]].Rank
                    : k + 1;
                ranked[order[k]] = ranked[order[k]] with { Rank = rank };
            }
        }
        return ranked;
    }

    /// <summary>Whether a sub-criterion counts for a unit in this round.</summary>
    public static bool Applies(ScoredItem item, UnitAssessment unit, ParIndexOptions options)
    {
        if (item.Sub.IsSurvey && !options.SurveyIncluded) return false;
        var excluded = unit.Excluded;
        return excluded is null || excluded.Count == 0 ||
               !(excluded.Contains(item.Sub.Code) || excluded.Contains(item.Criterion.Code) || excluded.Contains(item.Area.Code));
    }

    /// <summary>The points a unit finally holds on an applicable sub-criterion (survey, appraised or self).</summary>
    public static decimal FinalPoints(ScoredItem item, UnitAssessment unit) =>
        item.Sub.IsSurvey
            ? Lookup(unit.SurveyPoints, item.Sub.Code) ?? 0
            : Lookup(unit.AppraisedScores, item.Sub.Code) ?? Lookup(unit.SelfScores, item.Sub.Code) ?? 0;

    private static decimal? Lookup(IReadOnlyDictionary<string, decimal>? scores, string code) =>
        scores is not null && scores.TryGetValue(code, out var v) ? v : null;
}
