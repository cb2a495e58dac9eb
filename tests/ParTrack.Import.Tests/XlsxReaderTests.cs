using System.IO.Compression;
using System.Text;
using FluentAssertions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>
/// XLSX framework annexes. The workbook is built with the OpenXml SDK from rows of seed 000's framework
/// table (Phụ lục, areas I and II), laid out as a province's Excel file would be: title rows merged across
/// the sheet, a header, a column-numbering row, rowspans as merged ranges, budgets as numbers, one cell
/// with two activities on two lines (Alt+Enter, stored as _x000D_\n), area II continued on a second sheet,
/// plus a hidden sheet, a hidden row and a hidden column that must not be read.
/// Expected values are written by hand from seed 000.
/// </summary>
public class XlsxReaderTests
{
    private const string Target11 = "1.1. Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội dung, nhiệm vụ trong kế hoạch CCHC của tỉnh";
    private const string TargetII11 = "1.1. Phấn đấu 100% các nội dung Luật, Nghị quyết của Quốc hội, Pháp lệnh, Nghị quyết của Ủy ban Thường vụ Quốc hội, Lệnh, Quyết định của Chủ tịch nước, Nghị định của Chính phủ, Thông tư của các Bộ, ngành Trung ương giao HĐND tỉnh và UBND tỉnh quy định chi tiết được triển khai, thực hiện kịp thời";

