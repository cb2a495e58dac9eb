using FluentAssertions;
using ParTrack.Import.Layouts;

namespace ParTrack.Import.Tests;

// 003: Lâm Đồng 2021–2025, a prose plan with no framework table. Expected values typed from the seed.
public class Seed003Tests
{
    private static readonly Lazy<(List<PlanTarget> Targets, PlanBody Plan)> Read = new(() =>
    {
        var doc = ProseSeeds.Read(ProseSeeds.LamDong2021);
        return (ProseReader.ReadBodyTargets(doc, 2021, []), ProseReader.ReadProsePlan(doc, 2021, []));
    });

    [Theory]
    // §III: these sentences open with "Thường xuyên" (or "… đơn vị thường xuyên"): continuous over 2021–2025.
    [InlineData("Thường xuyên tổ chức kiểm tra tình hình tuân thủ pháp luật", "continuous")]
    [InlineData("Thường xuyên, kịp thời cập nhật, công khai TTHC", "continuous")]
    [InlineData("Các cơ quan, đơn vị thường xuyên đánh giá, phân loại", "continuous")]
    // "… thường xuyên cập nhật dữ liệu" is how the portal is run, not when it is built; no timing stated.
    [InlineData("Xây dựng Cổng dữ liệu mở của tỉnh", "unknown")]
    // "giai đoạn 2020 - 2025" names a programme, it is not this activity's window.
    [InlineData("Thực hiện nghiêm việc cắt giảm, đơn giản hóa các quy định", "unknown")]
    public void ProseActivity_DueOnlyWhenTheSentenceStatesTiming(string textStart, string kind)
    {
        var doc = ProseSeeds.Read(ProseSeeds.LamDong2021);
        var a = ProseReader.ReadProsePlan(doc, 2021, [], 2025).Activities.Where(x => x.Text.StartsWith(textStart)).Should().ContainSingle().Subject;
        a.Due.Kind.Should().Be(kind);
        if (kind == "continuous")
        {
            a.Due.Start.Should().Be(new DateOnly(2021, 1, 1));
            a.Due.End.Should().Be(new DateOnly(2025, 12, 31));
        }
    }

