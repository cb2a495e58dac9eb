using FluentAssertions;
using ParTrack.Import.Layouts;

namespace ParTrack.Import.Tests;

// 004: a news summary of Sơn La's 2025 plan. Areas are the "<area>: …" paragraphs; targets are the
// clauses that commit to something. Expected values typed from the seed.
public class Seed004Tests
{
    private static readonly Lazy<(List<PlanTarget> Targets, PlanBody Plan)> Read = new(() =>
    {
        var doc = ProseSeeds.Read(ProseSeeds.SonLaNews);
        return (ProseReader.ReadBodyTargets(doc, 2025, []), ProseReader.ReadProsePlan(doc, 2025, []));
    });

    [Fact]
    public void Areas_AreTheSevenAreaParagraphs()
    {
        Read.Value.Plan.Areas.Should().Equal(
            new PlanArea("I", "Công tác chỉ đạo, điều hành"),
            new PlanArea("II", "Cải cách thể chế"),
            new PlanArea("III", "Cải cách thủ tục hành chính (TTHC)"),
            new PlanArea("IV", "Cải cách tổ chức bộ máy hành chính nhà nước"),
            new PlanArea("V", "Cải cách chế độ công vụ"),
            new PlanArea("VI", "Cải cách tài chính công"),
            new PlanArea("VII", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"));
        Read.Value.Plan.Tasks.Should().BeEmpty();
    }

    [Fact]
    public void Targets_AreTheCommitmentsOfEachArea_WithoutCodes()
    {
        var targets = Read.Value.Targets;
        targets.Should().OnlyContain(t => t.Code == null);
        var expected = new (string Area, string Start)[]
        {
            ("I", "Phấn đấu hoàn thành các mục tiêu, nhiệm vụ"),
            ("I", "Thực hiện kiểm tra trực tiếp về công tác CCHC trên 30%"),
            ("II", "Phấn đấu 100% văn bản quy phạm pháp luật"),
            ("III", "Số hóa hồ sơ giải quyết thủ tục hành chính"),
            ("V", "100% các cơ quan hành chính, đơn vị sự nghiệp"),
            ("VI", "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách"),
            ("VI", "Trên 80% số cơ sở nhà, đất"),
            ("VI", "Phấn đấu thu nội địa năm 2025 tăng khoảng 8-10%"),
            ("VI", "Phấn đấu thu ngân sách nhà nước cao hơn khoảng 5%"),
            ("VI", "Chỉ số công khai POBI năm 2025 tăng điểm và tăng hạng"),
            ("VI", "Đến hết năm 2025, toàn tỉnh Sơn La có khoảng 4.000 doanh nghiệp"),
            ("VII", "Phấn đấu vị trí xếp hạng chuyển đổi số (DTI)"),
        };
        targets.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            targets[i].Area.Should().Be(expected[i].Area, "target {0}", i);
            targets[i].Text.Should().StartWith(expected[i].Start);
        }
    }

    [Fact]
    public void PassiveClauses_StayWithTheirSubject()
    {
        Read.Value.Targets.Single(t => t.Area == "II").Text.Should().Be(
            "Phấn đấu 100% văn bản quy phạm pháp luật được cụ thể hóa hoặc triển khai kịp thời; được rà soát, sửa đổi, " +
            "bổ sung, phù hợp; được kiểm tra kịp thời theo quy định");
    }

    [Fact]
    public void IntroductionAndTaskOnlyParagraphs_GiveNoTargets()
    {
        Read.Value.Targets.Should().NotContain(t => t.Text.Contains("40 chỉ tiêu"));
        Read.Value.Targets.Should().NotContain(t => t.Area == "IV"); // "giảm tối đa" is a task, not a number to reach
    }
}

public class Seed004MeasureTests
{
    private static readonly Lazy<List<PlanTarget>> Targets = new(() =>
        ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.SonLaNews), 2025, []));

    private static PlanTarget Starting(string start) => Targets.Value.Single(t => t.Text.StartsWith(start));

    [Fact]
    public void Digitisation_OneFloorPerLevel() =>
        Starting("Số hóa hồ sơ").Measures.Should().Equal(
            new Measure(Levels.Province, Comparators.AtLeast, 90, "%"),
            new Measure(Levels.District, Comparators.AtLeast, 80, "%"),
            new Measure(Levels.Commune, Comparators.AtLeast, 60, "%"));

    [Fact]
    public void Inspections_MoreThan30Percent() =>
        Starting("Thực hiện kiểm tra trực tiếp").Measures.Should().Equal(new Measure(null, Comparators.AtLeast, 30, "%"));

    [Fact]
    public void Disbursement_90PercentOrMore() =>
        Starting("Thực hiện giải ngân").Measures.Should().Equal(new Measure(null, Comparators.AtLeast, 90, "%"));

    [Fact]
    public void Institutions_100Percent() =>
        Starting("Phấn đấu 100% văn bản").Measures.Should().Equal(new Measure(null, Comparators.AtLeast, 100, "%"));

    [Fact]
    public void PobiRanking_IsTextOnly() =>
        Starting("Chỉ số công khai POBI").Measures.Should().BeEmpty();
}
