using System.Globalization;
using FluentAssertions;
using ParTrack.Domain.Activities;

namespace ParTrack.Domain.Tests.Activities;

public class DueWordingTests
{
    private static readonly DateOnly Today = new(2025, 3, 15);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static DueSpec By(int month, int day) => new(DueKind.By, null, new DateOnly(2025, month, day));

    [Fact]
    public void FiveDaysAhead() =>
        DueWording.Describe(By(3, 20), Today).Should().Be(new DueCountdown(DueState.Upcoming, 5, "còn 5 ngày"));

    [Fact]
    public void DueToday() =>
        DueWording.Describe(By(3, 15), Today).Should().Be(new DueCountdown(DueState.Today, 0, "hôm nay"));

    [Fact]
    public void TwelveDaysOverdue() =>
        DueWording.Describe(By(3, 3), Today).Should().Be(new DueCountdown(DueState.Overdue, 12, "quá hạn 12 ngày"));

    [Fact]
    public void Window_CountsToItsEnd()
    {
        var q2 = new DueSpec(DueKind.During, new(2025, 4, 1), new(2025, 6, 30));

        // 16 days left in March after the 15th + 30 in April + 31 in May + 30 in June = 107.
        DueWording.Describe(q2, Today).Text.Should().Be("còn 107 ngày");
    }

    [Theory]
    [InlineData(DueKind.Continuous, "thường xuyên")]
    [InlineData(DueKind.Recurring, "định kỳ")]
    [InlineData(DueKind.Event, "theo sự kiện")]
    [InlineData(DueKind.Unknown, "chưa rõ thời hạn")]
    public void KindsWithoutADeadline(DueKind kind, string text)
    {
        // Continuous and recurring carry the plan year as dates in plan JSON; the words ignore them.
        var due = new DueSpec(kind, new(2025, 1, 1), new(2025, 12, 31));

        DueWording.Describe(due, Today).Should().Be(new DueCountdown(DueState.NoDate, 0, text));
    }

    [Fact]
    public void DeadlineKindWithoutEnd_IsUnknown() =>
        DueWording.Describe(new DueSpec(DueKind.By, null, null), Today).Text.Should().Be("chưa rõ thời hạn");

    [Theory]
    [InlineData(3, 20, "5 days left")]
    [InlineData(3, 16, "1 day left")]
    [InlineData(3, 15, "due today")]
    [InlineData(3, 14, "1 day overdue")]
    [InlineData(3, 3, "12 days overdue")]
    public void English_Deadlines(int month, int day, string text) =>
        DueWording.Describe(By(month, day), Today, English).Text.Should().Be(text);

    [Theory]
    [InlineData(DueKind.Continuous, "ongoing")]
    [InlineData(DueKind.Recurring, "recurring")]
    [InlineData(DueKind.Event, "when the event occurs")]
    [InlineData(DueKind.Unknown, "no deadline set")]
    public void English_Kinds(DueKind kind, string text) =>
        DueWording.Describe(new DueSpec(kind, null, null), Today, English).Text.Should().Be(text);

    [Fact]
    public void VietnameseCulture_IsVietnamese() =>
        DueWording.Describe(By(3, 20), Today, CultureInfo.GetCultureInfo("vi-VN")).Text.Should().Be("còn 5 ngày");
}
