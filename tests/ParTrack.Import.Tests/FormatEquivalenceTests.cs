using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// The same plan as HTML, DOCX, PDF and XLSX gives the same plan JSON. The DOCX, PDF and XLSX are made
/// from the hand-written HTML excerpt of seed 000 (Fixtures/formats/plan.html) by LibreOffice in the test
/// (the XLSX by Calc: each paragraph becomes a row of column A, the table keeps its merged cells).
/// Allowed layout-only differences are listed in docs/import.md ("Same plan, several formats").
/// </summary>
public class FormatEquivalenceTests
{
    private static readonly string Html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "plan.html"));

    private static readonly Lazy<PlanJson> FromHtml = new(() => Import(System.Text.Encoding.UTF8.GetBytes(Html), "plan.html"));
    private static readonly Lazy<PlanJson> FromDocx = new(() => Import(LibreOffice.Convert(Html, LibreOffice.Docx, "docx"), "plan.docx"));
    private static readonly Lazy<PlanJson> FromPdf = new(() => Import(LibreOffice.Convert(Html, "pdf", "pdf"), "plan.pdf"));
    private static readonly Lazy<PlanJson> FromXlsx = new(() => Import(LibreOffice.Convert(Html, "xlsx:Calc MS Excel 2007 XML", "xlsx", LibreOffice.CalcHtml), "plan.xlsx"));

    private static PlanJson Import(byte[] bytes, string name) => PlanImporter.Import(bytes, name).Plan;

    public static TheoryData<string> Formats => new() { "docx", "pdf", "xlsx" };

    private static PlanJson Other(string format) => format switch
    {
        "docx" => FromDocx.Value,
        "pdf" => FromPdf.Value,
        _ => FromXlsx.Value,
    };

    [Fact]
    public void Html_IsReadAsWritten()
    {
        var plan = FromHtml.Value;
        plan.Document.Number.Should().Be("3098/QĐ-UBND");
        plan.Document.IssuedOn.Should().Be(new DateOnly(2024, 12, 31));
        plan.Areas.Select(a => a.Code).Should().Equal("I", "II");
        plan.Targets.Select(t => $"{t.Area}|{t.Code}").Should().Equal("I|1.1", "I|1.2", "II|1.1", "I|II.1.2", "I|II.1.3", "II|II.2.2");
        plan.Activities.Select(a => $"{a.Area}|{a.Task}|{a.Code}").Should().Equal(
            "I|2.1|3.1", "I|2.1|3.2", "I|2.2|3.3", "I|2.3|3.4", "I|2.4|3.5", "I|2.4|3.6", "I|2.5|3.7", "I|2.6|3.8", "I|2.6|3.9",
            "II|2.1|3.1", "II|2.1|3.2", "II|2.1|3.3");
        // Rowspans: task 2.4 spans 3.5 and 3.6; in II one task spans three activity rows.
        plan.Activities.Single(a => a.Area == "II" && a.Code == "3.2").Budget.Should().Be("380");
        plan.Activities.Single(a => a.Area == "I" && a.Code == "3.1").Due.Should().Be(new Due("Tháng 12/2024", "by", new(2024, 12, 1), new(2024, 12, 31)));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Document_IsTheSame(string format) =>
        Other(format).Document.Should().BeEquivalentTo(FromHtml.Value.Document);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Areas_AreTheSame(string format) =>
        Other(format).Areas.Should().Equal(FromHtml.Value.Areas);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Targets_AreTheSame(string format) =>
        Other(format).Targets.Should().BeEquivalentTo(FromHtml.Value.Targets, o => o.WithStrictOrdering());

    [Theory]
    [MemberData(nameof(Formats))]
    public void Tasks_AreTheSame(string format) =>
        Other(format).Tasks.Should().BeEquivalentTo(FromHtml.Value.Tasks, o => o.WithStrictOrdering());

    [Theory]
    [MemberData(nameof(Formats))]
    public void Activities_AreTheSameFieldByField(string format) =>
        SameActivities.Check(FromHtml.Value.Activities, Other(format).Activities, format);
}

/// <summary>
/// Another province's column set, imported end to end from HTML (Fixtures/formats/other-province.html):
/// STT first, targets numbered only in the STT column, 7 columns, "Ghi chú" instead of "Kinh phí",
/// no activity column. Expected values written by hand from the fixture.
/// </summary>
public class OtherColumnSetTests
{
    private static readonly Lazy<ImportResult> Result = new(() =>
        PlanImporter.Import(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "other-province.html")));

    [Fact]
    public void Document_IsReadFromTheHeader_AndTheTitleStopsBeforeTheTable()
    {
        var d = Result.Value.Plan.Document;
        (d.Number, d.Type, d.Issuer, d.Place, d.IssuedOn).Should().Be(("125/KH-UBND", "Kế hoạch", "UBND tỉnh Quảng Bình", "Quảng Bình", new DateOnly(2025, 1, 15)));
        d.Title.Should().Be("Kế hoạch cải cách hành chính nhà nước tỉnh Quảng Bình năm 2025");
    }

    [Fact]
    public void Targets_TakeTheirCodeFromTheSttColumn_WithMeasures()
    {
        var t = Result.Value.Plan.Targets;
        t.Select(x => $"{x.Area}|{x.Code}").Should().Equal("I|1.1", "I|1.2", "II|1.1");
        t[0].Measures.Should().Equal(new Measure("province", "atLeast", 100, "%"), new Measure("district", "atLeast", 90, "%"), new Measure("commune", "atLeast", 80, "%"));
        t[1].Measures.Should().Equal(new Measure(null, "atLeast", 95, "%"));
        t[2].Measures.Should().Equal(new Measure(null, "reduceBy", 15, "biên chế"));
    }

    [Fact]
    public void EachTask_IsItsOwnActivity_WithBodiesAndDue_AndTheNoteIsNotABudget()
    {
        var acts = Result.Value.Plan.Activities;
        acts.Select(a => (a.Area, a.Task, a.Code)).Should().Equal(("I", "2.1", null), ("I", "2.2", null), ("I", "2.3", null), ("II", "2.1", null));
        acts[0].Text.Should().Be("Số hóa hồ sơ, kết quả giải quyết TTHC tại Bộ phận Một cửa các cấp");
        acts[0].Lead.Should().Equal("Văn phòng UBND tỉnh");
        acts[0].Support.Should().Equal("Sở, ban, ngành cấp tỉnh", "UBND cấp huyện");
        acts[0].Due.Kind.Should().Be("continuous");
        acts[1].Due.Should().Be(new Due("Quý II- IV năm 2025", "during", new(2025, 4, 1), new(2025, 12, 31)));
        acts[2].Due.Should().Be(new Due("Quý IV/2025", "during", new(2025, 10, 1), new(2025, 12, 31)));
        acts[3].Support.Should().Equal("Các sở, ban, ngành", "UBND cấp huyện");
        acts.Should().OnlyContain(a => a.Budget == null && a.Outputs == null);
        Result.Value.Plan.Tasks.Select(x => string.Join(",", x.Targets)).Should().Equal("1.1", "1.1", "1.2", "1.1");
    }

    [Fact]
    public void MissingColumns_AreWarnedWithTheTableAndRow()
    {
        Result.Value.Warnings.Where(w => w.Kind == WarningKinds.MissingColumn).Select(w => (w.Location, w.Message.Contains("Hoạt động") || w.Message.Contains("Kết quả")))
            .Should().Equal(("bảng 1 hàng 1", true), ("bảng 1 hàng 1", true));
    }
}
