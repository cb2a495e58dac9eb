using FluentAssertions;
using ParTrack.Domain.Inspections;

namespace ParTrack.Domain.Tests.Inspections;

public class RemediesTests
{
    static readonly DateOnly Concluded = new(2025, 6, 10);
    static readonly DateOnly Deadline = Remedies.DeadlineFor(Concluded, Remedies.DefaultDays);

    [Fact]
    public void Deadline_IsTheConclusionDatePlusTheConfiguredDays()
    {
        Deadline.Should().Be(new DateOnly(2025, 6, 25));
        Remedies.DeadlineFor(Concluded, 30).Should().Be(new DateOnly(2025, 7, 10));
    }

    [Theory]
    [InlineData(RemedyStatus.Open, 25, false)]
    [InlineData(RemedyStatus.Open, 26, true)]
    [InlineData(RemedyStatus.Returned, 26, true)]
    [InlineData(RemedyStatus.Reported, 26, false)]
    [InlineData(RemedyStatus.Verified, 26, false)]
    public void Overdue_OnlyWhileTheUnitOwesTheRemedyAfterTheDeadline(RemedyStatus status, int juneDay, bool overdue)
    {
        Remedies.IsOverdue(new(Deadline, status, null), new(2025, 6, juneDay)).Should().Be(overdue);
    }

    [Fact]
    public void DaysOverdue_CountsFromTheDeadline()
    {
        Remedies.DaysOverdue(new(Deadline, RemedyStatus.Open, null), new(2025, 7, 5)).Should().Be(10);
    }

    [Fact]
    public void Rate_IsVerifiedOnTimeOverDue()
    {
        var day = new DateOnly(2025, 7, 1);
        var rate = Remedies.Rate(
        [
            new(Deadline, RemedyStatus.Verified, new(2025, 6, 20)),   // on time
            new(Deadline, RemedyStatus.Verified, new(2025, 6, 28)),   // late
            new(Deadline, RemedyStatus.Open, null),                   // overdue
            new(Deadline, RemedyStatus.Reported, new(2025, 6, 24)),   // not verified yet
            new(new(2025, 8, 1), RemedyStatus.Open, null),            // not due
        ], day);
        rate.Should().Be(new RemedyRate(4, 1, 25.0m));
    }

    [Fact]
    public void Rate_CountsARemedyVerifiedBeforeItsDeadline()
    {
        Remedies.Rate([new(new(2025, 8, 1), RemedyStatus.Verified, new(2025, 7, 1))], new(2025, 7, 2))
            .Should().Be(new RemedyRate(1, 1, 100m));
    }

    [Fact]
    public void Rate_WithNothingDue_HasNoPercent()
    {
        Remedies.Rate([new(new(2025, 8, 1), RemedyStatus.Open, null)], new(2025, 7, 2)).Percent.Should().BeNull();
    }
}
