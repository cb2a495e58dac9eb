using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Domain.Reporting;
using ParTrack.Features;
using ParTrack.Features.Reporting;
using ParTrack.Features.Reporting.Documents;
using ParTrack.Features.Shared;
using ParTrack.Import.Reading;
using ParTrack.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Tests.Reporting;

/// <summary>The demo province with its 2025 plan and reports, shared by the report tests (seeding takes a while).</summary>
public sealed class DemoReportApp : IAsyncLifetime
{
    public TestApp App { get; } = new(Databases.Sqlite, seedPlans: true);

    public Task InitializeAsync() { _ = App.Server; return Task.CompletedTask; }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public Task<(int PlanId, int PeriodId)> PeriodAsync(ReportingPeriodKind kind) => App.Db(async db =>
    {
        var p = await db.Set<ReportPeriod>().Where(p => p.Kind == kind && p.Plan!.OwnerAgencyId == null).OrderBy(p => p.Id).FirstAsync();
        return (p.PlanId, p.Id);
    });
}

/// <summary>The province's report on the demo: official form, outline, figures equal to the progress API's, a sensible PDF.</summary>
public sealed class ProvinceReportTests(DemoReportApp demo) : IClassFixture<DemoReportApp>
{
    static List<(string Style, string Text)> Headings(WordprocessingDocument doc) => doc.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading") == true)
        .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, p.InnerText)).ToList();

    [Fact]
    public async Task NineMonthsDocx_HasTheOutlineTheHeaderTableAndTheProgressApisNumbers()
    {
        var (planId, period) = await demo.PeriodAsync(ReportingPeriodKind.Q3);
        var coordinator = await demo.App.As("coordinator");
        var response = await coordinator.GetAsync($"/Reports/Periods/{period}?handler=Docx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var api = (await coordinator.GetFromJsonAsync<PlanProgressDto>($"/api/plans/{planId}/progress?periodId={period}"))!;

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(doc).Should().BeEmpty();
        var body = doc.MainDocumentPart!.Document.Body!;
        var header = body.Elements<W.Table>().First().InnerText;
        header.Should().Contain("ỦY BAN NHÂN DÂN").And.Contain("TỈNH HÀ TĨNH").And.Contain("/BC-UBND").And.Contain("Độc lập - Tự do - Hạnh phúc");
        body.Elements<W.Paragraph>().Select(p => p.InnerText).Should().Contain("Kết quả thực hiện công tác cải cách hành chính 9 tháng năm 2025");

        var headings = Headings(doc);
        headings.Where(h => h.Style == "Heading1").Select(h => h.Text).Should().Equal(
            "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ");
        var level2 = headings.Where(h => h.Style == "Heading2").Select(h => h.Text).ToList();
        level2[0].Should().Be("1. Công tác chỉ đạo, điều hành");
        // The plan's "chỉ đạo, điều hành" area is I.1 itself; the other areas with activities follow, numbered from 2.
        var areas = api.Areas.Where(a => !a.Title.Contains("chỉ đạo", StringComparison.OrdinalIgnoreCase) && a.Totals.Activities > 0).ToList();
        level2.Skip(1).Take(areas.Count).Should().Equal(areas.Select((a, i) => $"{i + 2}. {ProvinceReport.SentenceCase(a.Title)}"));

        var text = string.Join("\n", body.Elements<W.Paragraph>().Select(p => p.InnerText));
        text.Should().Contain($"{api.Totals.Done}/{api.Totals.Activities} nhiệm vụ hoàn thành");
        foreach (var a in api.Areas.Where(a => a.Totals.Activities > 0))
            text.Should().Contain($"Kết quả: {a.Totals.Done}/{a.Totals.Activities} nhiệm vụ hoàn thành").And
                .Contain($"{a.Totals.Overdue} chậm tiến độ");
        var reports = (await coordinator.GetFromJsonAsync<List<ReportStateDto>>($"/api/reports?periodId={period}"))!;
        text.Should().Contain($"{reports.Count(r => r.Timeliness == "OnTime")}/{reports.Count} cơ quan gửi đúng hạn");
        text.Should().Contain("Phụ lục I").And.Contain("Phụ lục III");
        body.InnerText.Should().Contain("Nơi nhận:").And.Contain("TM. ỦY BAN NHÂN DÂN");
    }

    [Fact]
    public async Task YearReportPdf_StaysInsideTheMargins_AndIsAHandfulOfPagesPlusAnnexes()
    {
        var (_, period) = await demo.PeriodAsync(ReportingPeriodKind.Year);
        var docx = await (await demo.App.As("coordinator")).GetByteArrayAsync($"/Reports/Periods/{period}?handler=Docx");
        var pdf = OfficeConverter.ToPdf(docx);
        var dir = Directory.CreateTempSubdirectory("partrack-report-");
        try
        {
            var pdfPath = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllBytesAsync(pdfPath, pdf);
            var html = Path.Combine(dir.FullName, "boxes.html");
            Run("pdftotext", "-bbox-layout", pdfPath, html);
            var xml = XDocument.Parse((await File.ReadAllTextAsync(html)).Replace("<!DOCTYPE", "<!--").Replace("dtd\">", "dtd\"-->"));
            XNamespace ns = "http://www.w3.org/1999/xhtml";
            var pages = xml.Descendants(ns + "page").ToList();
            // A4 is 595 × 842 pt; text area from 30 mm (85 pt) to 20 mm (57 pt) from the right edge; 2 pt for rounding.
            foreach (var (page, index) in pages.Select((p, i) => (p, i)))
                foreach (var w in page.Descendants(ns + "word"))
                {
                    var xMin = double.Parse(w.Attribute("xMin")!.Value, System.Globalization.CultureInfo.InvariantCulture);
                    var xMax = double.Parse(w.Attribute("xMax")!.Value, System.Globalization.CultureInfo.InvariantCulture);
                    xMin.Should().BeGreaterThanOrEqualTo(85 - 2, $"'{w.Value}' on page {index + 1} starts in the left margin");
                    xMax.Should().BeLessThanOrEqualTo(595 - 57 + 2, $"'{w.Value}' on page {index + 1} runs into the right margin");
                }
            var firstAnnex = pages.FindIndex(p => string.Join(" ", p.Descendants(ns + "word").Select(w => w.Value)).Contains("Phụ lục I "));
            firstAnnex.Should().BeInRange(2, 8, "the body is a handful of pages");
            pages.Count.Should().BeLessThan(25, "annexes summarise; the per-agency detail is in the XLSX");

            // Three pages for docs/screenshots when asked (PARTRACK_SCREENSHOTS=folder).
            if (Environment.GetEnvironmentVariable("PARTRACK_SCREENSHOTS") is { Length: > 0 } shots)
            {
                File.Copy(pdfPath, Path.Combine(shots, "reporting-year-report.pdf"), overwrite: true);
                foreach (var (page, name) in new[] { (1, "reporting-report-page1"), (2, "reporting-report-page2"), (firstAnnex + 1, "reporting-report-annex") })
                    Run("pdftoppm", "-png", "-r", "60", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdfPath, Path.Combine(shots, name));
            }
        }
        finally { dir.Delete(recursive: true); }
    }

    sealed class FakeSection(ReportPlace place, string heading) : IReportContribution
    {
        public ReportPlace Place => place;
        public int Order => 1;
        public Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct) => Task.FromResult<ReportBlock?>(new ReportBlock(heading,
            [$"{heading}: nội dung kỳ {scope.PeriodTitle}."], new ReportTable(["Đơn vị", "Số liệu"], [["Sở Nội vụ", "12"]])));
    }

    [Fact]
    public async Task ContributedSections_AppearWhereTheirPlaceSays()
    {
        var (_, period) = await demo.PeriodAsync(ReportingPeriodKind.Q3);
        await using var app = demo.App.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddScoped<IReportContribution>(_ => new FakeSection(ReportPlace.Direction, "Công tác kiểm tra CCHC"));
            s.AddScoped<IReportContribution>(_ => new FakeSection(ReportPlace.Results, "Chỉ số hài lòng"));
            s.AddScoped<IReportContribution>(_ => new FakeSection(ReportPlace.Annex, "Danh sách đơn vị được kiểm tra"));
        }));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.LoginAsync("coordinator", Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var bytes = await client.GetByteArrayAsync($"/Reports/Periods/{period}?handler=Docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var headings = Headings(doc).Select(h => h.Text).ToList();
        var direction = headings.IndexOf("1. Công tác chỉ đạo, điều hành");
        headings[direction + 1].Should().Be("a) Công tác kiểm tra CCHC", "a Direction block goes inside I.1");
        headings[direction + 2].Should().StartWith("2. ");
        var results = headings.FindIndex(h => h.EndsWith("Chỉ số hài lòng"));
        results.Should().BeGreaterThan(direction + 2).And.BeLessThan(headings.IndexOf("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), "a Results block follows the areas in I");
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs.Should().Contain("Phụ lục V").And.Contain("DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA");
        paragraphs.Should().Contain("Công tác kiểm tra CCHC: nội dung kỳ 9 tháng/2025.");
    }

    [Fact]
    public async Task XlsxAnnexAndDataSheet_CarryTheProgressApisNumbers()
    {
        var (planId, period) = await demo.PeriodAsync(ReportingPeriodKind.Q3);
        var coordinator = await demo.App.As("coordinator");
        var api = (await coordinator.GetFromJsonAsync<PlanProgressDto>($"/api/plans/{planId}/progress?periodId={period}"))!;
        var sheet = await coordinator.GetByteArrayAsync($"/Reports/Periods/{period}?handler=DataSheet");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(sheet), false))
        {
            new OpenXmlValidator().Validate(book).Should().BeEmpty();
            book.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value)
                .Should().Equal("Tổng hợp", "Chỉ tiêu", "Nhiệm vụ theo lĩnh vực", "Thời hạn báo cáo");
            var summary = book.WorkbookPart.WorksheetParts.First().Worksheet.Descendants<X.Row>().Skip(2)
                .Select(r => r.Elements<X.Cell>().Select(c => c.InnerText).ToList()).ToDictionary(r => r[1], r => r[2]);
            summary["Tổng số nhiệm vụ trong kế hoạch"].Should().Be(api.Totals.Activities.ToString());
            summary["Đã hoàn thành"].Should().Be(api.Totals.Done.ToString());
            summary["Chậm tiến độ (quá hạn)"].Should().Be(api.Totals.Overdue.ToString());
        }
        var annex = await coordinator.GetByteArrayAsync($"/Reports/Periods/{period}?handler=Xlsx");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(annex), false))
        {
            new OpenXmlValidator().Validate(book).Should().BeEmpty();
            var rows = book.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<X.Row>().ToList();
            // Area rows, activity rows ("Tổng hợp") and one row per owing agency, as many as the API lists.
            rows.Count(r => r.Elements<X.Cell>().ElementAtOrDefault(6)?.InnerText == "Tổng hợp").Should().Be(api.Activities.Count);
            rows.Count(r => r.Elements<X.Cell>().First().InnerText == "" && r.Elements<X.Cell>().ElementAtOrDefault(6)?.InnerText is { Length: > 0 } a && a != "Tổng hợp")
                .Should().Be(api.Activities.Sum(a => a.Agencies.Count));
        }
        (await (await demo.App.As("snv")).GetAsync($"/Reports/Periods/{period}?handler=DataSheet")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConsolidatedApi_GivesDocxXlsxAndPdf_RefusesOfficersBadFormatsAndUnknownPeriods()
    {
        var (_, period) = await demo.PeriodAsync(ReportingPeriodKind.Q3);
        var leader = await demo.App.As("leader");
        var docx = await leader.GetAsync($"/api/reports/consolidated?periodId={period}&format=docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.Should().Be(FileStore.DocxType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Headings(doc).Should().Contain(("Heading1", "I. KẾT QUẢ THỰC HIỆN"));
        var xlsx = await leader.GetAsync($"/api/reports/consolidated?periodId={period}&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be(FileStore.XlsxType);
        var pdf = await leader.GetAsync($"/api/reports/consolidated?periodId={period}&format=pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());

        (await leader.GetAsync($"/api/reports/consolidated?periodId={period}&format=odt")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await leader.GetAsync("/api/reports/consolidated")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await leader.GetAsync("/api/reports/consolidated?periodId=999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await demo.App.As("snv")).GetAsync($"/api/reports/consolidated?periodId={period}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgencyOwnReport_IsTheOfficialFormFromItsProgressReport_OnlyForThoseWhoMaySeeIt()
    {
        var (_, period) = await demo.PeriodAsync(ReportingPeriodKind.Q3);
        var snvId = await demo.App.AgencyIdAsync("Sở Nội vụ");
        var report = await demo.App.Db(db => db.Set<AgencyReport>().Include(r => r.Entries).SingleAsync(r => r.PeriodId == period && r.AgencyId == snvId));
        var leads = report.Entries.Where(e => e.Leads).ToList();
        var done = leads.Count(e => e.Status is Domain.Activities.ReportedStatus.Done or Domain.Activities.ReportedStatus.DoneLate);
        var url = $"/Reports/Periods/{period}/Agencies/{snvId}?handler=Docx";

        var bytes = await (await demo.App.As("snv")).GetByteArrayAsync(url);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(doc).Should().BeEmpty();
        var body = doc.MainDocumentPart!.Document.Body!;
        body.Elements<W.Table>().First().InnerText.Should().Contain("SỞ NỘI VỤ").And.Contain("/BC-SNV").And.Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        body.InnerText.Should().Contain("Kính gửi: Sở Nội vụ").And.Contain($"đã hoàn thành {done}/{leads.Count}").And.Contain("THỦ TRƯỞNG CƠ QUAN");
        Headings(doc).Where(h => h.Style == "Heading1").Select(h => h.Text).Should()
            .Equal("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. ĐỀ XUẤT, KIẾN NGHỊ");
        (await (await demo.App.As("stp")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another agency's report is not its business");
    }

    static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit(60_000).Should().BeTrue();
        p.ExitCode.Should().Be(0, p.StandardError.ReadToEnd());
    }
}