    internal static byte[] Seed000Annex()
    {
        var book = new TestWorkbook();
        var pl = book.Sheet("Phụ lục");
        pl.Text("A1", "PHỤ LỤC").Merge("A1:I1");
        pl.Text("A2", "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2025").Merge("A2:I2");
        pl.Text("A3", "(Kèm theo Quyết định số 3098/QĐ-UBND ngày 31/12/2024 của Chủ tịch UBND tỉnh)").Merge("A3:I3");
        pl.Row(5, "TT", "1- Mục tiêu/Chỉ tiêu/nội dung", "2- Nhiệm vụ", "3- Hoạt động", "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành", "8- Kinh phí");
        pl.Row(6, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)");
        pl.Row(7, "I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC").Merge("B7:I7");
        pl.Row(8, 1, Target11, "2.1. Ban hành Kế hoạch CCHC năm 2025 của tỉnh",
            "3.1. Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ_x000D_\n3.2. Tổng hợp và xin ý kiến, hoàn thiện dự thảo, trình Chủ tịch UBND tỉnh ban hành",
            "Văn bản và các dự thảo kèm theo", "Sở Nội vụ", "Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan khác", "Tháng 12/2024");
        pl.Merge("A8:A13").Merge("B8:B13");
        pl.Row(9, null, null, "2.2. Nghiên cứu sửa đổi Bộ tiêu chí xác định Chỉ số CCHC của các cơ quan, đơn vị, địa phương trên địa bàn tỉnh",
            "3.3. Xây dựng dự thảo văn bản, Quyết định, xin ý kiến", "Công văn, dự thảo Quyết định", "Sở Nội vụ", "Các Sở, ban ngành cấp tỉnh, UBND cấp huyện", "Năm 2025");
        pl.Row(10, null, null, "2.3 Duy trì và nâng cấp một số chức năng của hệ thống phần mềm hỗ trợ, theo dõi đánh giá CCHC của tỉnh",
            "3.4 Xây dựng báo cáo, triển khai nâng cấp phần mềm", "báo cáo, đề xuất, văn bản liên quan", null, null, "Năm 2025", "Theo dự toán được cấp");
        pl.Row(11, null, null, "2.4. Xây dựng, ban hành Kế hoạch tuyên truyền CCHC và các chỉ số liên quan năm 2025",
            "3.5. Xây dựng, ban hành kế hoạch", "Kế hoạch", "Sở Thông tin và Truyền thông", "Các Sở, ban ngành cấp tỉnh, UBND các huyện, thành phố, thị xã", "Tháng 01/2025", "Theo dự toán được cấp");
        pl.Merge("C11:C12");
        pl.Row(12, null, null, null, "3.6. Tổ chức thực hiện Kế hoạch tuyên truyền", "Các hình thức tuyên truyền đa dạng, phong phú", null, null, "Thường xuyên");
        pl.Row(13, null, null, "2.5. Tổ chức các hội nghị sơ kết, tổng kết", "3.7. Các văn bản triển khai các hội nghị",
            "Công văn, báo cáo, giấy mời, thông báo kết luận", "Sở Nội vụ", "Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan", "Năm 2025");
        pl.Inline("I13", "Theo dự toán được cấp");
        // A row and a column hidden by whoever prepared the file: not part of the plan.
        pl.Row(14, null, null, "2.99. Nhiệm vụ nháp đã ẩn", "3.99. Hoạt động nháp đã ẩn", "Nháp", "Sở Nháp", null, "Năm 2025").HideRow(14);
        pl.Text("J5", "Ghi chú nội bộ").Text("J8", "đã rà soát").HideColumn(10);
        pl.Text("A16", "Ghi chú: kinh phí tính bằng triệu đồng.").Merge("A16:I16");

        var scratch = book.Sheet("Nháp", hidden: true);
        scratch.Row(1, "TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí");
        scratch.Row(2, "IX", "LĨNH VỰC NHÁP");
        scratch.Row(3, 1, "1.1. Chỉ tiêu nháp", "2.1. Nhiệm vụ nháp", "3.1. Hoạt động nháp", "Nháp", "Sở Nháp", "Sở Nháp", "Năm 2025", 1);

        // Area II continues on the next sheet without repeating the header, as a long annex is often split.
        var pl2 = book.Sheet("Phụ lục (tiếp)");
        pl2.Row(1, "II", "CẢI CÁCH THỂ CHẾ").Merge("B1:I1");
        pl2.Row(2, 1, TargetII11, "2.1. Ban hành các văn bản quy phạm pháp luật để quy định chi tiết các nội dung được giao tại văn bản pháp luật của Trung ương",
            "3.1. Rà soát và lập danh mục nội dung giao quy định chi tiết tại các văn bản QPPL của Trung ương", "Danh mục", "Sở Tư pháp", "Các sở, ban, ngành cấp tỉnh", "Thường xuyên", 0);
        pl2.Merge("A2:A4").Merge("B2:B4").Merge("C2:C4");
        pl2.Row(3, null, null, null, "3.2. Xây dựng các dự thảo văn bản", "Các văn bản QPPL", "Sở, ban, ngành có liên quan", "Sở Tư pháp", "Thường xuyên", 380);
        pl2.Row(4, null, null, null, "3.3. Theo dõi, đôn đốc các đơn vị tham mưu kịp thời, có chất lượng các văn bản được Trung ương giao quy định chi tiết",
            "Văn bản đôn đốc", "Sở Tư pháp", "Các sở, ban, ngành cấp tỉnh", "Thường xuyên", 0);
        return book.Build();
    }

    private static readonly Lazy<byte[]> Annex = new(Seed000Annex);

    private static SourceDocument Read(byte[] bytes, string name = "phuluc.xlsx") => DocumentReader.Read(bytes, name, []);

    private static void ShouldRefuse(byte[] bytes, string name, string message) =>
        FluentActions.Invoking(() => Read(bytes, name)).Should().Throw<ImportException>().WithMessage(message);

    [Fact]
    public void Xlsx_IsDetectedFromContent_EachVisibleSheetIsATable()
    {
        var doc = Read(Annex.Value, "phuluc.bin");
        doc.Format.Should().Be(SourceFormat.Xlsx);
        doc.Tables.Select(t => t.Index).Should().Equal(1, 2);
        doc.Tables.Should().OnlyContain(t => t.Rows.All(r => r.Count == 9), "the hidden column J is left out");
    }

