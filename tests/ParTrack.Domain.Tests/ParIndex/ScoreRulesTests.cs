using FluentAssertions;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

public class ScoreRulesTests
{
    private static readonly ParSubCriterion Range2 = new("1.1.1", "t", 2, new RangeScoring());
    private static readonly ParSubCriterion Levels1 = new("1.1.2", "t", 1, new LevelsScoring([0, 0.5m, 1]));
    private static readonly RatioScoring FullOrHalf = new([new(1, 1), new(0.9m, 0.5m)]);
    private static readonly ParSubCriterion Ratio3 = new("1.2.1", "t", 3, FullOrHalf);
    private static readonly ParSubCriterion Survey10 = new("3.1.1", "t", 10, new SurveyScoring());

    [Theory]
    [InlineData(0)]
    [InlineData(1.25)]
    [InlineData(2)]
    public void Range_WithinBounds_IsAccepted(decimal points) => ScoreRules.Validate(Range2, points).Should().BeNull();

    [Fact]
    public void Range_AboveMax_SaysTheBoundsInVietnamese() =>
        ScoreRules.Validate(Range2, 2.5m).Should().Be(
            "Điểm tiêu chí 1.1.1 phải từ 0 đến 2 (đã nhập 2,5). Hãy nhập lại trong khoảng này.");

    [Fact]
    public void Range_Negative_IsRefused() => ScoreRules.Validate(Range2, -1).Should().Contain("phải từ 0 đến 2");

    [Fact]
    public void Range_ThreeDecimals_IsRefused() =>
        ScoreRules.Validate(Range2, 1.255m).Should().Contain("tối đa hai chữ số thập phân").And.Contain("1,255");

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(1)]
    public void Levels_AllowedValue_IsAccepted(decimal points) => ScoreRules.Validate(Levels1, points).Should().BeNull();

    [Fact]
    public void Levels_OtherValue_ListsTheLevels() =>
        ScoreRules.Validate(Levels1, 0.7m).Should().Be(
            "Điểm tiêu chí 1.1.2 phải là một trong các mức: 0; 0,5; 1 (đã nhập 0,7). Hãy chọn một mức trong danh sách.");

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(3)]
    public void Ratio_ValuesTheRuleCanGive_AreAccepted(decimal points) => ScoreRules.Validate(Ratio3, points).Should().BeNull();

    [Fact]
    public void Ratio_OtherValue_ListsWhatTheRuleGives() =>
        ScoreRules.Validate(Ratio3, 2).Should().Contain("chỉ có thể là: 0; 1,5; 3");

    [Fact]
    public void Survey_AboveMax_IsRefused() => ScoreRules.Validate(Survey10, 10.5m).Should().Contain("phải từ 0 đến 10");

    [Theory]
    [InlineData(1.0, 3)]
    [InlineData(0.95, 1.5)]
    [InlineData(0.9, 1.5)]
    [InlineData(0.8999, 0)]
    [InlineData(0, 0)]
    public void Ratio_PointsByThreshold(decimal ratio, decimal expected) =>
        ScoreRules.PointsForRatio(FullOrHalf, 3, ratio).Should().Be(expected);

    [Fact]
    public void Ratio_ThresholdsInAnyOrder_HighestReachedWins()
    {
        var reversed = new RatioScoring([new(0.9m, 0.5m), new(1, 1)]);

        ScoreRules.PointsForRatio(reversed, 3, 1).Should().Be(3);
        ScoreRules.PointsForRatio(reversed, 3, 0.92m).Should().Be(1.5m);
    }

    [Fact]
    public void Ratio_HalfOfAnOddMax_RoundsToTwoDecimals() =>
        // Half of 1.25 is 0.625, a midpoint: away from zero gives 0.63 (banker's rounding would give 0.62).
        ScoreRules.PointsForRatio(FullOrHalf, 1.25m, 0.95m).Should().Be(0.63m);

    [Theory]
    [InlineData(12.345, 12.35)]
    [InlineData(12.335, 12.34)]
    [InlineData(0.005, 0.01)]
    [InlineData(12.344, 12.34)]
    public void Points_RoundHalfAwayFromZero(decimal value, decimal expected) =>
        ParRounding.Points(value).Should().Be(expected);

    [Theory]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(24.69, 200, 12.35)]   // 12.345 exactly: the midpoint goes up
    [InlineData(87.5, 100, 87.5)]
    [InlineData(5, 0, 0)]
    public void Index_IsRoundedToTwoDecimals(decimal earned, decimal max, decimal expected) =>
        ParRounding.Index(earned, max).Should().Be(expected);
}
