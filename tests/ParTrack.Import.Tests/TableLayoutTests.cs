using FluentAssertions;
using ParTrack.Import.Layouts;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>Column detection and row reading on small hand-made tables, pipe text and positioned text.</summary>
public class TableLayoutTests
{
    private static SourceTable Table(params string[][] rows) =>
        new(1, rows, rows.Select(r => (IReadOnlyList<bool>)new bool[r.Length]).ToList());

    private static SourceTable TableWithContinued(string[][] rows, bool[][] continued) =>
        new(1, rows, continued.Select(c => (IReadOnlyList<bool>)c).ToList());

    private static PlanBody Read(SourceTable table, List<ImportWarning> warnings) =>
        FrameworkTableReader.Read(new SourceDocument(SourceFormat.Docx, [], [table]), 2025, warnings)!;

    private static string Fixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "table", name);

    [Fact]
    public void RealTable_WithSttFirstAndGhiChuInsteadOfKinhPhi_ReadsColumnsByHeader()
    {
        var table = Table(
            ["STT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Ghi chú"],
            ["I", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ"],
            ["1", "1.1. Rà soát 100% văn bản", "2.1. Ban hành kế hoạch", "3.1. Xây dựng dự thảo", "Kế hoạch", "Sở Tư pháp", "Các sở, ban, ngành", "Quý I", "Ưu tiên"]);
        var warnings = new List<ImportWarning>();
        var body = Read(table, warnings);

        body.Areas.Should().Equal(new PlanArea("I", "CẢI CÁCH THỂ CHẾ"));
        body.Targets.Should().ContainSingle().Which.Code.Should().Be("1.1");
        var a = body.Activities.Should().ContainSingle().Subject;
        (a.Code, a.Task, a.Area, a.Text, a.Outputs).Should().Be(("3.1", "2.1", "I", "Xây dựng dự thảo", "Kế hoạch"));
        a.Lead.Should().NotBeEmpty().And.Subject.First().Should().StartWith("Sở Tư pháp");
        a.Due.Text.Should().Be("Quý I");
        a.Budget.Should().BeNull("a note is not a budget");
        warnings.Should().NotContain(w => w.Kind == WarningKinds.MissingColumn);
    }

    [Fact]
    public void RealTable_WithSevenColumnsAndMergedCells_UsesContinuedFlagsForRowspans()
    {
        string[][] rows =
        [
            ["TT", "Nhiệm vụ", "Hoạt động", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"],
            ["1", "2.1. Tổ chức kiểm tra", "3.1. Ban hành kế hoạch", "Sở Nội vụ", "Các sở", "Quý I", "10"],
            ["1", "2.1. Tổ chức kiểm tra", "3.2. Kiểm tra tại đơn vị", "Sở Nội vụ", "Các sở", "Quý II", "10"],
            ["2", "2.2. Tập huấn", "", "Sở Nội vụ", "UBND cấp huyện", "Năm 2025", ""],
        ];
        bool[][] continued =
        [
            [false, false, false, false, false, false, false],
            [false, false, false, false, false, false, false],
            [true, true, false, true, true, false, true],
            [false, false, false, false, false, false, false],
        ];
        var warnings = new List<ImportWarning>();
        var body = Read(TableWithContinued(rows, continued), warnings);

        body.Tasks.Select(t => t.Code).Should().Equal("2.1", "2.2");
        body.Activities.Select(a => (a.Code, a.Task)).Should().Equal(("3.1", "2.1"), ("3.2", "2.1"), (null, "2.2"));
        body.Activities[1].Budget.Should().Be("10");
        body.Activities[2].Text.Should().Be("Tập huấn", "an empty activity cell takes the task's text");
        body.Activities[2].Budget.Should().BeNull();
        warnings.Where(w => w.Kind == WarningKinds.MissingColumn).Select(w => w.Message)
            .Should().HaveCount(2).And.Contain(m => m.Contains("Mục tiêu")).And.Contain(m => m.Contains("Kết quả"));
        warnings.Should().OnlyContain(w => w.Location.StartsWith("bảng 1 hàng "));
    }

    [Fact]
    public void RealTable_WithoutLeadColumn_WarnsAndLeavesLeadEmpty()
    {
        var table = Table(
            ["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Thời gian", "Kinh phí"],
            ["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động", "Báo cáo", "Năm 2025", ""]);
        var warnings = new List<ImportWarning>();
        var body = Read(table, warnings);
        body.Activities.Should().ContainSingle().Which.Lead.Should().BeEmpty();
        warnings.Should().Contain(w => w.Kind == WarningKinds.MissingColumn && w.Message.Contains("Chủ trì") && w.Location == "bảng 1 hàng 1");
    }

    [Fact]
    public void RealTable_WithoutFrameworkHeader_IsNotATable()
    {
        var table = Table(["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Giám đốc"]);
        FrameworkTableReader.Read(new SourceDocument(SourceFormat.Html, [], [table]), 2025, []).Should().BeNull();
    }

    [Fact]
    public void PipeText_RightAlignsRowsAfterRowspans_AndKeepsTimeOutOfBudget()
    {
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Text, File.ReadAllLines(Fixture("pipe.txt")), []), 2025, warnings)!;

        body.Areas.Should().Equal(new PlanArea("I", "CẢI CÁCH THỂ CHẾ"));
        body.Targets.Select(t => t.Code).Should().Equal("1.1", "1.2");
        body.Tasks.Select(t => (t.Code, string.Join(",", t.Targets))).Should().Equal(("2.1", "1.1"), ("2.2", "1.2"), ("2.3", "1.2"));
        var acts = body.Activities;
        acts.Select(a => (a.Code, a.Task)).Should().Equal(("3.1", "2.1"), ("3.2", "2.1"), ("3.3", "2.1"), ("3.4", "2.2"), (null, "2.3"));
        acts[0].Text.Should().Be("Rà soát");
        acts[1].Text.Should().Be("Lập danh mục");
        acts[1].Outputs.Should().Be("Danh mục", "activities in one cell share the row");
        acts[2].Due.Text.Should().Be("Năm 2025");
        acts[2].Budget.Should().BeNull();
        acts[3].Due.Text.Should().Be("Quý I");
        acts[3].Budget.Should().Be("25");
        acts[4].Text.Should().Be("Hướng dẫn");
        warnings.Should().Contain(w => w.Kind == WarningKinds.UnparsedDue && w.Message.Contains("Việc gì đó chưa rõ") && w.Location.StartsWith("dòng "));
    }

    [Fact]
    public void PositionedText_SplitsLinesByTheHeaderColumnStarts()
    {
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Pdf, File.ReadAllLines(Fixture("positioned.txt")), []), 2025, warnings)!;

        body.Should().NotBeNull();
        body.Areas.Should().Equal(new PlanArea("I", "CẢI CÁCH THỂ CHẾ"));
        body.Targets.Should().ContainSingle().Which.Text.Should().Be("Phấn đấu 100% văn bản được rà soát");
        body.Tasks.Select(t => (t.Code, t.Text)).Should().Equal(("2.1", "Ban hành văn bản QPPL"), ("2.2", "Kiểm tra thi hành"));
        var acts = body.Activities;
        acts.Select(a => (a.Code, a.Task, a.Text)).Should().Equal(
            ("3.1", "2.1", "Rà soát và lập danh mục nội dung"),
            ("3.2", "2.1", "Xây dựng dự thảo văn bản"),
            ("3.3", "2.2", "Thành lập đoàn kiểm tra"));
        acts.Select(a => a.Due.Text).Should().Equal("Thường xuyên", "Quý I", "Quý IV năm 2025");
        acts.Select(a => a.Budget).Should().Equal("0", "20", null);
        acts[0].Outputs.Should().Be("Danh mục");
        acts[1].Outputs.Should().Be("Các văn bản QPPL");
    }

    [Fact]
    public void PositionedText_WithWrappedHeaderCells_FindsEveryColumn()
    {
        var warnings = new List<ImportWarning>();
        var body = FrameworkTableReader.Read(new SourceDocument(SourceFormat.Pdf, File.ReadAllLines(Fixture("positioned-wrapped.txt")), []), 2024, warnings)!;

        warnings.Should().NotContain(w => w.Kind == WarningKinds.MissingColumn);
        body.Targets.Should().ContainSingle().Which.Text.Should().Be("Giảm tối thiểu 2,5% chi hỗ trợ");
        var acts = body.Activities;
        acts.Select(a => (a.Code, a.Task, a.Text)).Should().Equal(
            ("3.1", "2.1", "Văn bản hướng dẫn, đôn đốc"),
            ("3.2", "2.1", "Tập huấn cho đơn vị"));
        acts.Select(a => a.Outputs).Should().Equal("Công văn", "Giấy mời");
        acts.Select(a => a.Due.Text).Should().Equal("Năm 2024", "Quý II/2024");
        acts.Select(a => a.Budget).Should().Equal(null, "Theo dự toán được cấp");
    }

    [Fact]
    public void RealTable_TargetsNumberedOnlyInTheTtColumn_TakeTheTtAsCode()
    {
        var table = Table(
            ["TT", "Chỉ tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"],
            ["1.1", "Tối thiểu 35% cơ quan được kiểm tra", "2.1. Kiểm tra", "3.1. Ban hành kế hoạch", "Kế hoạch", "Sở Nội vụ", "", "Quý I", ""],
            ["1.2", "Ít nhất 03 sáng kiến", "2.2. Giới thiệu mô hình", "", "Văn bản", "Sở Nội vụ", "", "Năm 2025", ""]);
        var body = Read(table, []);
        body.Targets.Select(t => t.Code).Should().Equal("1.1", "1.2");
        body.Tasks.Select(t => t.Targets.Single()).Should().Equal("1.1", "1.2");
    }

    [Fact]
    public void PositionedText_WithFormFeeds_PutsThePageInWarningLocations()
    {
        var lines = File.ReadAllLines(Fixture("positioned.txt")).ToList();
        // Move the last row onto page 2, as pdftotext does with a form feed.
        // and make its due unreadable for any parser ("Chưa rõ"), keeping the column positions.
        lines[^2] = "\f" + lines[^2].Replace("Quý IV năm", "Chưa rõ   ");
        lines[^1] = lines[^1].Replace("2025", "    ");
        var warnings = new List<ImportWarning>();
        FrameworkTableReader.Read(new SourceDocument(SourceFormat.Pdf, lines, []), 2025, warnings);
        warnings.Should().NotBeEmpty();
        warnings.Should().OnlyContain(w => w.Location.StartsWith("trang "));
        warnings.Should().Contain(w => w.Kind == WarningKinds.UnparsedDue && w.Location.StartsWith("trang 2, dòng ") && w.Message.Contains("Chưa rõ"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("TT |\nNhiệm vụ |\nHoạt động |\nChủ trì |\nThời gian |")]
    [InlineData("|\nTT |\nNhiệm vụ |\nHoạt động |\nChủ trì |\nThời gian |\n|\n||||\n|\n2.1 |\n|")]
    [InlineData("TT\n1- Mục tiêu\n2- Nhiệm vụ 3- Hoạt động\n5- Chủ trì 6- Phối hợp\n7- Thời gian\n8- Kinh phí\n-\n3\n3.1.\nSở\n")]
    public void OddText_DoesNotThrow(string text)
    {
        var act = () => FrameworkTableReader.Read(new SourceDocument(SourceFormat.Text, text.Split('\n'), []), 2025, []);
        act.Should().NotThrow();
    }
}
