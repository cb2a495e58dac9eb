using FluentAssertions;
using ParTrack.Domain.Activities;

namespace ParTrack.Domain.Tests.Activities;

public class ActivityStateTests
{
    private static readonly DueSpec ByEndOfMarch = new(DueKind.By, new(2025, 3, 1), new(2025, 3, 31));
    private static readonly DateOnly LastDay = new(2025, 3, 31);
    private static readonly DateOnly DayAfter = new(2025, 4, 1);

    [Fact]
    public void NoReport_OnTheDueDay_IsNotStarted() =>
        ActivityState.Derive(null, ByEndOfMarch, LastDay).Should().Be(ActivityStatus.NotStarted);

    [Fact]
    public void NoReport_DayAfterDue_IsOverdue() =>
        ActivityState.Derive(null, ByEndOfMarch, DayAfter).Should().Be(ActivityStatus.Overdue);

    [Fact]
    public void InProgress_BeforeDue_StaysInProgress() =>
        ActivityState.Derive(new(ReportedStatus.InProgress), ByEndOfMarch, LastDay).Should().Be(ActivityStatus.InProgress);

    [Fact]
    public void InProgress_AfterDue_IsOverdue() =>
        ActivityState.Derive(new(ReportedStatus.InProgress), ByEndOfMarch, DayAfter).Should().Be(ActivityStatus.Overdue);

    [Fact]
    public void NotStarted_AfterDue_IsOverdue() =>
        ActivityState.Derive(new(ReportedStatus.NotStarted), ByEndOfMarch, DayAfter).Should().Be(ActivityStatus.Overdue);

    [Fact]
    public void DoneOnTheDueDay_IsDone_EvenLongAfter() =>
        ActivityState.Derive(new(ReportedStatus.Done, LastDay), ByEndOfMarch, new(2025, 12, 1)).Should().Be(ActivityStatus.Done);

    [Fact]
    public void DoneAfterTheDueDay_IsDoneLate() =>
        ActivityState.Derive(new(ReportedStatus.Done, new(2025, 4, 5)), ByEndOfMarch, new(2025, 4, 10))
            .Should().Be(ActivityStatus.DoneLate);

    [Fact]
    public void DoneWithoutDate_IsDone() =>
        ActivityState.Derive(new(ReportedStatus.Done), ByEndOfMarch, DayAfter).Should().Be(ActivityStatus.Done);

    [Fact]
    public void ReportedDoneLate_StaysDoneLate() =>
        ActivityState.Derive(new(ReportedStatus.DoneLate), ByEndOfMarch, LastDay).Should().Be(ActivityStatus.DoneLate);

    [Fact]
    public void NotDone_IsADecision_NotOverdue() =>
        ActivityState.Derive(new(ReportedStatus.NotDone), ByEndOfMarch, DayAfter).Should().Be(ActivityStatus.NotDone);

    [Fact]
    public void WindowPassed_IsOverdue()
    {
        var quarterTwo = new DueSpec(DueKind.During, new(2025, 4, 1), new(2025, 6, 30));

        ActivityState.Derive(new(ReportedStatus.InProgress), quarterTwo, new(2025, 7, 1)).Should().Be(ActivityStatus.Overdue);
    }

    [Fact]
    public void ContinuousWork_IsNeverOverdue()
    {
        var continuous = new DueSpec(DueKind.Continuous, new(2025, 1, 1), new(2025, 12, 31));

        ActivityState.Derive(new(ReportedStatus.InProgress), continuous, new(2026, 1, 5)).Should().Be(ActivityStatus.InProgress);
        ActivityState.Derive(null, continuous, new(2026, 1, 5)).Should().Be(ActivityStatus.NotStarted);
    }

    [Fact]
    public void RecurringDone_AfterTheYear_IsDoneNotLate()
    {
        var recurring = new DueSpec(DueKind.Recurring, new(2025, 1, 1), new(2025, 12, 31));

        ActivityState.Derive(new(ReportedStatus.Done, new(2026, 1, 3)), recurring, new(2026, 1, 5)).Should().Be(ActivityStatus.Done);
    }

    [Fact]
    public void EventDriven_WithoutDates_IsNotOverdue() =>
        ActivityState.Derive(null, new DueSpec(DueKind.Event, null, null), new(2030, 1, 1)).Should().Be(ActivityStatus.NotStarted);

    [Theory]
    [InlineData("by", DueKind.By)]
    [InlineData("during", DueKind.During)]
    [InlineData("continuous", DueKind.Continuous)]
    [InlineData("recurring", DueKind.Recurring)]
    [InlineData("event", DueKind.Event)]
    [InlineData(" By ", DueKind.By)]
    [InlineData("soon", DueKind.Unknown)]
    [InlineData(null, DueKind.Unknown)]
    public void ParseKind_ReadsPlanJsonNames(string? text, DueKind expected) =>
        DueSpec.ParseKind(text).Should().Be(expected);

    [Theory]
    [InlineData(ActivityStatus.NotStarted, "Chưa triển khai")]
    [InlineData(ActivityStatus.InProgress, "Đang thực hiện")]
    [InlineData(ActivityStatus.Done, "Hoàn thành")]
    [InlineData(ActivityStatus.DoneLate, "Hoàn thành quá hạn")]
    [InlineData(ActivityStatus.NotDone, "Không thực hiện")]
    [InlineData(ActivityStatus.Overdue, "Quá hạn")]
    public void Labels_AreVietnamese(ActivityStatus status, string label) =>
        ActivityState.Label(status).Should().Be(label);
}
