using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Layouts.Prose;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

// Body targets of 000 §II and 002 §II "CÁC CHỈ TIÊU CHỦ YẾU". Expected values typed from the seeds.
public class BodyTargetsTests
{
    private static readonly Lazy<List<PlanTarget>> HaTinh2025 = new(() =>
        ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.HaTinh2025), 2025, []));

    private static readonly Lazy<List<PlanTarget>> HaTinh2024 = new(() =>
        ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.HaTinh2024Draft), 2024, []));

    public static TheoryData<string, string, string> Expected2025 => new()
    {
        { "II.1.1", "I", "100% các Sở, ban, ngành cấp tỉnh, các cơ quan Trung ương" },
        { "II.1.2", "I", "Tối thiểu 35% cơ quan, đơn vị được kiểm tra CCHC trong năm 2025" },
        { "II.1.3", "I", "Phấn đấu ít nhất có 03 sáng kiến" },
        { "II.2.1", "II", "Phấn đấu 100% nội dung được Luật" },
        { "II.2.2", "II", "Phấn đấu 100% văn bản QPPL của HĐND, UBND tỉnh" },
        { "II.2.3", "II", "Phấn đấu 100% văn bản QPPL của Trung ương" },
        { "II.3.1", "III", "Tiếp tục triển khai thực hiện số hóa hồ sơ TTHC" },
        { "II.3.2", "III", "Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công trực tuyến toàn trình" },
        { "II.3.3", "III", "100% TTHC nội bộ" },
        { "II.3.4", "III", "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên" },
        { "II.4.1", "IV", "Hoàn thành việc kiện toàn, sắp xếp đối với 100% đơn vị sự nghiệp công lập" },
        { "II.4.2", "IV", "100% cơ quan, tổ chức được phân định rõ chức năng" },
        { "II.4.3", "IV", "Phấn đấu năm 2025 giảm 28 biên chế công chức so với năm 2024." },
        { "II.5.1", "V", "Phấn đấu 50% cán bộ, công chức dưới 40 tuổi" },
        { "II.5.2", "V", "100% cán bộ, công chức cấp xã có trình độ đại học" },
        { "II.5.3", "V", "Năm 2025 thu hút nhân tài" },
        { "II.6.1", "VI", "Giảm tối thiểu 2,5% chi hỗ trợ trực tiếp" },
        { "II.6.2", "VI", "100% đơn vị sự nghiệp công lập được giao quyền tự chủ tài chính" },
        { "II.6.3", "VI", "100% cơ quan hành chính nhà nước được giao quyền tự chủ" },
        { "II.6.4", "VI", "Có ít nhất 02 đơn vị sự nghiệp công lập" },
        { "II.6.5", "VI", "Tỷ lệ sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý đạt trên 85%." },
        { "II.7.1", "VII", "100% cơ quan Đảng, chính quyền các cấp kết nối mạng truyền số liệu chuyên dùng" },
        { "II.7.2", "VII", "100% cán bộ, công chức, viên chức được đào tạo" },
        { "II.7.3", "VII", "100% cơ sở dữ liệu quốc gia" },
        { "II.7.4", "VII", "100% hệ thống thông tin của các cơ quan nhà nước phê duyệt cấp độ an toàn" },
        { "II.7.5", "VII", "100% hồ sơ công việc tại các cơ quan chuyên môn cấp tỉnh" },
        { "II.7.6", "VII", "100% Quyết định công bố Danh mục TTHC" },
        { "II.7.7", "VII", "100% các cơ quan, đơn vị đã xây dựng và áp dụng Hệ thống quản lý chất lượng" },
    };

    [Theory]
    [MemberData(nameof(Expected2025))]
    public void HaTinh2025_SectionII_Target(string code, string area, string textStart)
    {
        var target = HaTinh2025.Value.Should().ContainSingle(t => t.Code == code).Subject;
        target.Area.Should().Be(area);
        target.Text.Should().StartWith(textStart);
    }

    [Fact]
    public void HaTinh2025_SectionII_HasExactlyThe28NumberedTargets_InOrder() =>
        HaTinh2025.Value.Select(t => t.Code).Should().Equal(Expected2025.Select(row => (string)row[0]));

    [Fact]
    public void HaTinh2025_TargetText_IsTheWholeParagraph() =>
        HaTinh2025.Value.Single(t => t.Code == "II.3.2").Text.Should().Be(
            "Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ " +
            "công quốc gia đạt 100%. Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%. Tỷ lệ giao dịch thanh toán trực tuyến " +
            "đạt tối thiểu 60%.");

    [Fact]
    public void HaTinh2024Pdf_LinesBrokenMidSentence_AreJoined()
    {
        var targets = HaTinh2024.Value;
        targets.Single(t => t.Code == "II.1.1").Text.Should().Be(
            "Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội " +
            "dung, nhiệm vụ trong kế hoạch CCHC của tỉnh; 100% các sở, ban, ngành cấp tỉnh, các cơ quan Trung ương đóng " +
            "trên địa bàn tỉnh, UBND cấp huyện, UBND cấp xã ban hành kế hoạch và triển khai có hiệu quả kế hoạch CCHC năm 2024.");
        targets.Single(t => t.Code == "II.1.3").Area.Should().Be("I");
        targets.Single(t => t.Code == "II.4.2").Text.Should().StartWith("Phấn đấu năm 2024, giảm 28 biên chế công chức; giảm 531 biên chế viên chức");
        targets.Single(t => t.Code == "II.3.5").Text.Should().StartWith("Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính");
        targets.Should().NotContain(t => t.Text.Contains("CỘNG HÒA") || t.Text.Contains("ỦY BAN NHÂN DÂN"));
    }

    [Fact]
    public void Paragraphs_DropFootnotesAndRepeatedLetterhead_AndRejoinTheSentence()
    {
        // 002 §I.2.2: a footnote and the letterhead fall between "…kinh tế - xã hội" and "của tỉnh năm 2024.".
        string[] lines =
        [
            "2.2. Triển khai công tác CCHC phải được tiến hành đồng bộ, góp phần thực hiện",
            "",
            "thắng lợi các mục tiêu phát triển kinh tế - xã hội ",
            "1Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể ",
            "nhà nước giai đoạn 2021-2030. ",
            "ỦY BAN NHÂN DÂN ",
            "TỈNH HÀ TĨNH ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ",
            "Độc lập - Tự do - Hạnh phúc ",
            " của tỉnh năm 2024. ",
            "2.3. Người đứng đầu",
        ];
        var paragraphs = ProseText.Paragraphs(lines);
        paragraphs.Select(p => p.Body).Should().Equal(
            "Triển khai công tác CCHC phải được tiến hành đồng bộ, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội của tỉnh năm 2024.",
            "Người đứng đầu");
        paragraphs.Select(p => p.Number).Should().Equal("2.2", "2.3");
    }

    [Fact]
    public void NoTargetSection_AndNoAreaParagraphs_GivesNoTargets()
    {
        var doc = new SourceDocument(SourceFormat.Text, ["Thông báo", "Nội dung không có chỉ tiêu nào."], []);
        ProseReader.ReadBodyTargets(doc, 2025, []).Should().BeEmpty();
    }
}

