using FluentAssertions;
using ParTrack.Features.MyWork;

namespace ParTrack.Tests.MyWork;

public sealed class DeadlineWordingTests
{
    static readonly DateOnly Today = new(2025, 3, 10);

    [Theory]
    [InlineData("by", "2025-03-15", "còn 5 ngày", Urgency.Soon)]
    [InlineData("during", "2025-03-10", "hôm nay", Urgency.Today)]
    // The Domain's DueWording says "còn 1 ngày" (MyWork used to say "ngày mai"; one wording everywhere now).
    [InlineData("by", "2025-03-11", "còn 1 ngày", Urgency.Soon)]
    [InlineData("by", "2025-02-26", "quá hạn 12 ngày", Urgency.Overdue)]
    [InlineData("during", "2025-12-31", "còn 296 ngày", Urgency.Later)]
    [InlineData("continuous", "2025-12-31", "thường xuyên", Urgency.NoDate)]
    [InlineData("event", null, "theo sự kiện", Urgency.NoDate)]
    [InlineData("recurring", "2025-12-31", "định kỳ", Urgency.NoDate)]
    [InlineData("unknown", null, "chưa rõ thời hạn", Urgency.NoDate)]
    public void Describe_SaysTheDeadlineInPlainWords(string kind, string? end, string words, Urgency urgency)
    {
        var result = DeadlineWording.Describe(kind, end is null ? null : DateOnly.Parse(end), Today);

        result.Should().Be(new DeadlineText(words, urgency));
    }

    [Fact]
    public void Describe_DoneActivity_IsNotOverdue()
    {
        DeadlineWording.Describe("by", new DateOnly(2025, 1, 1), Today, done: true).Words.Should().Be("đã hoàn thành");
    }

    [Fact]
    public void Describe_EnglishCulture_UsesTheDomainsEnglishWords()
    {
        var en = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        DeadlineWording.Describe("by", Today.AddDays(-3), Today, culture: en).Should().Be(new DeadlineText("3 days overdue", Urgency.Overdue));
        DeadlineWording.Describe("by", Today, Today, done: true, culture: en).Words.Should().Be("done");
    }

    [Fact]
    public void Describe_FourteenDaysAhead_IsStillSoon_FifteenIsLater()
    {
        DeadlineWording.Describe("by", Today.AddDays(14), Today).Urgency.Should().Be(Urgency.Soon);
        DeadlineWording.Describe("by", Today.AddDays(15), Today).Urgency.Should().Be(Urgency.Later);
    }
}
