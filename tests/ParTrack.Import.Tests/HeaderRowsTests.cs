using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>
/// Framework tables whose header takes two or three rows ("Chủ trì" | "Phối hợp" under a merged
/// "Cơ quan thực hiện", "Bắt đầu" | "Hoàn thành" under "Thời gian"), with the other header cells
/// merged down (rowspan) and a row numbering the columns under the header. Expected values are
/// written by hand from the tables below.
/// </summary>
public class HeaderRowsTests
{
    /// <summary>A small annex laid out as many provinces do: two header rows, then "(1) … (9)".</summary>
    private const string Html = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title></head>
        <body>
        <p>ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ</p>
        <p>Số: 45/KH-UBND</p>
        <p>KẾ HOẠCH</p>
        <p>Cải cách hành chính tỉnh Quảng Trị năm 2025</p>
        <p>PHỤ LỤC</p>
        <table border="1" cellspacing="0" cellpadding="4">
        <tr><td rowspan="2"><b>STT</b></td><td rowspan="2"><b>Nhiệm vụ</b></td><td rowspan="2"><b>Hoạt động</b></td><td rowspan="2"><b>Sản phẩm</b></td><td colspan="2"><b>Cơ quan thực hiện</b></td><td colspan="2"><b>Thời gian</b></td><td rowspan="2"><b>Ghi chú</b></td></tr>
        <tr><td><b>Chủ trì</b></td><td><b>Phối hợp</b></td><td><b>Bắt đầu</b></td><td><b>Hoàn thành</b></td></tr>
        <tr><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td><td>(6)</td><td>(7)</td><td>(8)</td><td>(9)</td></tr>
        <tr><td>I</td><td colspan="8">CẢI CÁCH THỂ CHẾ</td></tr>
        <tr><td rowspan="2">1</td><td rowspan="2">2.1. Rà soát văn bản quy phạm pháp luật</td><td>3.1. Rà soát văn bản do HĐND, UBND tỉnh ban hành</td><td>Báo cáo kết quả rà soát</td><td rowspan="2">Sở Tư pháp</td><td>Các sở, ban, ngành</td><td>Quý I/2025</td><td>Quý III/2025</td><td></td></tr>
        <tr><td>3.2. Công bố danh mục văn bản hết hiệu lực</td><td>Quyết định công bố</td><td>UBND cấp huyện</td><td>Tháng 1/2025</td><td>Tháng 2/2025</td><td></td></tr>
        <tr><td>II</td><td colspan="8">CẢI CÁCH THỦ TỤC HÀNH CHÍNH</td></tr>
        <tr><td>2</td><td>2.2. Kiểm soát thủ tục hành chính</td><td>3.3. Công khai thủ tục hành chính trên Cổng dịch vụ công</td><td>Thủ tục được công khai</td><td>Văn phòng UBND tỉnh</td><td>Các sở, ngành; UBND cấp huyện</td><td>Tháng 1/2025</td><td>Trước 31/12/2025</td><td>Ưu tiên</td></tr>
        </table>
        </body></html>
        """;

    private static readonly Lazy<ImportResult> FromHtml = new(() =>
        PlanImporter.Import(System.Text.Encoding.UTF8.GetBytes(Html), "plan.html", new ImportOptions(2025)));

    private static readonly Lazy<ImportResult> FromDocx = new(() =>
        PlanImporter.Import(LibreOffice.Convert(Html, LibreOffice.Docx, "docx"), "plan.docx", new ImportOptions(2025)));

    private static void ShouldHaveTheAnnexActivities(ImportResult result)
    {
        var plan = result.Plan;
        plan.Areas.Select(a => a.Code).Should().Equal("I", "II");
        plan.Activities.Select(a => (a.Code, a.Task, a.Area)).Should().Equal(("3.1", "2.1", "I"), ("3.2", "2.1", "I"), ("3.3", "2.2", "II"));

        var a1 = plan.Activities[0];
        a1.Outputs.Should().Be("Báo cáo kết quả rà soát");
        a1.Lead.Should().Equal("Sở Tư pháp");
        a1.Support.Should().Equal("Các sở, ban, ngành");
        a1.Due.Should().Be(new Due("Quý III/2025", "during", new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30)),
            "the due is the \"Hoàn thành\" column, not \"Bắt đầu\"");

        var a2 = plan.Activities[1];
        a2.Outputs.Should().Be("Quyết định công bố");
        a2.Lead.Should().Equal(["Sở Tư pháp"], "the lead cell is merged over both activities");
        a2.Support.Should().Equal("UBND cấp huyện");
        a2.Due.Should().Be(new Due("Tháng 2/2025", "by", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)));

        var a3 = plan.Activities[2];
        a3.Outputs.Should().Be("Thủ tục được công khai");
        a3.Lead.Should().Equal("Văn phòng UBND tỉnh");
        a3.Support.Should().Equal("Các sở, ngành", "UBND cấp huyện");
        a3.Due.Should().Be(new Due("Trước 31/12/2025", "by", null, new DateOnly(2025, 12, 31)));
        a3.Budget.Should().BeNull("\"Ghi chú\" is not a budget");

        plan.Tasks.Select(t => t.Code).Should().Equal("2.1", "2.2");
        result.Warnings.Should().NotContain(w => w.Kind == WarningKinds.MissingColumn && w.Message.Contains("Phối hợp"),
            "\"Phối hợp\" is in the second header row");
        result.Warnings.Should().NotContain(w => w.Kind == WarningKinds.UnplacedCell || w.Kind == WarningKinds.UnparsedDue,
            "neither the sub-header row nor the numbering row is data");
    }

    [Fact]
    public void Html_TwoRowHeader_ReadsLeadSupportAndDueFromTheSubColumns() => ShouldHaveTheAnnexActivities(FromHtml.Value);

    [SofficeFact]
    public void Docx_TwoRowHeaderWithVerticalMerges_ReadsTheSameAsHtml()
    {
        var result = FromDocx.Value;
        result.Plan.Document.Number.Should().Be("45/KH-UBND", "the file was really read as a document");
        ShouldHaveTheAnnexActivities(result);
    }

    [Fact]
    public void Docx_BuiltWithOpenXml_WithAnUnmergedParentCell_ReadsSupport()
    {
        // Word tables made by hand often leave the parent unmerged: "Cơ quan thực hiện" and an empty
        // cell beside it, and STT/Nội dung/… empty in the second row instead of merged down.
        var docx = HeaderRowsDocx.Build(
            ["TT", "Nội dung", "Hoạt động", "Kết quả, sản phẩm", "Cơ quan thực hiện", "", "Thời gian hoàn thành"],
            ["", "", "", "", "Chủ trì", "Phối hợp", ""],
            ["1", "2", "3", "4", "5", "6", "7"],
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
            ["1", "2.1. Theo dõi thi hành pháp luật", "3.1. Kiểm tra thi hành pháp luật", "Báo cáo", "Sở Tư pháp", "Các sở, ngành", "Quý IV"]);
        var result = PlanImporter.Import(docx, "plan.docx", new ImportOptions(2025));

        var a = result.Plan.Activities.Should().ContainSingle().Subject;
        (a.Code, a.Task, a.Outputs).Should().Be(("3.1", "2.1", "Báo cáo"));
        a.Lead.Should().Equal("Sở Tư pháp");
        a.Support.Should().Equal("Các sở, ngành");
        a.Due.Should().Be(new Due("Quý IV", "during", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)));
        result.Warnings.Where(w => w.Kind == WarningKinds.MissingColumn).Should().ContainSingle()
            .Which.Message.Should().Contain("Mục tiêu", "only the target column is missing");
    }

    [Fact]
    public void Xlsx_TwoRowHeaderWithBudgetSubColumns_JoinsTheBudgetParts()
    {
        var book = new TestWorkbook();
        book.Sheet("Phụ lục")
            .Row(1, "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
            .Row(2, "STT", "Nhiệm vụ", "Hoạt động", "Sản phẩm", "Đơn vị thực hiện", null, "Thời gian", null, "Kinh phí")
            .Row(3, null, null, null, null, "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành", "Nguồn", "Dự toán (triệu đồng)")
            .Row(4, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)")
            .Row(5, "I", "CẢI CÁCH TỔ CHỨC BỘ MÁY")
            .Row(6, "1", "2.1. Sắp xếp đơn vị sự nghiệp", "3.1. Xây dựng đề án sắp xếp", "Đề án", "Sở Nội vụ", "Các sở, ngành", "Quý I", "Quý II", "Ngân sách tỉnh", 50)
            .Row(7, "2", "2.2. Đánh giá chỉ số CCHC", "3.2. Điều tra xã hội học", "Báo cáo", "Sở Nội vụ", "Bưu điện tỉnh", "Tháng 3", "Tháng 5", "Ngân sách tỉnh", null)
            .Merge("A1:J1").Merge("A2:A3").Merge("B2:B3").Merge("C2:C3").Merge("D2:D3")
            .Merge("E2:F2").Merge("G2:H2").Merge("I2:J2").Merge("B5:J5");
        var result = PlanImporter.Import(book.Build(), "phuluc.xlsx", new ImportOptions(2025));

        var acts = result.Plan.Activities;
        acts.Select(a => (a.Code, a.Task, a.Area)).Should().Equal(("3.1", "2.1", "I"), ("3.2", "2.2", "I"));
        acts.Select(a => a.Support.Single()).Should().Equal("Các sở, ngành", "Bưu điện tỉnh");
        acts.Select(a => a.Lead.Single()).Should().Equal("Sở Nội vụ", "Sở Nội vụ");
        acts.Select(a => a.Due.Text).Should().Equal("Quý II", "Tháng 5");
        acts[1].Due.End.Should().Be(new DateOnly(2025, 5, 31));
        acts.Select(a => a.Budget).Should().Equal("Nguồn: Ngân sách tỉnh; Dự toán (triệu đồng): 50", "Nguồn: Ngân sách tỉnh");
        result.Warnings.Where(w => w.Kind == WarningKinds.MissingColumn).Should().ContainSingle()
            .Which.Message.Should().Contain("Mục tiêu", "only the target column is missing");
        result.Warnings.Should().NotContain(w => w.Kind == WarningKinds.UnplacedCell);
    }

    [Fact]
    public void ThreeRowHeader_NamesTheColumnsFromTheLowestRow()
    {
        // "Tổ chức thực hiện" over "Cơ quan" and "Tiến độ", over "Chủ trì" | "Phối hợp" | "Bắt đầu" | "Kết thúc".
        string[][] rows =
        [
            ["TT", "Nhiệm vụ", "Hoạt động", "Tổ chức thực hiện", "Tổ chức thực hiện", "Tổ chức thực hiện", "Tổ chức thực hiện"],
            ["TT", "Nhiệm vụ", "Hoạt động", "Cơ quan", "Cơ quan", "Tiến độ", "Tiến độ"],
            ["TT", "Nhiệm vụ", "Hoạt động", "Chủ trì", "Phối hợp", "Bắt đầu", "Kết thúc"],
            ["1", "2.1. Tuyên truyền CCHC", "3.1. Tổ chức cuộc thi tìm hiểu CCHC", "Sở Nội vụ", "Đài Phát thanh - Truyền hình tỉnh", "Tháng 4", "Tháng 9"],
        ];
        bool[][] continued =
        [
            [false, false, false, false, true, true, true],
            [true, true, true, false, true, false, true],
            [true, true, true, false, false, false, false],
            [false, false, false, false, false, false, false],
        ];
        var table = new SourceTable(1, rows, continued.Select(c => (IReadOnlyList<bool>)c).ToList());
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Docx, [], [table]), 2025, warnings)!;

        var a = body.Activities.Should().ContainSingle().Subject;
        (a.Code, a.Task).Should().Be(("3.1", "2.1"));
        a.Lead.Should().Equal("Sở Nội vụ");
        a.Support.Should().Equal("Đài Phát thanh - Truyền hình tỉnh");
        a.Due.Text.Should().Be("Tháng 9");
        warnings.Should().NotContain(w => w.Kind == WarningKinds.UnplacedCell);
    }

    [Fact]
    public void PipeText_SubHeaderRow_WidensTheTableUnderItsParents()
    {
        // A web page's table saved as text: the header row has 7 cells, the sub-header row 4, and the
        // data rows 9 (one cell per line, each ending in "|").
        string[] lines =
        [
            "KHUNG NHIỆM VỤ", "|",
            "TT |", "Nhiệm vụ |", "Hoạt động |", "Sản phẩm |", "Cơ quan thực hiện |", "Thời gian |", "Kinh phí |",
            "|", "Chủ trì |", "Phối hợp |", "Bắt đầu |", "Hoàn thành |",
            "|", "(1) |", "(2) |", "(3) |", "(4) |", "(5) |", "(6) |", "(7) |", "(8) |", "(9) |",
            "|", "I |", "CẢI CÁCH THỂ CHẾ |", "|||||||",
            "|", "1 |", "2.1. Rà soát văn bản |", "3.1. Rà soát văn bản do tỉnh ban hành |", "Báo cáo |", "Sở Tư pháp |", "Các sở, ngành |", "Quý I |", "Quý II |", "20 |",
            "|", "2 |", "2.2. Theo dõi thi hành pháp luật |", "3.2. Kiểm tra thi hành pháp luật |", "Kết luận kiểm tra |", "Sở Tư pháp |", "UBND cấp huyện |", "Tháng 6 |", "Tháng 9 |", "|",
        ];
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Text, lines, []), 2025, warnings)!;

        body.Targets.Should().BeEmpty("the numbering row is not a target \"(2)\"");
        var acts = body.Activities;
        acts.Select(a => (a.Code, a.Task, a.Area)).Should().Equal(("3.1", "2.1", "I"), ("3.2", "2.2", "I"));
        acts.Select(a => a.Outputs).Should().Equal("Báo cáo", "Kết luận kiểm tra");
        acts.Select(a => a.Lead.Single()).Should().Equal("Sở Tư pháp", "Sở Tư pháp");
        acts.Select(a => a.Support.Single()).Should().Equal("Các sở, ngành", "UBND cấp huyện");
        acts.Select(a => a.Due.Text).Should().Equal("Quý II", "Tháng 9");
        acts.Select(a => a.Budget).Should().Equal("20", null);
        warnings.Should().NotContain(w => w.Kind == WarningKinds.UnplacedCell || w.Kind == WarningKinds.UnparsedDue);
    }

    [Fact]
    public void PeriodColumnsUnderThoiGian_TickedCellsGiveTheDueWindow()
    {
        // "Thời gian thực hiện năm 2025" over "Quý I | Quý II | Quý III | Quý IV", an "x" per period.
        string[][] rows =
        [
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Thời gian thực hiện", "Thời gian thực hiện", "Thời gian thực hiện"],
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Năm 2025", "Năm 2025", "Năm 2025", "Năm 2025"],
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Quý I", "Quý II", "Quý III", "Quý IV"],
            ["1", "2.1. Tự kiểm tra CCHC", "Sở Nội vụ", "Các sở, ngành", "", "x", "x", ""],
            ["2", "2.2. Báo cáo CCHC năm", "Sở Nội vụ", "", "", "", "", "X"],
            ["3", "2.3. Tuyên truyền CCHC", "Sở Thông tin và Truyền thông", "", "", "", "", ""],
        ];
        bool[][] continued =
        [
            [false, false, false, false, false, true, true, true],
            [true, true, true, true, false, true, true, true],
            [true, true, true, true, false, false, false, false],
            [false, false, false, false, false, false, false, false],
            [false, false, false, false, false, false, false, false],
            [false, false, false, false, false, false, false, false],
        ];
        var table = new SourceTable(1, rows, continued.Select(c => (IReadOnlyList<bool>)c).ToList());
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Docx, [], [table]), 2025, warnings)!;

        var acts = body.Activities;
        acts.Select(a => a.Task).Should().Equal("2.1", "2.2", "2.3");
        acts[0].Due.Should().Be(new Due("Quý II - Quý III/2025", "during", new DateOnly(2025, 4, 1), new DateOnly(2025, 9, 30)));
        acts[1].Due.Should().Be(new Due("Quý IV/2025", "during", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)));
        acts[2].Due.Kind.Should().Be("unknown", "no period is ticked");
        acts[0].Support.Should().Equal("Các sở, ngành");
        warnings.Should().ContainSingle(w => w.Kind == WarningKinds.EmptyCell && w.Message.Contains("thời gian"))
            .Which.Location.Should().Be("bảng 1 hàng 6");
    }

    [Fact]
    public void DataRowUnderASingleRowHeader_IsNotTakenForASubHeader()
    {
        // The first data row's cells sit under single-column header cells and read as data.
        string[][] rows =
        [
            ["TT", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian"],
            ["1", "2.1. Tổ chức các hoạt động tuyên truyền", "3.1. Hoạt động tuyên truyền", "Kết quả tuyên truyền", "Sở Nội vụ", "Các sở", "Quý I"],
        ];
        var table = new SourceTable(1, rows, rows.Select(r => (IReadOnlyList<bool>)new bool[r.Length]).ToList());
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Docx, [], [table]), 2025, [])!;

        body.Activities.Should().ContainSingle().Which.Code.Should().Be("3.1");
    }
}

/// <summary>A .docx with one table of plain cells (no merges), as typed by hand in Word.</summary>
internal static class HeaderRowsDocx
{
    public static byte[] Build(params string[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var table = new DocumentFormat.OpenXml.Wordprocessing.Table();
            foreach (var row in rows)
                table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableRow(row.Select(text =>
                    new DocumentFormat.OpenXml.Wordprocessing.TableCell(
                        new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))))));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.Text("KẾ HOẠCH Cải cách hành chính năm 2025"))),
                table));
        }
        return ms.ToArray();
    }
}
