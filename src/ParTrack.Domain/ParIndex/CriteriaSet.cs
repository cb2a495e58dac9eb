using System.Text.Json.Serialization;

namespace ParTrack.Domain.ParIndex;

/// <summary>How a sub-criterion's points are chosen.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RangeScoring), "range")]
[JsonDerivedType(typeof(LevelsScoring), "levels")]
[JsonDerivedType(typeof(RatioScoring), "ratio")]
[JsonDerivedType(typeof(SurveyScoring), "survey")]
public abstract record ScoringMethod;

/// <summary>Any points within [0, max], at most two decimals.</summary>
public sealed record RangeScoring : ScoringMethod;

/// <summary>One of fixed values, e.g. 0 / 0.5 / 1.</summary>
public sealed record LevelsScoring(IReadOnlyList<decimal> Levels) : ScoringMethod;

/// <summary>
/// Points from a ratio (e.g. share of dossiers settled on time): the first threshold, from the highest
/// MinRatio down, that the ratio reaches gives ShareOfMax × max points; below all thresholds, 0.
/// Shares rather than points so editing the maximum keeps the rule.
/// </summary>
public sealed record RatioScoring(IReadOnlyList<RatioThreshold> Thresholds) : ScoringMethod;

/// <param name="MinRatio">Ratio from 0 to 1 (1 = 100%).</param>
/// <param name="ShareOfMax">Fraction of the maximum awarded (1 = full points, 0.5 = half).</param>
public sealed record RatioThreshold(decimal MinRatio, decimal ShareOfMax);

/// <summary>Points entered from citizen/organisation surveys, within [0, max]; may be left out of a round.</summary>
public sealed record SurveyScoring : ScoringMethod;

/// <summary>Tiêu chí thành phần: the scored leaf.</summary>
public sealed record ParSubCriterion(
    string Code,
    string Title,
    decimal MaxPoints,
    ScoringMethod Scoring,
    bool EvidenceRequired = false,
    string? Guidance = null)
{
    [JsonIgnore] public bool IsSurvey => Scoring is SurveyScoring;
}

/// <summary>Tiêu chí. A criterion scored directly is modelled with one sub-criterion of the same title.</summary>
public sealed record ParCriterion(string Code, string Title, IReadOnlyList<ParSubCriterion> SubCriteria)
{
    [JsonIgnore] public decimal MaxPoints => SubCriteria.Sum(s => s.MaxPoints);
}

/// <summary>Lĩnh vực.</summary>
public sealed record ParArea(string Code, string Title, IReadOnlyList<ParCriterion> Criteria)
{
    [JsonIgnore] public decimal MaxPoints => Criteria.Sum(c => c.MaxPoints);
}

/// <summary>A scored leaf with the codes of its parents, in tree order.</summary>
public sealed record ScoredItem(int Index, ParArea Area, ParCriterion Criterion, ParSubCriterion Sub);

/// <summary>The criteria tree of one year and one group of units (sở, ngành; UBND cấp huyện; ...).</summary>
public sealed record CriteriaSet(int Year, string Group, string Title, IReadOnlyList<ParArea> Areas, int Version = 1)
{
    [JsonIgnore] public decimal MaxPoints => Areas.Sum(a => a.MaxPoints);

    /// <summary>All sub-criteria in tree order.</summary>
    public IReadOnlyList<ScoredItem> Flatten()
    {
        var items = new List<ScoredItem>();
        foreach (var area in Areas)
            foreach (var criterion in area.Criteria)
                foreach (var sub in criterion.SubCriteria)
                    items.Add(new ScoredItem(items.Count, area, criterion, sub));
        return items;
    }

    /// <summary>A copy for another year (copy last year's set, then edit), version reset to 1.</summary>
    public CriteriaSet CopyForYear(int year) => this with { Year = year, Version = 1 };
}
