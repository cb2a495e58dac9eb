using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Features.Notifications;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>Agency scope on every reporting route, evidence upload checks, consolidated files and reminders.</summary>
public sealed class ReportingScopeAndFilesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    async Task<(TestApp App, int Period, int Snv, string Url, AgencyReport Report)> SnvDraftAsync()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        await (await app.As("snv")).GetPageAsync(url);   // creates the draft
        return (app, period, snv, url, await app.ReportAsync(period, snv));
    }

    [Fact]
    public async Task OtherAgency_CannotReadOrChangeTheReport_OnAnyRoute()
    {
        var (app, _, _, url, report) = await SnvDraftAsync();
        var entry = report.Entries.First(e => e.Leads);
        var snvClient = await app.As("snv");
        (await snvClient.UploadAsync(url, entry.Id, "bien-ban.pdf", ReportTestData.Pdf())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var evidence = (await app.ReportAsync(report.PeriodId, report.AgencyId)).Entries.SelectMany(e => e.Evidence).Single();

        var stp = await app.As("stp");
        (await stp.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"/Reports/Evidence/{evidence.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"/api/reports/{report.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"/Reports/Periods/{report.PeriodId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var handler in new[] { "", "?handler=Submit", "?handler=SubmitConfirmed", "?handler=Accept", "?handler=Return", $"?handler=Document&entryId={entry.Id}",
                     $"?handler=RemoveEvidence&evidenceId={evidence.Id}", $"?handler=Upload&entryId={entry.Id}" })
        {
            var response = await stp.PostWithTokenAsync(url + handler, new Dictionary<string, string?>
            {
                ["Version"] = report.Version.ToString(), ["Results"] = "Sở Tư pháp sửa hộ", ["docNumber"] = "1/STP", ["docSummary"] = "x",
            });
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"POST {handler} as another agency");
        }
        (await stp.UploadAsync(url, entry.Id, "x.pdf", ReportTestData.Pdf())).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var after = await app.ReportAsync(report.PeriodId, report.AgencyId);
        after.Results.Should().BeNull();
        after.Entries.SelectMany(e => e.Evidence).Should().ContainSingle();
        // The leader reads but cannot change.
        var leader = await app.As("leader");
        (await leader.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leader.PostWithTokenAsync(url, new Dictionary<string, string?> { ["Version"] = report.Version.ToString() }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_RejectsLyingZeroByteAndOversizedFiles_AndStoresTheSameFileOnce()
    {
        var (app, _, _, url, report) = await SnvDraftAsync();
        var entry = report.Entries.First(e => e.Leads);
        var client = await app.As("snv");

        var lying = await client.UploadAsync(url, entry.Id, "bao-cao.pdf", "Đây là văn bản thường, không phải PDF"u8.ToArray());
        lying.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await lying.ParseAsync()).Messages().Should().Contain("Loại tệp không được chấp nhận");

        var fakeDocx = await client.UploadAsync(url, entry.Id, "fake.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
        fakeDocx.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a ZIP header alone does not make a Word document");

        var empty = await client.UploadAsync(url, entry.Id, "rong.pdf", []);
        empty.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await empty.ParseAsync()).Messages().Should().Contain("Tệp rỗng");

        var big = new byte[FileStore.MaxBytes + 1];
        "%PDF-1.4"u8.CopyTo(big);
        var oversized = await client.UploadAsync(url, entry.Id, "lon.pdf", big);
        oversized.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await oversized.ParseAsync()).Messages().Should().Contain("Tệp quá lớn");

        var pdf = ReportTestData.Pdf("same");
        (await client.UploadAsync(url, entry.Id, "lan-1.pdf", pdf)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.UploadAsync(url, entry.Id, "lan-2.pdf", pdf)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var files = await app.Db(db => db.Set<StoredFile>().Where(f => f.Sha256 == hash).ToListAsync());
        files.Should().ContainSingle().Which.ContentType.Should().Be("application/pdf");
        var evidence = (await app.ReportAsync(report.PeriodId, report.AgencyId)).Entries.SelectMany(e => e.Evidence).ToList();
        evidence.Should().HaveCount(2).And.OnlyContain(v => v.FileId == files[0].Id);

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        File.ReadAllBytes(store.PathOf(hash)!).Should().Equal(pdf);
        Directory.GetFiles(store.Folder).Should().NotContain(f => f.EndsWith(".tmp"));
        var download = await client.GetAsync($"/Reports/Evidence/{evidence[0].Id}");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
    }

    [Theory]
    [InlineData(21)]   // over the file limit, under the request limit: the form is read, the store refuses the file
    [InlineData(23)]   // over the request limit: the form is not read at all
    public async Task ChunkedUploadOverTheLimit_ShowsTheMessage_AndSavesNothing(int megabytes)
    {
        var (app, _, _, url, report) = await SnvDraftAsync();
        var entry = report.Entries.First(e => e.Leads);
        var client = await app.As("snv");
        var big = new byte[megabytes * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);
        var filesBefore = await app.Db(db => db.Set<StoredFile>().CountAsync());

        var response = await client.UploadAsync(url, entry.Id, "lon.pdf", big, chunked: true);

        response.RequestMessage!.Content!.Headers.ContentLength.Should().BeNull("the body is sent chunked, without a length");
        response.StatusCode.Should().BeOneOf(HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge);
        // 422: the report page with the store's message; 413: the error page with the upload limit's message.
        var text = (await response.ParseAsync()).QuerySelector("main")!.TextContent;
        text.Should().Contain("quá lớn").And.Contain("20 MB").And.NotContain("Đã xảy ra lỗi");
        (await app.ReportAsync(report.PeriodId, report.AgencyId)).Entries.SelectMany(e => e.Evidence).Should().BeEmpty();
        (await app.Db(db => db.Set<StoredFile>().CountAsync())).Should().Be(filesBefore);

        // A small chunked upload still goes through (the antiforgery token is read from the streamed form).
        (await client.UploadAsync(url, entry.Id, "nho.pdf", ReportTestData.Pdf(), chunked: true)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ConsolidatedDocxAndXlsx_ContainTheAcceptedReport_AndOpenInLibreOffice()
    {
        var (app, period, snv, url, report) = await SnvDraftAsync();
        var officer = await app.As("snv");
        var fields = new Dictionary<string, string?> { ["Results"] = "Kết quả nổi bật của Sở Nội vụ" };
        var page = await officer.GetPageAsync(url);
        foreach (var s in page.QuerySelectorAll("#report-form select[name$='.Status']"))
        {
            var prefix = s.GetAttribute("name")![..^".Status".Length];
            fields[prefix + ".Status"] = "Done";
            fields[prefix + ".WorkDone"] = "Đã ban hành Kế hoạch số 99/KH-SNV";
        }
        (await ReportingCycleTests.SubmitReportAsync(officer, url, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var coordinator = await app.As("coordinator");
        (await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Accept", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var docx = await coordinator.GetAsync($"/Reports/Periods/{period}?handler=Docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        var docBytes = await docx.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docBytes), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            text.Should().Contain("ỦY BAN NHÂN DÂN").And.Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            text.Should().Contain("ban hành Kế hoạch số 99/KH-SNV (Sở Nội vụ)").And.Contain("Kết quả nổi bật của Sở Nội vụ");
            // Q1/2025 was submitted after its deadline: the timeliness annex says so on Sở Nội vụ's row.
            doc.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Should().Contain(r => r.InnerText.Contains("Sở Nội vụ") && r.InnerText.Contains("Trễ"));
        }
        var xlsx = await coordinator.GetAsync($"/Reports/Periods/{period}?handler=Xlsx");
        var xlsBytes = await xlsx.Content.ReadAsByteArrayAsync();
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsBytes), false))
        {
            book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value)
                .Should().Equal("Khung nhiệm vụ", "Thời hạn báo cáo");
            var cells = book.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                .Select(c => c.InnerText).ToList();
            cells.Should().Contain("Sở Nội vụ").And.Contain("Hoàn thành").And.Contain(c => c.StartsWith("Trễ"));
        }

        // LibreOffice must open both: convert to text/CSV and find the content.
        var dir = Directory.CreateTempSubdirectory("partrack-soffice-").FullName;
        File.WriteAllBytes(Path.Combine(dir, "bc.docx"), docBytes);
        File.WriteAllBytes(Path.Combine(dir, "pl.xlsx"), xlsBytes);
        Soffice(dir, "txt:Text", "bc.docx");
        File.ReadAllText(Path.Combine(dir, "bc.txt")).Should().Contain("ban hành Kế hoạch số 99/KH-SNV (Sở Nội vụ)");
        Soffice(dir, "pdf", "pl.xlsx");
        new FileInfo(Path.Combine(dir, "pl.pdf")).Length.Should().BeGreaterThan(1000);
    }

    static void Soffice(string dir, string to, string file)
    {
        var psi = new ProcessStartInfo("soffice", ["--headless", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", to, "--outdir", dir, Path.Combine(dir, file)])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.WaitForExit(120_000).Should().BeTrue("soffice should finish");
    }

    [Fact]
    public async Task Dashboard_ShowsSubmissionProgress_AndSortsAgencies()
    {
        var (app, period, _, _, _) = await SnvDraftAsync();
        var coordinator = await app.As("coordinator");
        var page = await coordinator.GetPageAsync($"/Dashboard?period={period}&sort=timeliness");
        page.QuerySelector("#submission-progress")!.TextContent.Should().MatchRegex(@"^\d+/\d+ cơ quan đã gửi báo cáo");
        var rows = page.QuerySelectorAll("#agencies-table tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().NotBeEmpty();
        rows[0].Should().Contain("quá hạn", "missing reports sort first");
        page.QuerySelector("svg.chart").Should().NotBeNull();
        (await (await app.As("snv")).GetAsync("/Dashboard")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reminders_RunOnTwoInstancesAtOnce_SendEachReminderOnce()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        // Run the overdue pass as of one day after Q1's deadline, twice in parallel (two "instances").
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 19, 3, 0, 0, TimeSpan.Zero));
        async Task<int> Pass()
        {
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var reminders = new Reminders(sp.GetRequiredService<ParTrack.Data.AppDbContext>(), sp.GetRequiredService<Obligations>(),
                sp.GetRequiredService<IMailSender>(), sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), clock,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Reminders>>());
            return await reminders.RunAsync();
        }
        var counts = await Task.WhenAll(Pass(), Pass());
        // Other tests of this class may have opened periods too; the job covers them all.
        var keys = await app.Db(db => db.Set<SentReminder>().Where(r => r.Key.StartsWith("report:")).Select(r => r.Key).ToListAsync());
        keys.Should().Contain(k => k.StartsWith($"report:period-{period}:")).And.OnlyHaveUniqueItems();
        counts.Sum().Should().Be(keys.Count, "each reminder is sent by exactly one instance");
        (await Pass()).Should().Be(0, "a later run sends nothing new in the same round");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        (await app.Db(db => db.Set<Notification>().CountAsync(n => n.AgencyId == snv && n.Url!.Contains($"/Periods/{period}/"))))
            .Should().Be(1);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
