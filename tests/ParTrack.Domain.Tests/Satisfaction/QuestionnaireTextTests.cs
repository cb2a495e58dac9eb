using FluentAssertions;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Domain.Tests.Satisfaction;

public class QuestionnaireTextTests
{
    [Fact]
    public void Parse_FactorsWeightsAndThreeKinds_RoundTripsThroughFormat()
    {
        const string text = """
            # access [2]: Tiếp cận dịch vụ
            P p1: Nơi tiếp nhận dễ tìm.
            S s1: Hài lòng về tiếp cận?
            # expect: Mong đợi
            E2 e1: Cải thiện gì? | Nhanh hơn | Ít giấy tờ | Trực tuyến
            """;

        var (parsed, errors) = QuestionnaireText.Parse(text);

        errors.Should().BeEmpty();
        parsed!.Weights.Should().Equal(new Dictionary<string, decimal> { ["access"] = 2m, ["expect"] = 1m });
        var e1 = parsed.Questionnaire.Questions.Single(q => q.Key == "e1");
        e1.Kind.Should().Be(QuestionKind.Expectation);
        e1.MaxChoices.Should().Be(2);
        e1.Options.Should().Equal("Nhanh hơn", "Ít giấy tờ", "Trực tuyến");
        parsed.Questionnaire.IndexFactors().Should().ContainSingle().Which.QuestionKeys.Should().Equal("s1");
        QuestionnaireText.Parse(QuestionnaireText.Format(parsed.Questionnaire, parsed.Weights)).Result!.Questionnaire.ToJson()
            .Should().Be(parsed.Questionnaire.ToJson());
    }

    [Fact]
    public void Parse_BadLines_AreReportedWithTheirNumbers_AndNothingIsReturned()
    {
        var (parsed, errors) = QuestionnaireText.Parse("S s0: trước yếu tố\n# a: A\nS s1: ok\nhello\nE5 e1: Chọn | Một | Hai\nS s1: trùng");

        parsed.Should().BeNull();
        errors.Should().Contain(e => e.StartsWith("Dòng 1:"))
            .And.Contain(e => e.StartsWith("Dòng 4:"))
            .And.Contain(e => e.Contains("e1") && e.Contains("từ 1 đến 2"))
            .And.Contain(e => e.Contains("\"s1\" bị trùng"));
    }

    [Fact]
    public void Parse_WithoutASatisfactionQuestion_IsRefused() =>
        QuestionnaireText.Parse("# a: A\nP p1: Chỉ nhận định").Errors.Should().ContainSingle().Which.Should().Contain("hài lòng");

    [Fact]
    public void Sipas_IsAValidStartingQuestionnaire_WithFiveIndexFactors()
    {
        Questionnaire.Sipas().Problems().Should().BeEmpty();
        Questionnaire.Sipas().IndexFactors().Should().HaveCount(5);
        Questionnaire.Parse(Questionnaire.Sipas().ToJson()).ToJson().Should().Be(Questionnaire.Sipas().ToJson());
    }
}
