using FluentAssertions;
using ParTrack.Import.Layouts;

namespace ParTrack.Import.Tests;

/// <summary>Goals a news item or summary states in one sentence after "phấn đấu", and goals listed with
/// commas and "và", each become their own target.</summary>
public class NewsTargetsTests
{
    [Fact]
    public void StrivedClauses_SentenceWithTwoGoals_GivesTheGoalsWithoutTheLeadIn()
    {
        var clauses = ProseReader.StrivedClauses(
            "Theo đó, tỉnh phấn đấu năm 2024 có 95% hồ sơ được số hóa; tỷ lệ hài lòng của doanh nghiệp đạt từ 85% trở lên. Kế hoạch giao các sở triển khai.");

        clauses.Should().Equal("95% hồ sơ được số hóa", "Tỷ lệ hài lòng của doanh nghiệp đạt từ 85% trở lên");
    }

    [Fact]
    public void StrivedClauses_GoalsListedWithCommasAndVa_AreThreeTargets()
    {
        var clauses = ProseReader.StrivedClauses(
            "Huyện phấn đấu đến hết năm 2025: tỷ lệ hồ sơ trực tuyến đạt 100%, tỷ lệ hồ sơ đúng hạn đạt trên 90% và tỷ lệ chi trả không dùng tiền mặt đạt 80%.");

        clauses.Should().Equal("Tỷ lệ hồ sơ trực tuyến đạt 100%", "Tỷ lệ hồ sơ đúng hạn đạt trên 90%", "Tỷ lệ chi trả không dùng tiền mặt đạt 80%");
    }

    [Theory]
    [InlineData("với mục đích phấn đấu hoàn thành các nhiệm vụ đề ra đến năm 2025 nhằm xây dựng nền hành chính hiện đại.")]
    [InlineData("trong đó đã đề ra 40 chỉ tiêu phấn đấu, 76 nhiệm vụ cụ thể và 6 giải pháp, gồm:")]
    [InlineData("Ngày 24/12/2022, UBND tỉnh ban hành Kế hoạch số 215/KH-UBND về cải cách hành chính năm 2023.")]
    public void StrivedClauses_NoValueCommitted_GivesNothing(string paragraph) =>
        ProseReader.StrivedClauses(paragraph).Should().BeEmpty();

    [Fact]
    public void SplitListedGoals_ValuesByLevel_StayOneGoal() =>
        ProseReader.SplitListedGoals("Tỷ lệ hồ sơ đúng hạn cấp tỉnh đạt 100%, cấp huyện đạt 95%, cấp xã đạt 90%")
            .Should().ContainSingle();

    [Fact]
    public void SplitListedGoals_CommaInsideOneGoal_IsKept() =>
        ProseReader.SplitListedGoals("Trên 80% số cơ sở nhà, đất được phê duyệt phương án sắp xếp")
            .Should().Equal("Trên 80% số cơ sở nhà, đất được phê duyệt phương án sắp xếp");
}
