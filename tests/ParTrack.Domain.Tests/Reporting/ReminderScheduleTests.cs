using FluentAssertions;
using ParTrack.Domain.Reporting;

namespace ParTrack.Domain.Tests.Reporting;

public class ReminderScheduleTests
{
    private const string Subject = "report:period-12:agency-34";
    private static readonly DateOnly Deadline = new(2025, 3, 18);
    private static readonly ReminderSettings ThreeDaysWeekly = new(DaysBefore: 3, OverdueEveryDays: 7);

    private static Reminder? On(int month, int day, ReminderSettings? settings = null) =>
        ReminderSchedule.Due(Subject, Deadline, settings ?? ThreeDaysWeekly, new DateOnly(2025, month, day));

    [Fact]
    public void FourDaysBefore_NothingYet() => On(3, 14).Should().BeNull();

    [Fact]
    public void ThreeDaysBefore_EarlyReminder()
    {
        On(3, 15).Should().Be(new Reminder(ReminderKind.Before, 0, "report:period-12:agency-34|2025-03-18|before"));
    }

    [Fact]
    public void EarlyReminder_HasTheSameKeyOnEveryDayBeforeTheDeadline_SoItIsSentOnce()
    {
        On(3, 17)!.Key.Should().Be(On(3, 15)!.Key);
    }

    [Fact]
    public void DeadlineDay_OnDayReminder()
    {
        On(3, 18).Should().Be(new Reminder(ReminderKind.OnDay, 0, "report:period-12:agency-34|2025-03-18|on-day"));
    }

    [Fact]
    public void FirstWeekOverdue_SharesOneKey()
    {
        var first = On(3, 19);
        var seventh = On(3, 25);

        first.Should().Be(new Reminder(ReminderKind.Overdue, 1, "report:period-12:agency-34|2025-03-18|overdue-1"));
        seventh!.Key.Should().Be(first!.Key);
        seventh.DaysOverdue.Should().Be(7);
    }

    [Fact]
    public void EighthDayOverdue_StartsTheSecondRound()
    {
        On(3, 26)!.Key.Should().EndWith("|overdue-2");
        On(4, 1)!.Key.Should().EndWith("|overdue-2");   // 13 days left in March + 1 = 14 days overdue
        On(4, 2)!.Key.Should().EndWith("|overdue-3");   // 15 days overdue
    }

    [Fact]
    public void OverdueOnce_NeverRepeats()
    {
        var once = new ReminderSettings(DaysBefore: 3, OverdueEveryDays: 0);

        On(4, 30, once)!.Key.Should().EndWith("|overdue-1");
        On(3, 19, once)!.Key.Should().Be(On(4, 30, once)!.Key);
    }

    [Fact]
    public void NoEarlyReminder_WhenDaysBeforeIsZero()
    {
        On(3, 17, new ReminderSettings(DaysBefore: 0)).Should().BeNull();
    }

    [Fact]
    public void MovedDeadline_StartsAFreshSeries()
    {
        var moved = ReminderSchedule.Due(Subject, new DateOnly(2025, 3, 20), ThreeDaysWeekly, new DateOnly(2025, 3, 18));

        moved!.Kind.Should().Be(ReminderKind.Before);
        moved.Key.Should().NotBe(On(3, 17)!.Key);
    }

    [Fact]
    public void DifferentSubjects_HaveDifferentKeys()
    {
        var other = ReminderSchedule.Due("report:period-12:agency-35", Deadline, ThreeDaysWeekly, Deadline);

        other!.Key.Should().NotBe(On(3, 18)!.Key);
    }

    [Fact]
    public void EmptySubject_IsABug()
    {
        var act = () => ReminderSchedule.Due(" ", Deadline, ThreeDaysWeekly, Deadline);

        act.Should().Throw<ArgumentException>();
    }
}
