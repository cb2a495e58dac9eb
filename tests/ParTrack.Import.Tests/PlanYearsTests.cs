using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Layouts.Document;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>The plan's own years come from its title (or its issue date), never from what it cites.</summary>
public class PlanYearsTests
{
    [Theory]
    [InlineData("Kế hoạch CCHC năm 2022", 2022, 2022)]
    [InlineData("Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025", 2025, 2025)]
    [InlineData("Kế hoạch cải cách hành chính giai đoạn 2021–2025", 2021, 2025)]
    [InlineData("Kế hoạch thực hiện công tác cải cách hành chính giai đoạn 2021 - 2025 trên địa bàn tỉnh Lâm Đồng", 2021, 2025)]
    [InlineData("Kế hoạch cải cách hành chính 2021-2025 của Sở Tư pháp", 2021, 2025)]
    public void FromTitle_PlansOwnYearOrPeriod_IsRead(string title, int from, int to) =>
        PlanYears.FromTitle(title).Should().Be((from, to));

    [Theory]
    [InlineData("Kế hoạch thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030 trên địa bàn tỉnh năm 2022", 2022)]
    [InlineData("Kế hoạch cải cách hành chính năm 2023 thực hiện Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2025–2030", 2023)]
    [InlineData("Kế hoạch triển khai Kế hoạch số 45/KH-UBND ngày 29 tháng 12 năm 2021 của UBND tỉnh về CCHC năm 2022", 2022)]
    [InlineData("Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ thực hiện Quyết định số 12/QĐ-UBND của UBND tỉnh giai đoạn 2021-2025", 2024)]
    public void FromTitle_CitedProgrammeTermOrDate_IsNotThePlansYear(string title, int year) =>
        PlanYears.FromTitle(title).Should().Be((year, year));

    [Theory]
    [InlineData("Kế hoạch thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030")]
    [InlineData("Kế hoạch thực hiện Nghị quyết Đại hội nhiệm kỳ 2025–2030")]
    [InlineData("Kế hoạch cải cách hành chính")]
    [InlineData(null)]
    public void FromTitle_NoYearOfItsOwn_IsNull(string? title) =>
        PlanYears.FromTitle(title).Should().BeNull();

    [Theory]
    [InlineData(2021, 12, 29, 2022)]
    [InlineData(2021, 10, 1, 2022)]
    [InlineData(2022, 3, 15, 2022)]
    public void FromIssueDate_LastQuarterMeansNextYear(int y, int m, int d, int year) =>
        PlanYears.FromIssueDate(new DateOnly(y, m, d)).Should().Be(year);

    static PlanDocumentInfo Fields(string text, List<ImportWarning>? warnings = null) =>
        DocumentFieldsReader.Read(DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "plan.txt", []), null, warnings ?? []);

    [Fact]
    public void Read_TitleWithoutYear_TakesYearFromIssueDateWithWarning()
    {
        var warnings = new List<ImportWarning>();
        var f = Fields("UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nSố: 98/KH-SNV\nBắc Kạn, ngày 29 tháng 12 năm 2021\nKẾ HOẠCH\nCải cách hành chính của Sở Nội vụ\nCăn cứ Kế hoạch số 12/KH-UBND của UBND tỉnh giai đoạn 2021-2025;\n", warnings);

        f.FromYear.Should().Be(2022);
        f.ToYear.Should().Be(2022);
        f.Title.Should().Be("Kế hoạch cải cách hành chính của Sở Nội vụ");
        warnings.Should().Contain(w => w.Kind == WarningKinds.DocumentField && w.Message.Contains("2022"));
    }

    [Fact]
    public void Read_DepartmentLetterhead_IssuerIsTheDepartment()
    {
        var f = Fields("UBND TỈNH BẮC KẠN\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 98/KH-SVHTTDL\nBắc Kạn, ngày 5 tháng 1 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2023\n");

        f.Issuer.Should().Be("Sở Văn hóa, Thể thao và Du lịch");
        f.Number.Should().Be("98/KH-SVHTTDL");
        f.IssuedOn.Should().Be(new DateOnly(2023, 1, 5));
        f.Place.Should().Be("Bắc Kạn");
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "UBND xã Tân Phú")]
    [InlineData("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ LẠT", "UBND thành phố Đà Lạt")]
    [InlineData("UBND TỈNH LÂM ĐỒNG", "UBND tỉnh Lâm Đồng")]
    [InlineData("BỘ NỘI VỤ", "Bộ Nội vụ")]
    public void Read_Letterhead_GivesIssuer(string letterhead, string issuer) =>
        Fields(letterhead + "\nSố: 1/KH-UBND\nĐà Lạt, ngày 2 tháng 1 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2023\n").Issuer.Should().Be(issuer);

    [Fact]
    public void Read_HeaderAsTwoColumnHtmlTable_ReadsNumberDateAndIssuer()
    {
        const string html = """
            <html><body>
            <table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>THÀNH PHỐ BẢO LỘC</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>
            <tr><td>Số: 210/KH-UBND</td><td>Bảo Lộc, ngày 29 tháng 12 năm 2021</td></tr></table>
            <p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2022</p>
            <p>Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;</p>
            </body></html>
            """;
        var f = DocumentFieldsReader.Read(DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(html), "plan.html", []), null, []);

        f.Number.Should().Be("210/KH-UBND");
        f.IssuedOn.Should().Be(new DateOnly(2021, 12, 29));
        f.Place.Should().Be("Bảo Lộc");
        f.Issuer.Should().Be("UBND thành phố Bảo Lộc");
        f.Title.Should().Be("Kế hoạch cải cách hành chính năm 2022");
        (f.FromYear, f.ToYear).Should().Be((2022, 2022));
    }

    [Fact]
    public void Read_HeaderColumnsOnOneLine_AsPdfPrintsThem_ReadsDateAndIssuer()
    {
        var f = Fields("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc\nSố: 7/KH-UBND Đức Trọng, ngày 3 tháng 1 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2023\n");

        f.IssuedOn.Should().Be(new DateOnly(2023, 1, 3));
        f.Place.Should().Be("Đức Trọng");
        f.Number.Should().Be("7/KH-UBND");
        f.Issuer.Should().Be("UBND huyện Đức Trọng");
    }
}