    [Fact]
    public void Areas_AreTheSevenOfSectionII2_InDocumentOrder_WithCanonicalCodes()
    {
        Read.Value.Plan.Areas.Should().Equal(
            new PlanArea("II", "Cải cách thể chế"),
            new PlanArea("III", "Cải cách thủ tục hành chính"),
            new PlanArea("IV", "Cải cách tổ chức bộ máy"),
            new PlanArea("V", "Cải cách chế độ công vụ"),
            new PlanArea("VI", "Cải cách tài chính công"),
            new PlanArea("VII", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"),
            new PlanArea("I", "Kết quả lãnh đạo, chỉ đạo, điều hành công tác CCHC của tỉnh"));
    }

    public static TheoryData<string, string, string> ExpectedTargets => new()
    {
        { "II.2.1.a", "II", "Thực hiện cải cách thể chế, nâng cao chất lượng" },
        { "II.2.1.b", "II", "Hàng năm, đảm bảo số văn bản quy phạm pháp luật" },
        { "II.2.1.c", "II", "Cơ bản hoàn thiện hệ thống văn bản QPPL" },
        { "II.2.1.d", "II", "Đảm bảo việc tổ chức thi hành pháp luật" },
        { "II.2.2.a", "III", "Đẩy mạnh rà soát, đánh giá thủ tục hành chính" },
        { "II.2.2.b", "III", "Hoàn thành việc đổi mới thực hiện cơ chế một cửa" },
        { "II.2.2.c", "III", "Tối thiểu 80% hồ sơ giải quyết TTHC được luân chuyển" },
        { "II.2.2.d", "III", "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính" },
        { "II.2.2.e", "III", "Năm 2021, số hóa kết quả giải quyết TTHC" },
        { "II.2.2.f", "III", "Tối thiểu 80% TTHC của địa phương có đủ điều kiện" },
        { "II.2.2.g", "III", "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu 90%" },
        { "II.2.2.h", "III", "90% TTHC nội bộ" },
        { "II.2.2.i", "III", "80% người dân, doanh nghiệp khi thực hiện TTHC" },
        { "II.2.3.a", "IV", "Tiếp tục rà soát chức năng, nhiệm vụ" },
        { "II.2.3.b", "IV", "Đẩy mạnh phân cấp quản lý nhà nước" },
        { "II.2.3.c", "IV", "Phân định rõ chức năng" },
        { "II.2.3.d", "IV", "Tham mưu việc sắp xếp thu gọn" },
        { "II.2.3.e", "IV", "Giảm số lượng đơn vị sự nghiệp công lập" },
        { "II.2.4.a", "V", "Xây dựng nền công vụ chuyên nghiệp" },
        { "II.2.4.b", "V", "Tiếp tục thực hiện Chỉ thị số 07/CT-UBND" },
        { "II.2.4.c", "V", "Đến năm 2025: Xây dựng được đội ngũ" },
        { "II.2.5.a", "VI", "Tham mưu đổi mới mạnh mẽ cơ chế phân bổ" },
        { "II.2.5.b", "VI", "Đến năm 2025: Việc phân bổ ngân sách" },
        { "II.2.6.a", "VII", "Xây dựng, hoàn thiện hạ tầng số" },
        { "II.2.6.b", "VII", "Cổng dịch vụ công của tỉnh được kết nối" },
        { "II.2.6.c", "VII", "Hệ thống báo cáo của tỉnh" },
        { "II.2.6.d", "VII", "100% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến" },
        { "II.2.6.e", "VII", "100% hoạt động chỉ đạo, điều hành và quản trị nội bộ" },
        { "II.2.6.f", "VII", "90% hồ sơ công việc tại cấp tỉnh" },
        { "II.2.6.g", "VII", "100% văn bản (trừ văn bản mật" },
        { "II.2.6.h", "VII", "80% dữ liệu quản lý" },
        { "II.2.6.i", "VII", "100% cơ quan nhà nước cấp tỉnh tham gia dữ liệu mở" },
        { "II.2.6.j", "VII", "50% hoạt động kiểm tra" },
        { "II.2.6.k", "VII", "Tối thiểu 70% nội dung chương trình đào tạo" },
        { "II.2.6.l", "VII", "100% cán bộ, công chức, viên chức được tập huấn" },
        { "II.2.6.m", "VII", "Tỉnh Lâm Đồng thuộc nhóm 20 địa phương" },
        { "II.2.7.a", "I", "Chỉ số kết quả chỉ đạo, điều hành CCHC của tỉnh đạt trên 88%" },
        { "II.2.7.b", "I", "Đổi mới phương thức thông tin, tuyên truyền" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTargets))]
    public void Target_HasItsCodeAreaAndText(string code, string area, string textStart)
    {
        var target = Read.Value.Targets.Should().ContainSingle(t => t.Code == code).Subject;
        target.Area.Should().Be(area);
        target.Text.Should().StartWith(textStart);
    }

    [Fact]
    public void Targets_AreExactlyTheSpecificObjectives_NotTheGeneralOnes()
    {
        Read.Value.Targets.Select(t => t.Code).Should().Equal(ExpectedTargets.Select(row => (string)row[0]));
        Read.Value.Targets.Should().NotContain(t => t.Text.StartsWith("Thực hiện thắng lợi")); // §II.1 mục tiêu chung
        Read.Value.Targets.Should().NotContain(t => t.Text == "Đến năm 2025:");
    }

    [Fact]
    public void Target_KeepsTheWholeStatement_AcrossSentences()
    {
        Read.Value.Targets.Single(t => t.Code == "II.2.2.g").Text.Should().Be(
            "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu 90%. Trong đó, mức độ hài lòng " +
            "về giải quyết các TTHC lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 85%.");
    }

    [Fact]
    public void Tasks_AreTheNumberedItemsOfSectionIII_WithTheirAreas()
    {
        var tasks = Read.Value.Plan.Tasks;
        tasks.Select(t => t.Code).Should().Equal(
            "1.1", "1.2",
            "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
            "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
            "4",
            "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
            "6.1", "6.2", "6.3", "6.4", "6.5", "6.6");
        tasks.Where(t => t.Code!.StartsWith("1.")).Should().OnlyContain(t => t.Area == "II");
        tasks.Where(t => t.Code!.StartsWith("2.")).Should().OnlyContain(t => t.Area == "III");
        tasks.Where(t => t.Code!.StartsWith("6.")).Should().OnlyContain(t => t.Area == "VII");
        tasks.Single(t => t.Code == "1.1").Text.Should().Be("Công tác xây dựng pháp luật");
        tasks.Single(t => t.Code == "3.1").Text.Should().Be("Xây dựng, hoàn thiện chính sách, pháp luật về tổ chức bộ máy hành chính nhà nước");
        // §III.4 has bullets but no numbered tasks: they hang from the heading.
        tasks.Single(t => t.Code == "4").Should().BeEquivalentTo(new { Area = "V", Text = "Cải cách chế độ công vụ" });
    }

