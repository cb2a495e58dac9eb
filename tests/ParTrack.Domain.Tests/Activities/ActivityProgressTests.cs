using FluentAssertions;
using ParTrack.Domain.Activities;
using S = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Domain.Tests.Activities;

public class ActivityProgressTests
{
    static readonly DueSpec ByEndOfJune = new(DueKind.By, new(2025, 1, 1), new(2025, 6, 30));
    static readonly DueSpec AllYear = new(DueKind.Continuous, new(2025, 1, 1), new(2025, 12, 31));
    static readonly DateOnly Before = new(2025, 3, 14);
    static readonly DateOnly After = new(2025, 9, 14);

    [Fact]
    public void EveryOwingAgencyDone_IsDone() =>
        ActivityProgress.Aggregate([S.Done, S.Done, S.Done], ByEndOfJune, After).Should().Be(S.Done);

    [Fact]
    public void EveryAgencyDone_OneLate_IsDoneLate() =>
        ActivityProgress.Aggregate([S.Done, S.DoneLate], ByEndOfJune, After).Should().Be(S.DoneLate);

    [Fact]
    public void OneAgencyOfThreeNotDone_BeforeDue_IsInProgress() =>
        ActivityProgress.Aggregate([S.Done, S.Done, S.NotStarted], ByEndOfJune, Before).Should().Be(S.InProgress);

    [Fact]
    public void OneAgencyNotDone_PastDue_IsOverdue() =>
        ActivityProgress.Aggregate([S.Done, S.Overdue], ByEndOfJune, After).Should().Be(S.Overdue);

    [Fact]
    public void NobodyStarted_BeforeDue_IsNotStarted() =>
        ActivityProgress.Aggregate([S.NotStarted, S.NotStarted], ByEndOfJune, Before).Should().Be(S.NotStarted);

    [Fact]
    public void NobodyOwesIt_BeforeDue_IsNotStarted_AndPastDue_IsOverdue()
    {
        ActivityProgress.Aggregate([], ByEndOfJune, Before).Should().Be(S.NotStarted);
        ActivityProgress.Aggregate([], ByEndOfJune, After).Should().Be(S.Overdue);
    }

    [Fact]
    public void ContinuousWork_NeverOverdue_InProgressWhenAnyStarted() =>
        ActivityProgress.Aggregate([S.InProgress, S.NotStarted], AllYear, After).Should().Be(S.InProgress);

    [Fact]
    public void AnAgencyThatDecidedNotToDoIt_IsSetAside() =>
        ActivityProgress.Aggregate([S.Done, S.NotDone], ByEndOfJune, After).Should().Be(S.Done);

    [Fact]
    public void EveryAgencyDecidedNotToDoIt_IsNotDone() =>
        ActivityProgress.Aggregate([S.NotDone, S.NotDone], ByEndOfJune, After).Should().Be(S.NotDone);

    [Fact]
    public void AgencyState_NotReportedPastDue_IsOverdue_AndReportedDoneIsDone()
    {
        ActivityProgress.OfAgency(null, ByEndOfJune, After).Should().Be(S.Overdue);
        ActivityProgress.OfAgency(new(ReportedStatus.Done, new(2025, 5, 1)), ByEndOfJune, After).Should().Be(S.Done);
    }

    [Fact]
    public void AsOf_IsTheCutOff_OnceThePeriodHasEnded_AndTodayBefore()
    {
        ActivityProgress.AsOf(new(2025, 3, 14), new(2026, 11, 1)).Should().Be(new DateOnly(2025, 3, 14));
        ActivityProgress.AsOf(new(2025, 3, 14), new(2025, 2, 1)).Should().Be(new DateOnly(2025, 2, 1));
    }
}
