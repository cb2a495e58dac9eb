using FluentAssertions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Tests;

/// <summary>Deadline cells naming several periods: one window from the first start to the last end, the parts kept.</summary>
public class DuePeriodsTests
{
    [Theory]
    [InlineData("Quý I Quý IV", "during", "2022-01-01", "2022-12-31", "2022-01-01..2022-03-31|2022-10-01..2022-12-31")]
    [InlineData("Quý I, Quý III", "during", "2022-01-01", "2022-09-30", "2022-01-01..2022-03-31|2022-07-01..2022-09-30")]
    [InlineData("Quý II, III", "during", "2022-04-01", "2022-09-30", "2022-04-01..2022-06-30|2022-07-01..2022-09-30")]
    [InlineData("Tháng 6 và tháng 12", "by", "2022-06-01", "2022-12-31", "2022-06-01..2022-06-30|2022-12-01..2022-12-31")]
    [InlineData("Tháng 6, tháng 12 năm 2023", "by", "2023-06-01", "2023-12-31", "2023-06-01..2023-06-30|2023-12-01..2023-12-31")]
    [InlineData("Quý I/2022; Quý III/2022", "during", "2022-01-01", "2022-09-30", "2022-01-01..2022-03-31|2022-07-01..2022-09-30")]
    [InlineData("Quý IV/2022; Quý I/2023", "during", "2022-10-01", "2023-03-31", "2022-10-01..2022-12-31|2023-01-01..2023-03-31")]
    [InlineData("6 tháng đầu năm và 6 tháng cuối năm", "during", "2022-01-01", "2022-12-31", "2022-01-01..2022-06-30|2022-07-01..2022-12-31")]
    [InlineData("Quý I và Quý III/2023", "during", "2023-01-01", "2023-09-30", "2023-01-01..2023-03-31|2023-07-01..2023-09-30")]
    public void SeveralPeriods_OneWindow_PartsKept(string text, string kind, string start, string end, string parts)
    {
        var due = DueParser.Parse(text, 2022);

        due.Kind.Should().Be(kind);
        due.Start.Should().Be(DateOnly.Parse(start));
        due.End.Should().Be(DateOnly.Parse(end));
        due.Text.Should().Be(text);
        string.Join("|", due.Parts!.Select(p => $"{p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}")).Should().Be(parts);
    }

    [Theory]
    [InlineData("Quý I – Quý IV", "2022-01-01", "2022-12-31")]
    [InlineData("Quý I-IV", "2022-01-01", "2022-12-31")]
    [InlineData("6 tháng đầu năm", "2022-01-01", "2022-06-30")]
    [InlineData("Quý II", "2022-04-01", "2022-06-30")]
    public void OnePeriodOrRange_OneWindow_NoParts(string text, string start, string end)
    {
        var due = DueParser.Parse(text, 2022);

        due.Kind.Should().Be("during");
        (due.Start, due.End).Should().Be((DateOnly.Parse(start), DateOnly.Parse(end)));
        due.Parts.Should().BeNull();
    }

    [Theory]
    [InlineData("Tháng 6", 2024, "2024-06-01", "2024-06-30")]
    [InlineData("Trước 31/3", 2024, null, "2024-03-31")]
    [InlineData("Quý III", 2021, "2021-07-01", "2021-09-30")]
    public void DeadlineWithoutYear_TakesThePlansYear(string text, int planYear, string? start, string end)
    {
        var due = DueParser.Parse(text, planYear);

        due.Start.Should().Be(start is null ? null : DateOnly.Parse(start));
        due.End.Should().Be(DateOnly.Parse(end));
    }

    [Fact]
    public void Parts_AreWrittenInJsonOnlyWhenPresent()
    {
        var one = PlanJsonSerializer.Serialize(new PlanJson { Activities = [new PlanActivity { Due = DueParser.Parse("Quý II", 2022) }] });
        var two = PlanJsonSerializer.Serialize(new PlanJson { Activities = [new PlanActivity { Due = DueParser.Parse("Quý I, Quý III", 2022) }] });

        one.Should().NotContain("\"parts\"");
        two.Should().Contain("\"parts\"");
        PlanJsonSerializer.Deserialize(two)!.Activities[0].Due.Should().Be(DueParser.Parse("Quý I, Quý III", 2022));
    }
}
