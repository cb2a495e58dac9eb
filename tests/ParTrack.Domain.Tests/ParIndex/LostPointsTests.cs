using FluentAssertions;
using ParTrack.Domain.ParIndex;
using static ParTrack.Domain.Tests.ParIndex.SmallSet;

namespace ParTrack.Domain.Tests.ParIndex;

public class LostPointsTests
{
    // Final points and losses worked out from SmallSet:
    //        1.1.1      1.1.2      1.2.1      2.1.1       3.1.1
    // U1   1.5 (−0.5)  1 (0)      3 (0)      4 (0)       8 (−2)
    // U2   1 (−1)      0.5 (−0.5) 1.5 (−1.5) excluded    6 (−4)
    // U3   full marks everywhere

    [Fact]
    public void BySubCriterion_AveragesOverUnitsItAppliesTo_LargestFirst()
    {
        var report = LostPointsAnalysis.Analyse(Set, [U1, U2, U3]);

        report.BySubCriterion.Select(l => (l.Code, l.UnitsAssessed, l.AverageLost)).Should().Equal(
            ("3.1.1", 3, 2m),      // (2 + 4 + 0) / 3
            ("1.1.1", 3, 0.5m),    // (0.5 + 1 + 0) / 3; tie with 1.2.1 keeps tree order
            ("1.2.1", 3, 0.5m),    // 1.5 / 3
            ("1.1.2", 3, 0.17m),   // 0.5 / 3 = 0.1666…
            ("2.1.1", 2, 0m));     // U2 excluded
    }

    [Fact]
    public void BySubCriterion_NamesTheUnitsThatLostMost()
    {
        var report = LostPointsAnalysis.Analyse(Set, [U1, U2, U3]);

        var survey = report.BySubCriterion.Single(l => l.Code == "3.1.1");
        survey.MostLost.Should().Equal(new UnitLoss("U2", 4), new UnitLoss("U1", 2));
        survey.MaxPoints.Should().Be(10);
        survey.Title.Should().Be("C1a");
        report.BySubCriterion.Single(l => l.Code == "2.1.1").MostLost.Should().BeEmpty();
    }

    [Fact]
    public void ByCriterion_SumsItsSubCriteria()
    {
        var report = LostPointsAnalysis.Analyse(Set, [U1, U2, U3]);

        report.ByCriterion.Select(l => (l.Code, l.AverageLost)).Should().Equal(
            ("3.1", 2m),
            ("1.1", 0.67m),   // U1 0.5, U2 1 + 0.5 = 1.5, U3 0 → 2 / 3
            ("1.2", 0.5m),
            ("2.1", 0m));
        report.ByCriterion.Single(l => l.Code == "1.1").Should().Match<LostPoints>(l =>
            l.MaxPoints == 3 && l.MostLost.Count == 2 && l.MostLost[0].UnitId == "U2" && l.MostLost[0].Lost == 1.5m);
    }

    [Fact]
    public void WorstList_IsCut_AndTiesKeepInputOrder()
    {
        var u4 = U2 with { UnitId = "U4" };   // loses exactly as much as U2

        var report = LostPointsAnalysis.Analyse(Set, [U1, U2, u4, U3], worstCount: 2);

        report.BySubCriterion.Single(l => l.Code == "3.1.1").MostLost.Select(u => u.UnitId).Should().Equal("U2", "U4");
    }

    [Fact]
    public void SurveyLeftOut_SurveyItemsAreNotAnalysed()
    {
        var report = LostPointsAnalysis.Analyse(Set, [U1, U2, U3], new ParIndexOptions(SurveyIncluded: false));

        report.BySubCriterion.Select(l => l.Code).Should().NotContain("3.1.1");
        report.ByCriterion.Select(l => l.Code).Should().NotContain("3.1");
    }
}
