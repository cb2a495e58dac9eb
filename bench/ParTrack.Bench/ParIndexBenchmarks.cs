using BenchmarkDotNet.Attributes;
using ParTrack.Domain.ParIndex;

/// <summary>
/// Scoring a whole round: 300 units × 100 sub-criteria (10 areas × 5 criteria × 2 sub-criteria, a mix
/// of every scoring method), appraised changes on a tenth of the scores, survey points and exclusions;
/// computed, ranked by group and analysed for lost points. The bar is under 1 s.
/// </summary>
[MemoryDiagnoser]
public class ParIndexBenchmarks
{
    CriteriaSet set = null!;
    List<UnitAssessment> units = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var areas = new List<ParArea>();
        for (int a = 1; a <= 10; a++)
        {
            var criteria = new List<ParCriterion>();
            for (int c = 1; c <= 5; c++)
            {
                var subs = new List<ParSubCriterion>();
                for (int s = 1; s <= 2; s++)
                {
                    ScoringMethod method = ((a + c + s) % 4) switch
                    {
                        0 => new RangeScoring(),
                        1 => new LevelsScoring([0, 0.5m, 1]),
                        2 => new RatioScoring([new(1, 1), new(0.9m, 0.5m)]),
                        _ => a == 10 ? new SurveyScoring() : new RangeScoring(),
                    };
                    subs.Add(new ParSubCriterion($"{a}.{c}.{s}", $"Tiêu chí {a}.{c}.{s}", 1, method));
                }
                criteria.Add(new ParCriterion($"{a}.{c}", $"Tiêu chí {a}.{c}", subs));
            }
            areas.Add(new ParArea($"{a}", $"Lĩnh vực {a}", criteria));
        }
        set = new CriteriaSet(2025, "Sở, ban, ngành", "Bộ tiêu chí đo hiệu năng", areas);
        var items = set.Flatten();
        string[] groups = ["Sở", "Huyện", "Xã"];
        for (int u = 0; u < 300; u++)
        {
            var self = new Dictionary<string, decimal>();
            var appraised = new Dictionary<string, decimal>();
            var survey = new Dictionary<string, decimal>();
            foreach (var item in items)
            {
                var points = Math.Round((decimal)random.NextDouble(), 2);
                if (item.Sub.IsSurvey) survey[item.Sub.Code] = points;
                else
                {
                    self[item.Sub.Code] = points;
                    if (random.NextDouble() < 0.1) appraised[item.Sub.Code] = Math.Round(points / 2, 2);
                }
            }
            var excluded = u % 7 == 0 ? new HashSet<string> { "3" } : null;
            units.Add(new UnitAssessment($"u{u}", groups[u % 3], self, appraised, survey, excluded));
        }
    }

    [Benchmark(Description = "compute and rank 300 units × 100 sub-criteria")]
    public int ComputeAndRank() => ParIndexCalculator.Compute(set, units).Count(r => r.Rank == 1);

    [Benchmark(Description = "compute, rank and lost points 300 × 100")]
    public int ComputeRankAndLostPoints()
    {
        var results = ParIndexCalculator.Compute(set, units);
        var lost = LostPointsAnalysis.Analyse(set, units);
        return results.Count + lost.ByCriterion.Count;
    }
}
