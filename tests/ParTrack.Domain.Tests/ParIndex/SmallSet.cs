using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

/// <summary>
/// A five-leaf set worth 20 points, small enough to work results out by hand:
/// 1 (A) → 1.1 → 1.1.1 range 2, 1.1.2 levels 0/0.5/1 (max 1); 1.2 → 1.2.1 ratio 3 (100% → 3, ≥ 90% → 1.5)
/// 2 (B) → 2.1 → 2.1.1 range 4
/// 3 (C) → 3.1 → 3.1.1 survey 10
/// </summary>
internal static class SmallSet
{
    public static readonly CriteriaSet Set = new(2025, "Sở", "Thử", [
        new ParArea("1", "A", [
            new ParCriterion("1.1", "A1", [
                new ParSubCriterion("1.1.1", "A1a", 2, new RangeScoring()),
                new ParSubCriterion("1.1.2", "A1b", 1, new LevelsScoring([0, 0.5m, 1])),
            ]),
            new ParCriterion("1.2", "A2", [
                new ParSubCriterion("1.2.1", "A2a", 3, new RatioScoring([new(1, 1), new(0.9m, 0.5m)])),
            ]),
        ]),
        new ParArea("2", "B", [
            new ParCriterion("2.1", "B1", [new ParSubCriterion("2.1.1", "B1a", 4, new RangeScoring())]),
        ]),
        new ParArea("3", "C", [
            new ParCriterion("3.1", "C1", [new ParSubCriterion("3.1.1", "C1a", 10, new SurveyScoring())]),
        ]),
    ]);

    public static Dictionary<string, decimal> Scores(params (string Code, decimal Points)[] scores) =>
        scores.ToDictionary(s => s.Code, s => s.Points);

    /// <summary>Self 10, appraiser lowers 1.1.1 to 1.5, survey 8 → total 17.5 of 20.</summary>
    public static readonly UnitAssessment U1 = new("U1", "Sở",
        Scores(("1.1.1", 2), ("1.1.2", 1), ("1.2.1", 3), ("2.1.1", 4)),
        AppraisedScores: Scores(("1.1.1", 1.5m)),
        SurveyPoints: Scores(("3.1.1", 8)));

    /// <summary>Area 2 does not apply; self 3 on the rest, survey 6 → 9 of 16.</summary>
    public static readonly UnitAssessment U2 = new("U2", "Sở",
        Scores(("1.1.1", 1), ("1.1.2", 0.5m), ("1.2.1", 1.5m), ("2.1.1", 2)),
        SurveyPoints: Scores(("3.1.1", 6)),
        Excluded: new HashSet<string> { "2" });

    /// <summary>Full marks everywhere.</summary>
    public static readonly UnitAssessment U3 = new("U3", "Sở",
        Scores(("1.1.1", 2), ("1.1.2", 1), ("1.2.1", 3), ("2.1.1", 4)),
        SurveyPoints: Scores(("3.1.1", 10)));
}