public class AreaCatalogTests
{
    [Theory]
    [InlineData("Chỉ đạo điều hành CCHC", "I")]
    [InlineData("CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC", "I")]
    [InlineData("Kết quả lãnh đạo, chỉ đạo, điều hành công tác CCHC của tỉnh", "I")]
    [InlineData("Cải cách thể chế", "II")]
    [InlineData("CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG", "III")]
    [InlineData("Cải cách tổ chức bộ máy hành chính nhà nước", "IV")]
    [InlineData("Cải cách chế độ công vụ", "V")]
    [InlineData("Cải cách tài chính công", "VI")]
    [InlineData("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ", "VII")]
    [InlineData("Xây dựng và phát triển chính quyền điện tử, chính quyền số và áp dụng ISO", "VII")]
    [InlineData("VI", "VI")]
    public void CodeOf_MapsTitleVariants(string title, string code) => AreaCatalog.CodeOf(title).Should().Be(code);

    [Theory]
    [InlineData("Mục tiêu cụ thể")]
    [InlineData("Sở Nội vụ")]
    [InlineData("")]
    public void CodeOf_NotAnArea_IsNull(string title) => AreaCatalog.CodeOf(title).Should().BeNull();
}

/// <summary>Measures of 000 §II, read by hand.</summary>
public class BodyTargetsMeasureTests
{
    private static readonly Lazy<List<PlanTarget>> Targets = new(() =>
        ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.HaTinh2025), 2025, []));

    private static List<Measure> MeasuresOf(string code) => Targets.Value.Single(t => t.Code == code).Measures;

    [Fact]
    public void Initiatives_AtLeastThree() =>
        MeasuresOf("II.1.3").Should().Equal(new Measure(null, Comparators.AtLeast, 3, "sáng kiến"));

    [Fact]
    public void Digitisation_PerLevel() =>
        MeasuresOf("II.3.1").Should().Equal(
            new Measure(Levels.Province, Comparators.AtLeast, 100, "%"),
            new Measure(Levels.District, Comparators.AtLeast, 100, "%"),
            new Measure(Levels.Commune, Comparators.AtLeast, 95, "%"));

    [Fact]
    public void OnlineServices_ThreeRates() =>
        MeasuresOf("II.3.2").Should().Equal(
            new Measure(null, Comparators.AtLeast, 100, "%"),
            new Measure(null, Comparators.AtLeast, 90, "%"),
            new Measure(null, Comparators.AtLeast, 60, "%"));

    [Fact]
    public void Staffing_ReduceBy28() =>
        MeasuresOf("II.4.3").Should().Equal(new Measure(null, Comparators.ReduceBy, 28, "biên chế"));

    [Fact]
    public void Subsidy_ReduceByTwoAndAHalfPercent() =>
        MeasuresOf("II.6.1").Should().Equal(new Measure(null, Comparators.ReduceBy, 2.5m, "%"));

    [Fact]
    public void Property_Above85() =>
        MeasuresOf("II.6.5").Should().Equal(new Measure(null, Comparators.AtLeast, 85, "%"));

    [Fact]
    public void ElectronicFiles_PerLevel() =>
        MeasuresOf("II.7.5").Should().Equal(
            new Measure(Levels.Province, Comparators.AtLeast, 100, "%"),
            new Measure(Levels.District, Comparators.AtLeast, 90, "%"),
            new Measure(Levels.Commune, Comparators.AtLeast, 70, "%"));
}
