using FluentAssertions;
using ParTrack.Domain.Reporting;

namespace ParTrack.Domain.Tests.Reporting;

public class ReportingPeriodTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(ReportingPeriodKind.Q1, 3)]
    [InlineData(ReportingPeriodKind.SixMonths, 6)]
    [InlineData(ReportingPeriodKind.Q3, 9)]
    [InlineData(ReportingPeriodKind.Year, 12)]
    public void Decree09_WindowRunsFrom15DecemberToThe14thOfTheLastMonth(ReportingPeriodKind kind, int lastMonth)
    {
        var p = ReportingPeriods.Default(2025, kind, ReportingCalendar.Decree09);

        p.DataFrom.Should().Be(D(2024, 12, 15));
        p.DataTo.Should().Be(D(2025, lastMonth, 14));
        p.Deadline.Should().Be(D(2025, lastMonth, 18));
        p.Year.Should().Be(2025);
        p.Kind.Should().Be(kind);
    }

    [Fact]
    public void ProvinceCalendar_CutOffOn4th_SubmitBy10th()
    {
        var calendar = new ReportingCalendar(CutOffDay: 4, SubmitDay: 10);

        var q1 = ReportingPeriods.Default(2025, ReportingPeriodKind.Q1, calendar);
        var year = ReportingPeriods.Default(2025, ReportingPeriodKind.Year, calendar);

        q1.DataFrom.Should().Be(D(2024, 12, 5));
        q1.DataTo.Should().Be(D(2025, 3, 4));
        q1.Deadline.Should().Be(D(2025, 3, 10));
        year.DataFrom.Should().Be(D(2024, 12, 5));
        year.DataTo.Should().Be(D(2025, 12, 4));
        year.Deadline.Should().Be(D(2025, 12, 10));
    }

    [Fact]
    public void ForYear_GivesTheFourPeriodicReportsInOrder()
    {
        var periods = ReportingPeriods.ForYear(2026, ReportingCalendar.Decree09);

        periods.Select(p => p.Kind).Should().Equal(
            ReportingPeriodKind.Q1, ReportingPeriodKind.SixMonths, ReportingPeriodKind.Q3, ReportingPeriodKind.Year);
        periods.Select(p => p.Title).Should().Equal("Quý I/2026", "6 tháng/2026", "9 tháng/2026", "Năm 2026");
    }

    [Fact]
    public void DefaultCalendar_IsValid()
    {
        ReportingCalendar.Decree09.Validate().Should().BeEmpty();
        ReportingCalendar.Decree09.Should().Be(new ReportingCalendar(14, 18));
    }

    [Theory]
    [InlineData(0, 10, "CutOffDay")]
    [InlineData(29, 20, "CutOffDay")]
    [InlineData(14, 31, "SubmitDay")]
    [InlineData(14, 10, "SubmitDay")]
    public void InvalidCalendar_IsReportedInVietnamese(int cutOff, int submit, string field)
    {
        var errors = new ReportingCalendar(cutOff, submit).Validate();

        errors.Should().ContainSingle().Which.Field.Should().Be(field);
        errors[0].Message.Should().MatchRegex("ngày|Ngày");
    }

    [Fact]
    public void SubmitBeforeCutOff_MessageNamesBothDays()
    {
        var error = new ReportingCalendar(14, 10).Validate().Single();

        error.Message.Should().Contain("ngày 10").And.Contain("ngày 14");
    }

    [Fact]
    public void Default_RefusesAdHocAndInvalidCalendar()
    {
        var adHoc = () => ReportingPeriods.Default(2025, ReportingPeriodKind.AdHoc, ReportingCalendar.Decree09);
        var invalid = () => ReportingPeriods.Default(2025, ReportingPeriodKind.Q1, new ReportingCalendar(30, 30));

        adHoc.Should().Throw<ArgumentException>();
        invalid.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AdHoc_WithItsOwnWindowAndDeadline()
    {
        var (period, errors) = ReportingPeriods.AdHoc(2025, D(2025, 1, 1), D(2025, 4, 30), D(2025, 5, 5));

        errors.Should().BeEmpty();
        period!.Kind.Should().Be(ReportingPeriodKind.AdHoc);
        period.Deadline.Should().Be(D(2025, 5, 5));
        period.Title.Should().Be("Đột xuất");
    }

    [Fact]
    public void AdHoc_DeadlineBeforeEndOfData_IsRefused()
    {
        var (period, errors) = ReportingPeriods.AdHoc(2025, D(2025, 1, 1), D(2025, 4, 30), D(2025, 4, 29));

        period.Should().BeNull();
        errors.Should().ContainSingle().Which.Field.Should().Be("Deadline");
    }

    [Fact]
    public void AdHoc_WindowBackwards_IsRefused()
    {
        var (period, errors) = ReportingPeriods.AdHoc(2025, D(2025, 5, 1), D(2025, 4, 30), D(2025, 5, 5));

        period.Should().BeNull();
        errors.Select(e => e.Field).Should().Contain("DataTo");
    }

    [Theory]
    [InlineData(1, 10, ReportingPeriodKind.Q1)]
    [InlineData(3, 18, ReportingPeriodKind.Q1)]        // deadline day still belongs to Q1
    [InlineData(3, 19, ReportingPeriodKind.SixMonths)]
    [InlineData(9, 18, ReportingPeriodKind.Q3)]
    [InlineData(12, 18, ReportingPeriodKind.Year)]
    [InlineData(12, 30, ReportingPeriodKind.Year)]     // after the last deadline: still chasing the year report
    public void Current_IsTheFirstPeriodWhoseDeadlineHasNotPassed(int month, int day, ReportingPeriodKind expected)
    {
        var periods = ReportingPeriods.ForYear(2025, ReportingCalendar.Decree09);

        ReportingPeriods.Current(periods, D(2025, month, day))!.Kind.Should().Be(expected);
    }

    [Fact]
    public void Current_OfNoPeriods_IsNull()
    {
        ReportingPeriods.Current([], D(2025, 1, 1)).Should().BeNull();
    }
}
