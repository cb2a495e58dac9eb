using FluentAssertions;
using ParTrack.Domain.Kpis;

namespace ParTrack.Domain.Tests.Kpis;

/// <summary>The year-end projection on constructed monthly series.</summary>
public class YearEndProjectionTests
{
    static Dictionary<int, decimal> Series(params (int Month, double Value)[] points) => points.ToDictionary(p => p.Month, p => (decimal)p.Value);

    [Fact]
    public void Rising_ProjectsTheTrendToDecember_AndReachesTheTarget()
    {
        var p = YearEndProjection.Project(Series((1, 40), (2, 42), (3, 44), (4, 46), (5, 48), (6, 50)), target: 60)!;
        p.Method.Should().Be(ProjectionMethod.Trend);
        p.Value.Should().Be(62m);
        p.AtRisk.Should().BeFalse();
        p.Gap.Should().Be(0);
    }

    [Fact]
    public void Falling_IsAtRisk_WithTheGap()
    {
        var p = YearEndProjection.Project(Series((1, 98), (2, 97), (3, 96), (4, 95)), target: 100)!;
        p.Value.Should().Be(87m);   // one point a month down from 98 in January
        p.AtRisk.Should().BeTrue();
        p.Gap.Should().Be(13m);
    }

    [Fact]
    public void Flat_UsesTheYearToDateMean()
    {
        var p = YearEndProjection.Project(Series((1, 90), (2, 90.2), (3, 89.9), (4, 90.1)), target: 95)!;
        p.Method.Should().Be(ProjectionMethod.YearToDate);
        p.Value.Should().Be(90.05m);
        p.AtRisk.Should().BeTrue();
    }

    [Fact]
    public void FewerThanThreeMonths_GiveNoProjection() =>
        YearEndProjection.Project(Series((1, 50), (2, 70)), target: 60).Should().BeNull();

    [Fact]
    public void MissingMonths_AreSkipped_NotReadAsZero()
    {
        var p = YearEndProjection.Project(Series((1, 50), (4, 56), (7, 62)), target: 60)!;
        p.Value.Should().Be(72m);   // 2 points a month from January
        p.MonthsUsed.Should().Be(3);
    }

    [Fact]
    public void Seasonal_OnlyTheLastSixMonthsSetTheTrend()
    {
        // A Tết dip in February does not drag the autumn projection: the line runs through June–November.
        var p = YearEndProjection.Project(Series((1, 80), (2, 40), (3, 80), (6, 85), (7, 85.5), (8, 86), (9, 86.5), (10, 87), (11, 87.5)), target: 90)!;
        p.Method.Should().Be(ProjectionMethod.Trend);
        p.Value.Should().BeApproximately(88.33m, 0.5m);
        p.AtRisk.Should().BeTrue();
    }

    [Fact]
    public void SteepRise_IsCappedAtOneHundredPercent() =>
        YearEndProjection.Project(Series((1, 60), (2, 75), (3, 90)), target: 100)!.Value.Should().Be(100m);
    [Fact]
    public void ExactlyThreeMonths_AreEnoughForAProjection() =>
        YearEndProjection.Project(Series((1, 70), (2, 72), (3, 74)), target: 90)!.Value.Should().Be(92m);

    [Fact]
    public void SteepFall_IsFlooredAtZero_AndTheGapIsTheWholeTarget()
    {
        var p = YearEndProjection.Project(Series((1, 100), (2, 80), (3, 60), (4, 40), (5, 20)), target: 100)!;
        p.Value.Should().Be(0m);
        p.Gap.Should().Be(100m);
    }

    [Fact]
    public void FlatWithMissingMonths_AveragesOnlyTheMonthsWithData()
    {
        var p = YearEndProjection.Project(Series((2, 80), (5, 80.2), (9, 79.9), (10, 80.1)), target: 80)!;
        p.Method.Should().Be(ProjectionMethod.YearToDate);
        p.Value.Should().Be(80.05m);
        p.MonthsUsed.Should().Be(4);
        p.AtRisk.Should().BeFalse();
    }

    [Fact]
    public void SeasonalDipInTheLastSixMonths_PullsTheTrendDown_AsStated()
    {
        // A summer dip (July–August) inside the six-month window is read as a trend: the method is stated beside the figure.
        var p = YearEndProjection.Project(Series((3, 90), (4, 90), (5, 90), (6, 90), (7, 80), (8, 80)), target: 88)!;
        p.Method.Should().Be(ProjectionMethod.Trend);
        p.Value.Should().BeLessThan(80m);
        p.AtRisk.Should().BeTrue();
    }

    [Fact]
    public void NoTarget_GivesAProjectionThatIsNeverAtRisk() =>
        YearEndProjection.Project(Series((1, 10), (2, 5), (3, 1)), target: null)!.AtRisk.Should().BeFalse();
}