    [Fact]
    public void TitleRows_AboveTheTable_AndNotesBelow_AreLines()
    {
        var doc = Read(Annex.Value);
        doc.Lines.Take(3).Should().Equal(
            "PHỤ LỤC",
            "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2025",
            "(Kèm theo Quyết định số 3098/QĐ-UBND ngày 31/12/2024 của Chủ tịch UBND tỉnh)");
        doc.Lines.Should().Contain("Ghi chú: kinh phí tính bằng triệu đồng.");
        doc.Tables[0].Rows[0][0].Should().Be("TT", "the header is the table's first row");
        doc.Tables[0].Rows.Should().NotContain(r => r[0].StartsWith("Ghi chú"));
        doc.Lines.Should().Contain("TT | 1- Mục tiêu/Chỉ tiêu/nội dung | 2- Nhiệm vụ | 3- Hoạt động | 4- Kết quả, sản phẩm | 5- Chủ trì | 6- Phối hợp | 7- Thời gian hoàn thành | 8- Kinh phí |");
    }

    [Fact]
    public void MergedRanges_RepeatTheirText_AndMarkEveryOtherPositionContinued()
    {
        var t = Read(Annex.Value).Tables[0];
        // Rows: 0 header, 1 numbering, 2 area I, 3..8 sheet rows 8..13 (hidden row 14 dropped).
        t.Rows.Should().HaveCount(9);
        t.Rows[2].Should().Equal(["I", .. Enumerable.Repeat("CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC", 8)]);
        t.Continued[2].Should().Equal([false, false, .. Enumerable.Repeat(true, 7)]);
        for (var r = 3; r <= 8; r++)
        {
            t.Rows[r][0].Should().Be("1");
            t.Rows[r][1].Should().Be(Target11);
            t.Continued[r][0].Should().Be(r > 3);
            t.Continued[r][1].Should().Be(r > 3);
        }
        t.Rows[7][2].Should().StartWith("2.4. Xây dựng, ban hành Kế hoạch tuyên truyền");
        t.Continued[7][2].Should().BeTrue();
        t.Rows[7][5].Should().Be("", "3.6 has no lead in the seed");
    }

    [Fact]
    public void LineBreaksInACell_AreKept_AndTheEscapedCarriageReturnIsDecoded()
    {
        var cell = Read(Annex.Value).Tables[0].Rows[3][3];
        cell.Should().Be("3.1. Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ\n3.2. Tổng hợp và xin ý kiến, hoàn thiện dự thảo, trình Chủ tịch UBND tỉnh ban hành");
    }

    [Fact]
    public void HiddenSheets_Rows_AndColumns_AreNotRead()
    {
        var doc = Read(Annex.Value);
        var all = string.Join("\n", doc.Lines) + string.Join("\n", doc.Tables.SelectMany(t => t.Rows.SelectMany(r => r)));
        all.Should().NotContain("nháp").And.NotContain("Nháp").And.NotContain("Ghi chú nội bộ").And.NotContain("đã rà soát");
    }

    [Fact]
    public void Plan_IsImportedFromTheWorkbook_AsFromTheSeed()
    {
        var plan = PlanImporter.Import(Annex.Value, "phuluc.xlsx").Plan;
        plan.Areas.Select(a => (a.Code, a.Title)).Should().Equal(("I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC"), ("II", "CẢI CÁCH THỂ CHẾ"));
        plan.Targets.Select(t => $"{t.Area}|{t.Code}").Should().Equal("I|1.1", "II|1.1");
        plan.Tasks.Select(t => $"{t.Area}|{t.Code}").Should().Equal("I|2.1", "I|2.2", "I|2.3", "I|2.4", "I|2.5", "II|2.1");
        plan.Activities.Select(a => $"{a.Area}|{a.Task}|{a.Code}").Should().Equal(
            "I|2.1|3.1", "I|2.1|3.2", "I|2.2|3.3", "I|2.3|3.4", "I|2.4|3.5", "I|2.4|3.6", "I|2.5|3.7",
            "II|2.1|3.1", "II|2.1|3.2", "II|2.1|3.3");

        var a32 = plan.Activities.Single(a => a.Area == "I" && a.Code == "3.2");
        a32.Text.Should().StartWith("Tổng hợp và xin ý kiến, hoàn thiện dự thảo");
        a32.Lead.Should().Equal("Sở Nội vụ");
        a32.Due.Should().Be(new Due("Tháng 12/2024", "by", new(2024, 12, 1), new(2024, 12, 31)));
        var a36 = plan.Activities.Single(a => a.Area == "I" && a.Code == "3.6");
        a36.Task.Should().Be("2.4", "the task cell is merged over 3.5 and 3.6");
        a36.Lead.Should().BeEmpty();
        a36.Due.Kind.Should().Be("continuous");
        plan.Activities.Single(a => a.Area == "I" && a.Code == "3.7").Budget.Should().Be("Theo dự toán được cấp", "an inline string");
        // Budgets typed as numbers read as the seed writes them.
        plan.Activities.Where(a => a.Area == "II").Select(a => a.Budget).Should().Equal("0", "380", "0");
        plan.Activities.Single(a => a.Area == "II" && a.Code == "3.2").Support.Should().Equal("Sở Tư pháp");
        plan.Tasks.Single(t => t.Area == "II" && t.Code == "2.1").Targets.Should().Equal("1.1");
    }

