using FluentAssertions;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Domain.Tests.Satisfaction;

public class SatisfactionIndexTests
{
    static readonly SurveyFactor[] Factors =
    [
        new("access", "Tiếp cận dịch vụ", ["q1", "q2"]),
        new("staff", "Công chức", ["q3"]),
    ];

    static IndexFormula Formula(decimal access = 1, decimal staff = 1, int min = 1) =>
        new("test-v1", new Dictionary<string, decimal> { ["access"] = access, ["staff"] = staff }, min);

    static Response R(string unit, int q1, int q2, int q3) =>
        new(unit, new Dictionary<string, int> { ["q1"] = q1, ["q2"] = q2, ["q3"] = q3 }.Where(p => p.Value != 0).ToDictionary());

    [Fact]
    public void QuestionShare_CountsLevelsFourAndFive_OverTheAnswered()
    {
        var result = SatisfactionIndex.Compute(Factors, Formula(), [R("A", 5, 4, 3), R("A", 4, 2, 0), R("A", 3, 1, 5)]);

        var a = result.Units.Single();
        a.Questions.Should().Equal(
            new QuestionShare("q1", 3, 2, 66.67m),
            new QuestionShare("q2", 3, 1, 33.33m),
            new QuestionShare("q3", 2, 1, 50m));   // the blank q3 is not in the denominator
    }

    [Fact]
    public void Factor_IsTheMeanOfItsQuestions_IndexTheWeightedMean_RoundedOnceAtTheEnd()
    {
        var result = SatisfactionIndex.Compute(Factors, Formula(access: 3, staff: 1), [R("A", 5, 4, 3), R("A", 4, 2, 0), R("A", 3, 1, 5)]);

        var a = result.Units.Single();
        a.Factors.Should().Equal(new FactorShare("access", 50m), new FactorShare("staff", 50m));
        a.Index.Should().Be(50m);

        var uneven = SatisfactionIndex.Compute(Factors, Formula(access: 3, staff: 1), [R("B", 5, 5, 1), R("B", 5, 1, 1), R("B", 1, 1, 5)]);
        // access = (66.666… + 33.333…) / 2 = 50; staff = 33.333…; index = (3×50 + 33.333…) / 4 = 45.8333… → 45.83
        uneven.Units.Single().Index.Should().Be(45.83m);
    }

    [Fact]
    public void Rounding_IsHalfAwayFromZero() => SatisfactionIndex.Round(12.345m).Should().Be(12.35m);

    [Fact]
    public void Weights_ChangeTheIndex_AndTheFormulaTravelsWithTheResult()
    {
        var answers = new[] { R("A", 5, 5, 1), R("A", 5, 5, 1) };   // access 100 %, staff 0 %

        SatisfactionIndex.Compute(Factors, Formula(1, 1), answers).Units.Single().Index.Should().Be(50m);
        var weighted = SatisfactionIndex.Compute(Factors, Formula(4, 1), answers);
        weighted.Units.Single().Index.Should().Be(80m);
        weighted.FormulaVersion.Should().Be("test-v1");
        weighted.FormulaText.Should().Contain("test-v1").And.Contain("4–5");
    }

    [Fact]
    public void UnitsWithTooFewResponses_AreFlaggedAndNotRanked_ButCountForTheProvince()
    {
        var answers = new List<Response>();
        answers.AddRange(Enumerable.Repeat(R("A", 5, 5, 5), 3));
        answers.AddRange(Enumerable.Repeat(R("B", 1, 1, 1), 3));
        answers.Add(R("C", 5, 5, 5));

        var result = SatisfactionIndex.Compute(Factors, Formula(min: 3), answers);

        var c = result.Units.Single(u => u.UnitId == "C");
        c.TooFewResponses.Should().BeTrue();
        c.Rank.Should().BeNull();
        c.Index.Should().Be(100m);
        result.Units.Single(u => u.UnitId == "A").Rank.Should().Be(1);
        result.Units.Single(u => u.UnitId == "B").Rank.Should().Be(2);
        result.Province.Responses.Should().Be(7);
        result.Province.Index.Should().Be(57.14m);   // 4 of 7 satisfied on every question
        result.Spread.Should().Be(new IndexSpread(0m, 100m));
    }

    [Fact]
    public void Ties_ShareARank_AndTopBottomFiveComeFromRankedUnits()
    {
        var units = new[] { ("A", 5), ("B", 5), ("C", 4), ("D", 3), ("E", 2), ("F", 1), ("G", 1) };
        var answers = units.Select(u => R(u.Item1, u.Item2, u.Item2, u.Item2)).ToList();

        var result = SatisfactionIndex.Compute(Factors, Formula(), answers, ["Z"]);

        result.Units.Where(u => u.Rank is not null).Select(u => (u.UnitId, u.Rank)).Should().Equal(
            ("A", 1), ("B", 1), ("C", 1), ("D", 4), ("E", 4), ("F", 4), ("G", 4));
        result.Units.Single(u => u.UnitId == "Z").Should().Match<UnitIndex>(z => z.Index == null && z.TooFewResponses && z.Rank == null);
        result.TopFive.Select(u => u.UnitId).Should().Equal("A", "B", "C", "D", "E");
        result.BottomFive.Select(u => u.UnitId).Should().Equal("G", "F", "E", "D", "C");
    }

    [Fact]
    public void Expectations_ShareOfRespondents_IgnoringExtraAndUnknownChoices()
    {
        var shares = Expectations.Shares(["online", "faster", "fees"], 2,
            [["online", "faster"], ["online"], ["online", "fees", "faster"], ["other"], []]);

        // 3 respondents answered; the third's third choice is beyond the limit of 2.
        shares.Should().Equal(new ExpectationShare("online", 3, 100m), new ExpectationShare("faster", 1, 33.33m), new ExpectationShare("fees", 1, 33.33m));
    }

    [Fact]
    public void ParSurveyPoints_AreTheMaximumTimesTheShare()
    {
        ParSurveyPoints.FromPercent(83.94m, 4).Should().Be(3.36m);
        ParSurveyPoints.FromPercent(120m, 4).Should().Be(4m);
        ParSurveyPoints.Describe(83.94m, 4).Should().Be("4 × 83.94% = 3.36");
    }
}
