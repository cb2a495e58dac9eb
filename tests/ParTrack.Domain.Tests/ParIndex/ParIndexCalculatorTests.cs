using FluentAssertions;
using ParTrack.Domain.ParIndex;
using static ParTrack.Domain.Tests.ParIndex.SmallSet;

namespace ParTrack.Domain.Tests.ParIndex;

public class ParIndexCalculatorTests
{
    [Fact]
    public void AppraisedScoreReplacesSelfScoreWhereSet()
    {
        var r = ParIndexCalculator.Compute(Set, [U1]).Single();

        r.Should().Be(new UnitResult("U1", "Sở", SelfScore: 10, AppraisedScore: 9.5m, SurveyPoints: 8, Total: 17.5m,
            ApplicableMax: 20, IndexPercent: 87.5m, Rank: 1, Class: "B"));
    }

    [Fact]
    public void ExcludedArea_IsLeftOutAndTheIndexRescaled()
    {
        // 2.1.1's self score of 2 must not count: 1 + 0.5 + 1.5 = 3, + survey 6 = 9 of 2 + 1 + 3 + 10 = 16.
        var r = ParIndexCalculator.Compute(Set, [U2]).Single();

        r.SelfScore.Should().Be(3);
        r.AppraisedScore.Should().Be(3);
        r.SurveyPoints.Should().Be(6);
        r.Total.Should().Be(9);
        r.ApplicableMax.Should().Be(16);
        r.IndexPercent.Should().Be(56.25m);
        r.Class.Should().Be("D");
    }

    [Fact]
    public void ExclusionBySubCriterionOrCriterionCode_Works()
    {
        var bySub = U3 with { Excluded = new HashSet<string> { "1.1.2" } };
        var byCriterion = U3 with { Excluded = new HashSet<string> { "1.2" } };

        var results = ParIndexCalculator.Compute(Set, [bySub, byCriterion]);

        results[0].ApplicableMax.Should().Be(19);
        results[0].Total.Should().Be(19);
        results[1].ApplicableMax.Should().Be(17);
        results.Should().OnlyContain(r => r.IndexPercent == 100);
    }

    [Fact]
    public void SurveyLeftOut_IndexOnRemainingPoints()
    {
        var results = ParIndexCalculator.Compute(Set, [U1, U2], new ParIndexOptions(SurveyIncluded: false));

        // U1: 9.5 of 10 → 95 %. U2: 3 of 6 (area 2 and survey out) → 50 %.
        results[0].Should().Match<UnitResult>(r => r.SurveyPoints == 0 && r.Total == 9.5m && r.ApplicableMax == 10 && r.IndexPercent == 95 && r.Class == "A");
        results[1].Should().Match<UnitResult>(r => r.Total == 3 && r.ApplicableMax == 6 && r.IndexPercent == 50);
    }

    [Fact]
    public void SelfScoresOnSurveyItems_AreIgnored()
    {
        var cheeky = U3 with { SelfScores = Scores(("3.1.1", 10)), SurveyPoints = Scores(("3.1.1", 4)) };

        var r = ParIndexCalculator.Compute(Set, [cheeky]).Single();

        r.SelfScore.Should().Be(0);
        r.SurveyPoints.Should().Be(4);
        r.Total.Should().Be(4);
    }

    [Fact]
    public void NothingScored_CountsZero()
    {
        var r = ParIndexCalculator.Compute(Set, [new UnitAssessment("U4", "Sở", Scores())]).Single();

        r.Total.Should().Be(0);
        r.ApplicableMax.Should().Be(20);
        r.IndexPercent.Should().Be(0);
        r.Class.Should().Be("D");
    }

    [Fact]
    public void EverythingExcluded_IndexIsZeroNotAnError()
    {
        var none = U3 with { Excluded = new HashSet<string> { "1", "2", "3" } };

        ParIndexCalculator.Compute(Set, [none]).Single().IndexPercent.Should().Be(0);
    }

    [Fact]
    public void RanksWithinGroup_ResultsInInputOrder()
    {
        var results = ParIndexCalculator.Compute(Set, [U2, U1, U3]);

        results.Select(r => (r.UnitId, r.Rank)).Should().Equal(("U2", 3), ("U1", 2), ("U3", 1));
    }

    [Fact]
    public void EqualIndexes_ShareRank_NextRankSkips()
    {
        var twin = U1 with { UnitId = "U1b" };

        var results = ParIndexCalculator.Compute(Set, [U1, U2, U3, twin]);

        results.Select(r => (r.UnitId, r.Rank)).Should().Equal(("U1", 2), ("U2", 4), ("U3", 1), ("U1b", 2));
    }

    [Fact]
    public void GroupsAreRankedSeparately()
    {
        var district = U2 with { UnitId = "H1", Group = "Huyện" };

        var results = ParIndexCalculator.Compute(Set, [U1, district, U3]);

        results.Select(r => r.Rank).Should().Equal(2, 1, 1);
    }

    [Fact]
    public void Rank_CompetitionRanking_1_2_2_4()
    {
        UnitResult R(string id, decimal index, string group = "G") => new(id, group, 0, 0, 0, 0, 100, index, 0, "");

        var ranked = ParIndexCalculator.Rank([R("a", 85), R("b", 90), R("c", 80), R("d", 85), R("x", 50, "H")]);

        ranked.Select(r => r.Rank).Should().Equal(2, 1, 4, 2, 1);
    }

    [Theory]
    [InlineData(100, "A")]
    [InlineData(90, "A")]
    [InlineData(89.99, "B")]
    [InlineData(80, "B")]
    [InlineData(79.99, "C")]
    [InlineData(70, "C")]
    [InlineData(69.99, "D")]
    [InlineData(0, "D")]
    public void DefaultClasses(decimal index, string expected) =>
        ParClassification.Default.Classify(index).Should().Be(expected);

    [Fact]
    public void ConfiguredClasses_InAnyOrder()
    {
        var classes = new ParClassification([new(50, "Trung bình"), new(85, "Tốt"), new(70, "Khá")], "Yếu");

        classes.Classify(60).Should().Be("Trung bình");
        classes.Classify(85).Should().Be("Tốt");
        classes.Classify(49.99m).Should().Be("Yếu");
        ParIndexCalculator.Compute(Set, [U1], new ParIndexOptions(Classes: classes)).Single().Class.Should().Be("Tốt");
    }

    [Fact]
    public void ThreeHundredUnitsByHundredItems_AllFullMarks_AllFirst()
    {
        // Scale check for correctness, not timing: the calculation is one pass over units × items.
        var areas = Enumerable.Range(1, 10).Select(a => new ParArea($"{a}", $"L{a}",
            Enumerable.Range(1, 10).Select(c => new ParCriterion($"{a}.{c}", "t",
                [new ParSubCriterion($"{a}.{c}.1", "t", 1, new RangeScoring())])).ToList())).ToList();
        var set = new CriteriaSet(2025, "G", "big", areas);
        var full = set.Flatten().ToDictionary(i => i.Sub.Code, i => i.Sub.MaxPoints);
        var units = Enumerable.Range(0, 300).Select(u => new UnitAssessment($"u{u}", "G", full)).ToList();

        var results = ParIndexCalculator.Compute(set, units);

        results.Should().HaveCount(300).And.OnlyContain(r => r.Rank == 1 && r.IndexPercent == 100 && r.Total == 100);
    }
}
