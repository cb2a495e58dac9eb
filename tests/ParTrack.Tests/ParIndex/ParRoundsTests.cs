using FluentAssertions;
using ParTrack.Features.ParIndex;

namespace ParTrack.Tests.ParIndex;

public sealed class ParRoundsTests
{
    static RoundInput Input(DateOnly deadline, DateOnly appraisalStart, DateOnly publish, params ParUnitGroup[] groups) =>
        new(2026, "Đợt 2026", deadline, appraisalStart, appraisalStart.AddDays(10), appraisalStart.AddDays(11), appraisalStart.AddDays(15), publish, true, groups);

    [Fact]
    public void Schedule_InOrder_IsAccepted()
    {
        var d = new DateOnly(2026, 12, 15);
        ParRounds.ValidateSchedule(Input(d, d.AddDays(1), d.AddDays(40), ParUnitGroup.Department)).Should().BeEmpty();
    }

    [Fact]
    public void Schedule_OutOfOrder_OrWithoutGroups_IsRefusedWithEachReason()
    {
        var d = new DateOnly(2026, 12, 15);
        ParRounds.ValidateSchedule(Input(d, d.AddDays(-1), d.AddDays(40))).Should().BeEquivalentTo(
        [
            ("Groups", "Hãy chọn ít nhất một nhóm đơn vị được đánh giá."),
            ("AppraisalStart", "Thời gian thẩm định phải bắt đầu sau hạn tự đánh giá."),
        ]);
        ParRounds.ValidateSchedule(Input(d, d.AddDays(1), d.AddDays(2), ParUnitGroup.District))
            .Should().ContainSingle().Which.Should().Be(("PublishOn", "Ngày công bố phải sau thời gian giải trình."));
    }

    [Fact]
    public void Steps_OpenInOrder_AndStopAtBothEnds()
    {
        var round = new ParRound { Stage = RoundStage.Draft };
        ParRounds.Move(round, forward: false).Should().Be("Đợt đánh giá đang ở bước đầu tiên.");
        var seen = new List<RoundStage>();
        while (ParRounds.Move(round, forward: true) is null) seen.Add(round.Stage);
        seen.Should().Equal(RoundStage.SelfAssessment, RoundStage.Appraisal, RoundStage.Clarification, RoundStage.Review, RoundStage.Published);
        ParRounds.Move(round, forward: true).Should().Contain("đã công bố");
        ParRounds.Move(round, forward: false).Should().BeNull();
        round.Stage.Should().Be(RoundStage.Review);
    }
}