    [Fact]
    public void IssuerAndNumberSideBySide_AboveTheHeader_AreLines_AndTheTableStartsAtTheHeader()
    {
        // A whole plan's first rows laid out in Excel: issuer | motto, number | place and date, then titles.
        var book = new TestWorkbook();
        var s = book.Sheet("KH");
        s.Text("A1", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH").Merge("A1:C1").Text("E1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge("E1:I1");
        s.Text("A2", "Số: 3098/QĐ-UBND").Merge("A2:C2").Text("E2", "Hà Tĩnh, ngày 31 tháng 12 năm 2024").Merge("E2:I2");
        s.Text("A4", "KẾ HOẠCH").Merge("A4:I4");
        s.Text("A5", "Cải cách hành chính tỉnh Hà Tĩnh năm 2025").Merge("A5:I5");
        s.Row(7, "TT", "1- Mục tiêu/Chỉ tiêu/nội dung", "2- Nhiệm vụ", "3- Hoạt động", "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành", "8- Kinh phí");
        s.Row(8, "I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC").Merge("B8:I8");
        s.Row(9, 1, Target11, "2.5. Tổ chức các hội nghị sơ kết, tổng kết", "3.7. Các văn bản triển khai các hội nghị",
            "Công văn, báo cáo, giấy mời, thông báo kết luận", "Sở Nội vụ", "Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan", "Năm 2025", "Theo dự toán được cấp");
        var bytes = book.Build();

        var doc = Read(bytes);
        doc.Tables.Single().Rows[0][0].Should().Be("TT");
        doc.Lines.Take(6).Should().Equal("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 3098/QĐ-UBND",
            "Hà Tĩnh, ngày 31 tháng 12 năm 2024", "KẾ HOẠCH", "Cải cách hành chính tỉnh Hà Tĩnh năm 2025");
        var plan = PlanImporter.Import(bytes, "kehoach.xlsx").Plan;
        plan.Document.Number.Should().Be("3098/QĐ-UBND");
        plan.Document.IssuedOn.Should().Be(new DateOnly(2024, 12, 31));
        plan.Activities.Select(a => $"{a.Area}|{a.Task}|{a.Code}|{string.Join(";", a.Lead)}").Should().Equal("I|2.5|3.7|Sở Nội vụ");
    }

    [Fact]
    public void LastRow_WithOnlyAnActivityCell_StaysInTheTable_ButANoteBelowIsALine()
    {
        var book = new TestWorkbook();
        book.Sheet("PL")
            .Row(1, "TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Chủ trì", "Thời gian")
            .Row(2, 1, "1.1. Chỉ tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động một", "Sở Nội vụ", "Năm 2025")
            .Row(3, null, null, null, "3.2. Hoạt động hai")
            .Text("A5", "Ghi chú: bảng này kèm theo kế hoạch.");
        var doc = Read(book.Build());
        doc.Tables.Single().Rows.Select(r => r[3]).Should().Equal("Hoạt động", "3.1. Hoạt động một", "3.2. Hoạt động hai");
        doc.Lines[^1].Should().Be("Ghi chú: bảng này kèm theo kế hoạch.");
    }

    [Fact]
    public void NumbersAndDates_AreWrittenAsText_CodesKeepTheirPoint_DatesDayFirst()
    {
        var book = new TestWorkbook();
        book.Sheet("S")
            .Text("A1", "Mã").Number("B1", 1.1)
            .Text("A2", "Tỷ lệ").Number("B2", 0.95, TestWorkbook.Percent)
            .Text("A3", "Ngày").Number("B3", 45657, TestWorkbook.ShortDate)
            .Text("A4", "Tháng").Number("B4", 45657, TestWorkbook.MonthYear)
            .Text("A5", "Ngày (vi)").Number("B5", 45674, TestWorkbook.VietnameseDate)
            .Text("A6", "Kinh phí").Number("B6", 1500000000);
        var t = Read(book.Build()).Tables.Single();
        t.Rows.Select(r => r[1]).Should().Equal("1.1", "95%", "31/12/2024", "Tháng 12/2024", "17/01/2025", "1500000000");
    }

    [Fact]
    public void DueTypedAsADate_GivesTheDueOfThatDayOrMonth()
    {
        var book = new TestWorkbook();
        book.Sheet("PL")
            .Row(1, "TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Chủ trì", "Thời gian hoàn thành")
            .Row(2, 1, "1.1. Chỉ tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động một", "Sở Nội vụ")
            .Number("F2", 45657, TestWorkbook.MonthYear)
            .Row(3, null, null, null, "3.2. Hoạt động hai", "Sở Nội vụ")
            .Number("F3", 45657, TestWorkbook.ShortDate);
        var acts = PlanImporter.Import(book.Build(), "phuluc.xlsx", new ImportOptions(2024)).Plan.Activities;
        acts.Select(a => (a.Due.Kind, a.Due.Start, a.Due.End)).Should().Equal(
            ("by", (DateOnly?)new DateOnly(2024, 12, 1), (DateOnly?)new DateOnly(2024, 12, 31)),
            ("by", (DateOnly?)null, (DateOnly?)new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Truncated_IsRefused() =>
        ShouldRefuse(Annex.Value[..(Annex.Value.Length / 2)], "phuluc.xlsx", "Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ*");

    [Fact]
    public void BrokenWorkbookXml_IsRefused()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            w.Write("<workbook");
        ShouldRefuse(ms.ToArray(), "phuluc.xlsx", "Tệp Excel (.xlsx) bị hỏng*");
    }

    [Fact]
    public void ZipBomb_IsRefusedQuickly()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
                w.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 30; i++) s.Write(zeros);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ShouldRefuse(ms.ToArray(), "bomb.xlsx", "Tệp Excel (.xlsx) có nội dung nén bất thường (giải nén quá lớn)*");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void PasswordProtected_IsRefused_AsAnExcelFile()
    {
        // An encrypted XLSX is an OLE compound file with EncryptionInfo and EncryptedPackage, like a DOCX.
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var name in (string[])["EncryptionInfo", "EncryptedPackage"])
        {
            bytes.AddRange(Encoding.Unicode.GetBytes(name));
            bytes.AddRange(new byte[128 - 2 * name.Length]);
        }
        ShouldRefuse([.. bytes], "phuluc.xlsx", "Tệp Excel được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.");
        ShouldRefuse([.. bytes], "kehoach", "Tệp Word/Excel được bảo vệ bằng mật khẩu*");
    }

    [Fact]
    public void OnlyHiddenOrEmptySheets_IsRefused()
    {
        var book = new TestWorkbook();
        book.Sheet("Trống");
        book.Sheet("Ẩn", hidden: true).Text("A1", "Kế hoạch");
        ShouldRefuse(book.Build(), "phuluc.xlsx", "Tệp Excel không có ô nào có chữ*");
    }
}
