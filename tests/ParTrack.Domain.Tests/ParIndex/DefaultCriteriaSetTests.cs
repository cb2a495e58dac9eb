using FluentAssertions;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

public class DefaultCriteriaSetTests
{
    private readonly CriteriaSet set = DefaultCriteriaSet.Build(2025);

    [Fact]
    public void HasTheEightAreasOfTheProvincialIndex()
    {
        set.Areas.Select(a => a.Code).Should().Equal("1", "2", "3", "4", "5", "6", "7", "8");
        set.Areas.Select(a => a.Title).Should().Equal(
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Cải cách thể chế",
            "Cải cách thủ tục hành chính",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            "Cải cách chế độ công vụ",
            "Cải cách tài chính công",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội");
    }

    [Fact]
    public void PointsSumTo100_WithTheDocumentedSplit()
    {
        set.MaxPoints.Should().Be(100);
        set.Areas.Select(a => a.MaxPoints).Should().Equal(10m, 8m, 12m, 8m, 10m, 8m, 12m, 32m);
    }

    [Fact]
    public void IsValid_AndCodesAreUnique()
    {
        CriteriaSetValidation.Validate(set).Should().BeEmpty();
        set.Flatten().Select(i => i.Sub.Code).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void SurveyItems_AreTheFiveOfArea8_WithoutEvidence()
    {
        var survey = set.Flatten().Where(i => i.Sub.IsSurvey).ToList();

        survey.Select(i => i.Sub.Code).Should().Equal("8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.2.2");
        survey.Sum(i => i.Sub.MaxPoints).Should().Be(20);
        survey.Should().OnlyContain(i => !i.Sub.EvidenceRequired);
        set.Flatten().Where(i => !i.Sub.IsSurvey).Should().OnlyContain(i => i.Sub.EvidenceRequired);
    }

    [Fact]
    public void UsesEveryScoringMethod()
    {
        set.Flatten().Select(i => i.Sub.Scoring.GetType()).Distinct().Should().BeEquivalentTo(
            [typeof(RangeScoring), typeof(LevelsScoring), typeof(RatioScoring), typeof(SurveyScoring)]);
    }

    [Fact]
    public void GroupAndYear_AreInTheTitle()
    {
        var districts = DefaultCriteriaSet.Build(2026, "UBND cấp huyện");

        districts.Year.Should().Be(2026);
        districts.Group.Should().Be("UBND cấp huyện");
        districts.Title.Should().Be("Bộ tiêu chí Chỉ số CCHC năm 2026 – UBND cấp huyện");
    }

    [Fact]
    public void PointsAreEditable_AndValidationCatchesAWrongTotal()
    {
        var area1 = set.Areas[0];
        var edited = set with
        {
            Areas = [area1 with { Criteria = [area1.Criteria[0], .. area1.Criteria.Skip(2)] }, .. set.Areas.Skip(1)],
        };

        // Removing criterion 1.2 (1.5 points) leaves 98.5.
        CriteriaSetValidation.Validate(edited).Should().ContainSingle()
            .Which.Message.Should().Contain("98,5").And.Contain("phải bằng 100");
    }

    [Fact]
    public void CopyForYear_KeepsTheTree()
    {
        var copy = set.CopyForYear(2026);

        copy.Year.Should().Be(2026);
        copy.Version.Should().Be(1);
        copy.Areas.Should().BeSameAs(set.Areas);
    }

    [Fact]
    public void FullMarksOnTheDefaultSet_Gives100()
    {
        var full = set.Flatten().ToDictionary(i => i.Sub.Code, i => i.Sub.MaxPoints);
        var unit = new UnitAssessment("U", set.Group, full, SurveyPoints: full);

        ParIndexCalculator.Compute(set, [unit]).Single().Should().Match<UnitResult>(r =>
            r.SelfScore == 80 && r.SurveyPoints == 20 && r.Total == 100 && r.IndexPercent == 100);
    }
}
