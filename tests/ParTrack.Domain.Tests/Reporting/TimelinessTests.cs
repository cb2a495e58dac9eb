using FluentAssertions;
using ParTrack.Domain.Reporting;

namespace ParTrack.Domain.Tests.Reporting;

public class TimelinessTests
{
    private static readonly DateOnly Deadline = new(2025, 3, 18);
    private static DateTime Utc(int m, int d, int h, int min = 0) => new(2025, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void SubmittedAt2359OnDeadlineDayInVietnam_IsOnTime()
    {
        // 16:59 UTC = 23:59 in Vietnam.
        var t = Timeliness.Evaluate(Deadline, Utc(3, 18, 16, 59), today: new(2025, 3, 25));

        t.Should().Be(new Timeliness(TimelinessKind.OnTime, 0));
        t.Label.Should().Be("Đúng hạn");
    }

    [Fact]
    public void SubmittedAtMidnightAfterDeadlineInVietnam_IsOneDayLate()
    {
        // 17:00 UTC on the 18th is 00:00 on the 19th in Vietnam.
        var t = Timeliness.Evaluate(Deadline, Utc(3, 18, 17, 0), today: new(2025, 3, 19));

        t.Should().Be(new Timeliness(TimelinessKind.Late, 1));
    }

    [Fact]
    public void SubmittedOnThe17thUtcEvening_IsThe18thInVietnam_OnTime()
    {
        var t = Timeliness.Evaluate(Deadline, Utc(3, 17, 20), today: new(2025, 3, 18));

        t.Kind.Should().Be(TimelinessKind.OnTime);
    }

    [Fact]
    public void SubmittedAWeekLate_IsLateBySevenDays()
    {
        var t = Timeliness.Evaluate(Deadline, Utc(3, 25, 2), today: new(2025, 4, 1));

        t.Should().Be(new Timeliness(TimelinessKind.Late, 7));
        t.Label.Should().Be("Trễ 7 ngày");
    }

    [Fact]
    public void NotSubmitted_OnDeadlineDay_IsNotDueYet()
    {
        var t = Timeliness.Evaluate(Deadline, null, today: Deadline);

        t.Should().Be(new Timeliness(TimelinessKind.NotDueYet, 0));
        t.Label.Should().Be("Chưa đến hạn");
    }

    [Fact]
    public void NotSubmitted_TwoDaysAfterDeadline_IsMissing()
    {
        var t = Timeliness.Evaluate(Deadline, null, today: new(2025, 3, 20));

        t.Should().Be(new Timeliness(TimelinessKind.Missing, 2));
        t.Label.Should().Be("Chưa gửi, quá hạn 2 ngày");
    }

    [Fact]
    public void SubmittedBeforeTheWindowEven_IsOnTime()
    {
        Timeliness.Evaluate(Deadline, Utc(2, 1, 3), today: new(2025, 2, 1)).Kind.Should().Be(TimelinessKind.OnTime);
    }

    [Fact]
    public void LocalTimeInstant_IsABug()
    {
        var act = () => VietnamTime.ToLocalDate(new DateTime(2025, 3, 18, 10, 0, 0, DateTimeKind.Local));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Today_FollowsVietnameseCalendar()
    {
        // 18:00 UTC on 18 March is 01:00 on 19 March in Hà Nội.
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 18, 18, 0, 0, TimeSpan.Zero));

        VietnamTime.Today(clock).Should().Be(new DateOnly(2025, 3, 19));
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public class TimelinessSummaryTests
{
    [Fact]
    public void CountsEachKind_AndSaysItInVietnamese()
    {
        var reports = new[]
        {
            new Timeliness(TimelinessKind.OnTime, 0), new Timeliness(TimelinessKind.OnTime, 0),
            new Timeliness(TimelinessKind.Late, 3), new Timeliness(TimelinessKind.Missing, 2),
            new Timeliness(TimelinessKind.NotDueYet, 0),
        };

        var s = TimelinessSummary.Of(reports);

        s.Should().Be(new TimelinessSummary(Agencies: 5, OnTime: 2, Late: 1, Missing: 1, NotDueYet: 1));
        s.Submitted.Should().Be(3);
        s.Text.Should().Be("3/5 cơ quan đã gửi báo cáo, 1 trễ hạn, 1 quá hạn chưa gửi");
    }

    [Fact]
    public void NothingLate_SaysOnlyTheCount() =>
        TimelinessSummary.Of([new Timeliness(TimelinessKind.OnTime, 0), new Timeliness(TimelinessKind.NotDueYet, 0)])
            .Text.Should().Be("1/2 cơ quan đã gửi báo cáo");
}
