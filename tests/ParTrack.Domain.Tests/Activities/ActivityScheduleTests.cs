using FluentAssertions;
using ParTrack.Domain.Activities;

namespace ParTrack.Domain.Tests.Activities;

/// <summary>The activity early-warning rule on constructed cases: a year-long activity due 31/12/2025 judged in December.</summary>
public class ActivityScheduleTests
{
    static readonly DueSpec Year = new(DueKind.During, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
    static readonly DateOnly December1 = new(2025, 12, 1);   // 334 of 364 days gone: the schedule expects 92 %

    [Fact]
    public void NoReportYet_NearTheDueEnd_IsAtRisk_AsZeroPercent()
    {
        var risk = ActivitySchedule.AtRisk(Year, null, null, December1)!;
        risk.Should().Be(new ScheduleRisk(Expected: 92, Reported: 0, DaysLeft: 30));
    }

    [Fact]
    public void OnSchedule_IsNotAtRisk() =>
        ActivitySchedule.AtRisk(Year, ReportedStatus.InProgress, 92, December1).Should().BeNull();

    [Fact]
    public void Behind_IsAtRisk_WithTheExpectedAndReportedPercent()
    {
        var risk = ActivitySchedule.AtRisk(Year, ReportedStatus.InProgress, 60, December1)!;
        risk.Expected.Should().Be(92);
        risk.Reported.Should().Be(60);
    }

    [Fact]
    public void AlreadyDone_OrDropped_IsNotAtRisk()
    {
        ActivitySchedule.AtRisk(Year, ReportedStatus.Done, null, December1).Should().BeNull();
        ActivitySchedule.AtRisk(Year, ReportedStatus.DoneLate, 40, December1).Should().BeNull();
        ActivitySchedule.AtRisk(Year, ReportedStatus.NotDone, null, December1).Should().BeNull();
    }

    [Fact]
    public void PastTheDueEnd_IsOverdue_NotAtRisk()
    {
        var january = new DateOnly(2026, 1, 2);
        ActivitySchedule.AtRisk(Year, ReportedStatus.InProgress, 10, january).Should().BeNull();
        ActivityState.Derive(new AcceptedProgress(ReportedStatus.InProgress), Year, january).Should().Be(ActivityStatus.Overdue);
    }

    [Fact]
    public void OnTheDueDay_StillAtRisk_ExpectingAllOfIt() =>
        ActivitySchedule.AtRisk(Year, ReportedStatus.InProgress, 99, new DateOnly(2025, 12, 31)).Should().Be(new ScheduleRisk(100, 99, 0));

    [Fact]
    public void FarFromTheDueEnd_IsNotAtRisk_HoweverFarBehind()
    {
        ActivitySchedule.AtRisk(Year, null, null, new DateOnly(2025, 11, 30)).Should().BeNull("31 days before is outside the 30-day window");
        ActivitySchedule.AtRisk(Year, null, null, new DateOnly(2025, 11, 30), windowDays: 31).Should().NotBeNull("the window is configurable");
    }

    [Fact]
    public void ADeadlineWithoutStart_IsScheduledFromTheFirstOfJanuary()
    {
        var by = new DueSpec(DueKind.By, null, new DateOnly(2025, 6, 30));
        ActivitySchedule.AtRisk(by, ReportedStatus.InProgress, 80, new DateOnly(2025, 6, 10))!.Expected.Should().Be(89);   // 160 of 180 days
    }

    [Fact]
    public void ContinuousWork_IsNeverAtRisk() =>
        ActivitySchedule.AtRisk(Year with { Kind = DueKind.Continuous }, null, null, December1).Should().BeNull();
}
