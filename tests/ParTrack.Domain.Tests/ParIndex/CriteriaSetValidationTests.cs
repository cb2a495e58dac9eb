using FluentAssertions;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

public class CriteriaSetValidationTests
{
    private static CriteriaSet OneArea(params ParSubCriterion[] subs) =>
        new(2025, "G", "t", [new ParArea("1", "A", [new ParCriterion("1.1", "C", subs)])]);

    [Fact]
    public void DuplicateCode_IsReported()
    {
        var set = OneArea(new ParSubCriterion("1.1.1", "a", 50, new RangeScoring()), new ParSubCriterion("1.1.1", "b", 50, new RangeScoring()));

        CriteriaSetValidation.Validate(set).Should().ContainSingle().Which.Message.Should().Contain("Mã 1.1.1 bị trùng");
    }

    [Fact]
    public void LevelAboveMax_IsReported()
    {
        var set = OneArea(new ParSubCriterion("1.1.1", "a", 100, new LevelsScoring([0, 50, 150])));

        CriteriaSetValidation.Validate(set).Should().ContainSingle().Which.Message.Should().Contain("Mức điểm 150");
    }

    [Fact]
    public void RatioThresholdAbove100Percent_IsReported()
    {
        var set = OneArea(new ParSubCriterion("1.1.1", "a", 100, new RatioScoring([new(1.5m, 1)])));

        CriteriaSetValidation.Validate(set).Should().ContainSingle().Which.Field.Should().Be("1.1.1");
    }

    [Fact]
    public void ZeroMax_IsReported()
    {
        var set = OneArea(new ParSubCriterion("1.1.1", "a", 100, new RangeScoring()), new ParSubCriterion("1.1.2", "b", 0, new RangeScoring()));

        CriteriaSetValidation.Validate(set).Should().ContainSingle().Which.Field.Should().Be("1.1.2");
    }

    [Fact]
    public void EmptySet_IsReported() =>
        CriteriaSetValidation.Validate(new CriteriaSet(2025, "G", "t", [])).Should().ContainSingle()
            .Which.Message.Should().Contain("chưa có lĩnh vực");

    [Fact]
    public void SoundSet_HasNoErrors() =>
        CriteriaSetValidation.Validate(OneArea(new ParSubCriterion("1.1.1", "a", 100, new RangeScoring()))).Should().BeEmpty();
}