    [Fact]
    public void Activities_AreTheBulletsUnderEachTask()
    {
        var activities = Read.Value.Plan.Activities;
        activities.Where(a => a.Task == "2.2").Select(a => a.Text[..25]).Should().Equal(
            "Rà soát, đánh giá TTHC tr", "Thực hiện nghiêm việc cắt", "Rà soát, thống kê và đơn ");
        activities.Where(a => a.Task == "1.2").Should().HaveCount(4).And.OnlyContain(a => a.Area == "II");
        activities.Where(a => a.Task == "4").Should().HaveCount(13);
    }

    [Fact]
    public void TaskWithoutBullets_YieldsOneActivityWithTheTaskText()
    {
        var activity = Read.Value.Plan.Activities.Should().ContainSingle(a => a.Task == "5.3").Subject;
        activity.Code.Should().BeNull();
        activity.Text.Should().Be("Tăng cường kiểm tra, kiểm soát các đơn vị sử dụng ngân sách.");
    }

    [Fact]
    public void SectionIV_SolutionsAndSectionV_Responsibilities_AreNotTasks()
    {
        Read.Value.Plan.Activities.Should().NotContain(a => a.Text.StartsWith("Tăng cường vai trò, trách nhiệm, năng lực của các sở"));
        Read.Value.Plan.Tasks.Should().NotContain(t => t.Text.StartsWith("Sở Nội vụ"));
    }
}

/// <summary>Measures of 003's targets, read by hand.</summary>
public class Seed003MeasureTests
{
    private static readonly Lazy<List<PlanTarget>> Targets = new(() =>
        ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.LamDong2021), 2021, []));

    private static List<Measure> MeasuresOf(string code) => Targets.Value.Single(t => t.Code == code).Measures;

    [Fact]
    public void OnlinePayment_HasBothFloors() =>
        MeasuresOf("II.2.2.d").Should().Equal(
            new Measure(null, Comparators.AtLeast, 80, "%"),
            new Measure(null, Comparators.AtLeast, 30, "%"));

    [Fact]
    public void InternalTransfer_AtLeast80Percent() =>
        MeasuresOf("II.2.2.c").Should().Equal(new Measure(null, Comparators.AtLeast, 80, "%"));

    [Fact]
    public void Satisfaction_90AndLand85() =>
        MeasuresOf("II.2.2.g").Should().Equal(
            new Measure(null, Comparators.AtLeast, 90, "%"),
            new Measure(null, Comparators.AtLeast, 85, "%"));

    [Fact]
    public void ElectronicFiles_OneValuePerLevel() =>
        MeasuresOf("II.2.6.f").Should().Equal(
            new Measure(Levels.Province, Comparators.AtLeast, 90, "%"),
            new Measure(Levels.District, Comparators.AtLeast, 80, "%"),
            new Measure(Levels.Commune, Comparators.AtLeast, 60, "%"));

    [Fact]
    public void Direction_AboveEightyEight_And_Satisfaction() =>
        MeasuresOf("II.2.7.a").Should().Equal(
            new Measure(null, Comparators.AtLeast, 88, "%"),
            new Measure(null, Comparators.AtLeast, 90, "%"),
            new Measure(null, Comparators.AtLeast, 85, "%"));

    [Fact]
    public void OnlineTraining_AtLeast70() =>
        MeasuresOf("II.2.6.k").Should().Equal(new Measure(null, Comparators.AtLeast, 70, "%"));

    [Fact]
    public void DigitalSkills_100And50() =>
        MeasuresOf("II.2.6.l").Should().Equal(
            new Measure(null, Comparators.AtLeast, 100, "%"),
            new Measure(null, Comparators.AtLeast, 50, "%"));

    [Fact]
    public void UnquantifiedGoal_HasNoMeasures() =>
        MeasuresOf("II.2.6.b").Should().BeEmpty();
}

public class Seed003ImportTests
{
    [Fact]
    public void Import_ProsePlan_GivesDocumentAreasTargetsAndTasks()
    {
        var result = PlanImporter.Import(ProseSeeds.PathOf(ProseSeeds.LamDong2021));

        result.Plan.Document.Number.Should().Be("2260/QĐ-UBND");
        result.Plan.Document.FromYear.Should().Be(2021);
        result.Plan.Areas.Should().HaveCount(7);
        result.Plan.Targets.Should().HaveCount(38);
        result.Plan.Tasks.Should().HaveCount(27);
        result.Plan.Activities.Should().OnlyContain(a => a.Area != null && a.Task != null);
    }
}
