using FluentAssertions;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;

namespace ParTrack.Domain.Tests.Targets;

public class TargetAchievementTests
{
    private static readonly TargetMeasure AtLeast95Percent = new(null, Comparator.AtLeast, 95, "%");

    private static ActualValue Q1(decimal v) => new(ReportingPeriodKind.Q1, v);
    private static ActualValue H1(decimal v) => new(ReportingPeriodKind.SixMonths, v);
    private static ActualValue Q3(decimal v) => new(ReportingPeriodKind.Q3, v);
    private static ActualValue Y(decimal v) => new(ReportingPeriodKind.Year, v);

    [Fact]
    public void NothingReported_IsNoData()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, []);

        a.Should().Be(new Achievement(AchievementStatus.NoData, null, null));
        a.Label.Should().Be("chưa có số liệu");
    }

    [Fact]
    public void OnlyAdHocValues_AreNoData() =>
        TargetAchievement.Evaluate(AtLeast95Percent, [new ActualValue(ReportingPeriodKind.AdHoc, 99)])
            .Status.Should().Be(AchievementStatus.NoData);

    [Fact]
    public void YearValueMeetsGoal_IsAchieved()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(80), Y(96)]);

        a.Should().Be(new Achievement(AchievementStatus.Achieved, 96, null));
        a.Label.Should().Be("đạt");
    }

    [Fact]
    public void YearValueShort_IsNotAchieved_WhateverCameBefore()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(99), H1(99), Q3(99), Y(94.9m)]);

        a.Status.Should().Be(AchievementStatus.NotAchieved);
        a.Label.Should().Be("chưa đạt");
    }

    [Theory]
    [InlineData(10, AchievementStatus.Achieved)]
    [InlineData(11, AchievementStatus.NotAchieved)]
    public void AtMost_AtYearEnd(decimal value, AchievementStatus expected) =>
        TargetAchievement.Evaluate(new TargetMeasure(null, Comparator.AtMost, 10, "%"), [Y(value)]).Status.Should().Be(expected);

    [Theory]
    [InlineData(30, AchievementStatus.Achieved)]
    [InlineData(28, AchievementStatus.Achieved)]
    [InlineData(27, AchievementStatus.NotAchieved)]
    public void ReduceBy_ComparesTheReductionAchieved(decimal reduction, AchievementStatus expected) =>
        TargetAchievement.Evaluate(new TargetMeasure(null, Comparator.ReduceBy, 28, "biên chế"), [Y(reduction)])
            .Status.Should().Be(expected);

    [Fact]
    public void IncreaseBy_ComparesTheIncreaseAchieved() =>
        TargetAchievement.Evaluate(new TargetMeasure("commune", Comparator.IncreaseBy, 20, "%"), [Y(19.5m)])
            .Status.Should().Be(AchievementStatus.NotAchieved);

    [Fact]
    public void BelowGoal_ButRisingFastEnough_IsNotYetAchieved()
    {
        // Points (1, 90), (2, 92): slope 2; mean (1.5, 91); at 4: 91 + 2 × 2.5 = 96 ≥ 95.
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(90), H1(92)]);

        a.Should().Be(new Achievement(AchievementStatus.NotAchieved, 92, 96));
    }

    [Fact]
    public void BelowGoal_RisingTooSlowly_IsAtRisk()
    {
        // (1, 90), (2, 91), (3, 92): slope 1; mean (2, 91); at 4: 93 < 95.
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(90), H1(91), Q3(92)]);

        a.Should().Be(new Achievement(AchievementStatus.AtRisk, 92, 93));
        a.Label.Should().Be("có nguy cơ không đạt");
    }

    [Fact]
    public void MeetingGoalNow_ButFalling_IsAtRisk()
    {
        // (1, 96), (2, 95.5), (3, 95.2): Σ(x−2)y = −96 + 95.2 = −0.8, Σ(x−2)² = 2, slope −0.4;
        // mean y = 286.7 / 3 = 95.5667; at 4: 95.5667 − 0.8 = 94.7667 < 95.
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(96), H1(95.5m), Q3(95.2m)]);

        a.Status.Should().Be(AchievementStatus.AtRisk);
        a.Projected.Should().Be(94.7667m);
    }

    [Fact]
    public void GoalReachedMidYear_AndHolding_IsAchieved()
    {
        // "ít nhất 03 sáng kiến": (1, 1), (2, 3): slope 2; at 4: 2 + 2 × 2.5 = 7.
        var a = TargetAchievement.Evaluate(new TargetMeasure(null, Comparator.AtLeast, 3, "sáng kiến"), [Q1(1), H1(3)]);

        a.Should().Be(new Achievement(AchievementStatus.Achieved, 3, 7));
    }

    [Fact]
    public void SingleValue_ProjectsFlat()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(94)]);

        a.Should().Be(new Achievement(AchievementStatus.AtRisk, 94, 94));
    }

    [Fact]
    public void AtMost_UnderCeilingNow_ButClimbing_IsAtRisk()
    {
        // Late dossiers ≤ 5%: (1, 3), (2, 4): slope 1; mean 3.5 at 1.5; at 4: 6 > 5.
        var a = TargetAchievement.Evaluate(new TargetMeasure(null, Comparator.AtMost, 5, "%"), [Q1(3), H1(4)]);

        a.Should().Be(new Achievement(AchievementStatus.AtRisk, 4, 6));
    }

    [Fact]
    public void MissingPeriod_UsesTheRealPositions()
    {
        // (1, 90), (3, 94): slope 2; mean (2, 92); at 4: 96.
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(90), Q3(94)]);

        a.Should().Be(new Achievement(AchievementStatus.NotAchieved, 94, 96));
    }

    [Fact]
    public void InputOrder_DoesNotMatter()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q3(92), Q1(90), H1(91)]);

        a.Should().Be(new Achievement(AchievementStatus.AtRisk, 92, 93));
    }

    [Fact]
    public void PeriodReportedTwice_LaterEntryWins()
    {
        var a = TargetAchievement.Evaluate(AtLeast95Percent, [Q1(90), Q1(96)]);

        a.Should().Be(new Achievement(AchievementStatus.Achieved, 96, 96));
    }

    [Theory]
    [InlineData(3, AchievementStatus.Achieved)]
    [InlineData(2, AchievementStatus.NotAchieved)]
    [InlineData(4, AchievementStatus.NotAchieved)]
    public void Exactly_InYear_IsOnlyAchievedOrNot(decimal value, AchievementStatus expected) =>
        TargetAchievement.Evaluate(new TargetMeasure(null, Comparator.Exactly, 3, "cuộc"), [Q1(value)])
            .Status.Should().Be(expected);
}
