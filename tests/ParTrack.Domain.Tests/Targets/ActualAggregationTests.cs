using FluentAssertions;
using ParTrack.Domain.Targets;

namespace ParTrack.Domain.Tests.Targets;

public class ActualAggregationTests
{
    static readonly decimal[] Values = [90m, 100m, 95m];

    [Theory]
    [InlineData(Aggregation.Sum, 285)]
    [InlineData(Aggregation.Mean, 95)]
    [InlineData(Aggregation.Minimum, 90)]
    public void AgencyValues_AggregateByTheMeasuresRule(Aggregation rule, int expected) =>
        ActualAggregation.Aggregate(rule, Values, provinceFigure: 42m).Should().Be(expected);

    [Fact]
    public void ProvinceFigure_IsTheCoordinatorsValue_NotTheAgencies() =>
        ActualAggregation.Aggregate(Aggregation.ProvinceFigure, Values, 97.5m).Should().Be(97.5m);

    [Fact]
    public void NoValues_IsNoFigure() =>
        ActualAggregation.Aggregate(Aggregation.Sum, [], null).Should().BeNull();

    [Fact]
    public void Default_AveragesPercentages_AndCountsTheRest()
    {
        ActualAggregation.Default("%").Should().Be(Aggregation.Mean);
        ActualAggregation.Default("thủ tục").Should().Be(Aggregation.Sum);
    }

    [Theory]
    [InlineData("95", 95)]
    [InlineData("12,5", 12.5)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData("1 234", 1234)]
    public void TryRead_ReadsNumbersAsTyped(string text, double expected)
    {
        ActualAggregation.TryRead(text, out var v).Should().BeTrue();
        v.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("95%")]
    [InlineData("1,2,3")]
    public void TryRead_RefusesWhatIsNotANumber(string text) =>
        ActualAggregation.TryRead(text, out _).Should().BeFalse();

    [Fact]
    public void TryRead_Empty_IsNoValue()
    {
        ActualAggregation.TryRead("  ", out var v).Should().BeTrue();
        v.Should().BeNull();
    }

    [Fact]
    public void Validate_PercentOver100_OrNegativeCount_IsRefusedInVietnamese()
    {
        ActualAggregation.Validate("%", 101, "Chỉ tiêu 1.1").Should().Contain("từ 0 đến 100%");
        ActualAggregation.Validate("thủ tục", -1, "Chỉ tiêu 2.1").Should().Contain("không được âm");
        ActualAggregation.Validate("%", 100, "x").Should().BeNull();
        ActualAggregation.Validate("thủ tục", 0, "x").Should().BeNull();
    }
}
