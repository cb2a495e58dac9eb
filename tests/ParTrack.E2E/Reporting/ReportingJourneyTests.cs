using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.Demo;
using ParTrack.Features.Reporting;

namespace ParTrack.E2E.Reporting;

/// <summary>
/// In a real browser: the officer of Sở Nội vụ fills the Q1/2025 report with one uploaded evidence file and
/// submits it; the coordinator returns it with a comment; the officer fixes and resubmits; the coordinator
/// accepts; the dashboard and the consolidated DOCX (downloaded from the period page) show it.
/// The plan is the demo's Hà Tĩnh 2025 plan (samples/ha-tinh), loaded the way the demo loads it.
/// </summary>
public sealed class ReportingJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    /// <summary>The plan and its 2025 periods, made by whichever test of this class runs first.</summary>
    async Task<(int PeriodId, int AgencyId)> PlanWithPeriodsAsync(string agency = "Sở Nội vụ")
    {
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Plans.AnyAsync(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued))
            await DemoData.SeedPlansAsync(db, sp, default);
        var plan = await db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued).Select(p => p.Id).SingleAsync();
        if (!await db.Set<ReportPeriod>().AnyAsync(p => p.PlanId == plan))
        {
            var opened = await sp.GetRequiredService<ReportPeriods>().OpenYearAsync(plan, 2025, 14, 18);
            opened.IsOk.Should().BeTrue(opened.Message);
        }
        var q1 = await db.Set<ReportPeriod>().Where(p => p.PlanId == plan && p.Kind == ReportingPeriodKind.Q1).Select(p => p.Id).SingleAsync();
        return (q1, await db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task Officer_Types_TheDraftSavesItself_AndSurvivesAnEvidenceUploadAndAReload()
    {
        var (period, stp) = await PlanWithPeriodsAsync("Sở Tư pháp");
        var reportUrl = $"{host.BaseUrl}/Reports/Periods/{period}/Agencies/{stp}";
        var officer = await host.SignInAsync("stp");
        await E2EHost.OpenReportAsync(officer, reportUrl);
        var status = officer.Locator("#autosave-status");
        (await status.TextContentAsync()).Should().Be("Bản nháp tự động lưu khi bạn nhập.");

        // Typing alone saves: no button is pressed.
        await officer.FillAsync("#Results", "Đã rà soát 12 thủ tục hành chính (tự động lưu).");
        await officer.Locator("#autosave-status", new() { HasTextString = "Bản nháp đã tự động lưu lúc" }).WaitForAsync();
        await ShotAsync(officer, "reporting-autosave");

        // Text typed just before an upload is saved before the upload reloads the page.
        var firstWork = officer.Locator("#report-form textarea[name$='.WorkDone']").First;
        var entryId = (await firstWork.GetAttributeAsync("id"))!["w-".Length..];
        await firstWork.FillAsync("Đã ban hành quyết định công bố TTHC.");
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await officer.Locator($"#file-{entryId}").SetInputFilesAsync(new FilePayload { Name = "quyet-dinh.pdf", MimeType = "application/pdf", Buffer = pdf });
        await officer.ClickAsync($"button[form='up-{entryId}']");
        await officer.Locator(".alert", new() { HasTextString = "Đã tải lên tệp quyet-dinh.pdf" }).WaitForAsync();

        await officer.ReloadAsync();
        (await officer.InputValueAsync("#Results")).Should().Be("Đã rà soát 12 thủ tục hành chính (tự động lưu).");
        (await officer.InputValueAsync($"#w-{entryId}")).Should().Be("Đã ban hành quyết định công bố TTHC.");
    }

    [Fact]
    public async Task Officer_FillsAndSubmits_CoordinatorReturns_OfficerResubmits_CoordinatorAccepts_DashboardAndDocxShowIt()
    {
        var (period, snv) = await PlanWithPeriodsAsync();
        var reportUrl = $"{host.BaseUrl}/Reports/Periods/{period}/Agencies/{snv}";
        const string work = "Đã ban hành Kế hoạch CCHC năm 2025 của Sở Nội vụ (thử nghiệm trình duyệt).";

        // The officer: upload one evidence file on the first activity, fill every activity, submit.
        var officer = await host.SignInAsync("snv");
        await E2EHost.OpenReportAsync(officer, reportUrl);
        var firstFile = officer.Locator("input[type=file]").First;
        var entryId = (await firstFile.GetAttributeAsync("id"))!["file-".Length..];
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% Ke hoach CCHC 2025\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await firstFile.SetInputFilesAsync(new FilePayload { Name = "ke-hoach-cchc-2025.pdf", MimeType = "application/pdf", Buffer = pdf });
        await officer.ClickAsync($"button[form='up-{entryId}']");
        await officer.Locator(".alert", new() { HasTextString = "Đã tải lên tệp ke-hoach-cchc-2025.pdf" }).WaitForAsync();
        (await officer.Locator($"a[href^='/Reports/Evidence/']").AllTextContentsAsync()).Should().Contain(t => t.Contains("ke-hoach-cchc-2025.pdf"));

        await FillAllAsync(officer, "InProgress");
        await officer.FillAsync($"#w-{entryId}", work);
        await officer.FillAsync("#Results", "Triển khai đầy đủ các nhiệm vụ CCHC quý I.");
        await officer.Locator($"#w-{entryId}").ScrollIntoViewIfNeededAsync();
        await officer.EvaluateAsync("window.scrollBy(0, -250)");
        await ShotAsync(officer, "reporting-report-form");
        var coordinator = await host.SignInAsync("coordinator");
        var unreadBefore = await UnreadAsync(coordinator);
        await officer.ClickAsync("#submit-report");
        await officer.ClickAsync("#confirm-submit-form button[type=submit]");   // "Gửi báo cáo" asks first, with counts
        await officer.Locator(".alert", new() { HasTextString = "Đã gửi báo cáo" }).WaitForAsync();
        (await officer.TextContentAsync("#report-state")).Should().Be("Đã gửi, chờ xem xét");
        (await officer.Locator("#report-form").CountAsync()).Should().Be(0, "a submitted report is locked");

        // The coordinator is told: the unread count in the menu rises by one.
        await coordinator.ReloadAsync();
        (await UnreadAsync(coordinator)).Should().Be(unreadBefore + 1);
        await ShotAsync(coordinator, "notifications-unread-count");

        // The coordinator returns it with a comment on the first activity.
        await coordinator.GotoAsync(reportUrl);
        await coordinator.FillAsync("#ReviewComment", "Đề nghị ghi rõ số hiệu văn bản đã ban hành.");
        await coordinator.Locator("#review-form").ScrollIntoViewIfNeededAsync();
        await coordinator.Locator("#ReviewComment").ScrollIntoViewIfNeededAsync();
        await ShotAsync(coordinator, "reporting-review");
        await coordinator.ClickAsync("#return-report");
        await coordinator.Locator(".alert", new() { HasTextString = "Đã trả lại báo cáo" }).WaitForAsync();

        // The officer is notified, sees the comment, fixes and resubmits.
        await officer.GotoAsync($"{host.BaseUrl}/Notifications");
        (await officer.TextContentAsync("main")).Should().Contain("bị trả lại để sửa: Đề nghị ghi rõ số hiệu văn bản đã ban hành.");
        await ShotAsync(officer, "reporting-notifications");
        await officer.GotoAsync(reportUrl);
        (await officer.TextContentAsync("main")).Should().Contain("Đề nghị ghi rõ số hiệu văn bản đã ban hành.");
        (await officer.TextContentAsync("#report-state")).Should().Be("Bị trả lại để sửa");
        await officer.FillAsync($"#w-{entryId}", work + " Số 15/KH-SNV ngày 10/01/2025.");
        await officer.ClickAsync("#submit-report");
        await officer.ClickAsync("#confirm-submit-form button[type=submit]");   // "Gửi báo cáo" asks first, with counts
        await officer.Locator(".alert", new() { HasTextString = "Đã gửi báo cáo" }).WaitForAsync();

        // The coordinator accepts; every version is kept.
        await coordinator.GotoAsync(reportUrl);
        await coordinator.ClickAsync("#accept-report");
        await coordinator.Locator(".alert", new() { HasTextString = "Đã tiếp nhận báo cáo" }).WaitForAsync();
        (await coordinator.TextContentAsync("#report-state")).Should().Be("Đã tiếp nhận");
        await coordinator.Locator("#versions-h").ScrollIntoViewIfNeededAsync();
        await ShotAsync(coordinator, "reporting-versions");
        (await coordinator.Locator("a[href^='/Reports/Versions/']").CountAsync()).Should().Be(4, "submitted, returned, resubmitted, accepted");

        // The dashboard counts it (sent after the deadline of 18/03/2025, so late).
        await coordinator.GotoAsync($"{host.BaseUrl}/Dashboard?period={period}");
        (await coordinator.TextContentAsync("#submission-progress")).Should().StartWith("1/").And.Contain("1 trễ hạn");
        var row = coordinator.Locator("#agencies-table tbody tr", new() { HasTextString = "Sở Nội vụ" });
        (await row.TextContentAsync()).Should().Contain("Trễ");
        await ShotAsync(coordinator, "reporting-dashboard");

        // The province's report (DOCX) counts the accepted report in its timeliness annex; the XLSX annex, laid out
        // like the framework table, holds each agency's accepted text under its activity.
        await coordinator.GotoAsync($"{host.BaseUrl}/Reports/Periods/{period}");
        var docx = await DownloadTextAsync(coordinator, "a[href$='handler=Docx']", ".docx");
        docx.Should().Contain("Phụ lục III").And.Contain("Sở Nội vụ").And.Contain("Đã tiếp nhận");
        var xlsx = await DownloadTextAsync(coordinator, "a[href$='handler=Xlsx']", ".xlsx");
        xlsx.Should().Contain("Số 15/KH-SNV ngày 10/01/2025").And.Contain("Sở Nội vụ");

        // The ad-hoc request form offers the issued plan and the agencies.
        await coordinator.GotoAsync($"{host.BaseUrl}/Reports/AdHoc");
        (await coordinator.Locator("#PlanId option").AllTextContentsAsync()).Should().ContainSingle();
        (await coordinator.Locator("label[for^='ag-']").AllTextContentsAsync()).Should().Contain("Sở Tư pháp");
        await coordinator.FillAsync("#Title", "Báo cáo kết quả số hóa hồ sơ TTHC");
        await coordinator.FillAsync("#Questions", "Tỷ lệ hồ sơ TTHC được số hóa; khó khăn, đề xuất.");
        await ShotAsync(coordinator, "reporting-adhoc");
    }

    /// <summary>What the user sees (the viewport, not the whole long page), into PARTRACK_SCREENSHOTS when set.</summary>
    static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PARTRACK_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    static async Task FillAllAsync(IPage page, string status)
    {
        foreach (var select in await page.Locator("#report-form select[name$='.Status']").AllAsync())
            await select.SelectOptionAsync(status);
    }

    static async Task<int> UnreadAsync(IPage page)
    {
        var badge = page.Locator("#unread-count [aria-hidden]");
        return await badge.CountAsync() == 0 ? 0 : int.Parse((await badge.TextContentAsync())!);
    }

    /// <summary>Clicks a download link and returns the file's text (a DOCX body or every sheet of an XLSX).</summary>
    static async Task<string> DownloadTextAsync(IPage page, string link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        var path = Path.Combine(Path.GetTempPath(), $"partrack-e2e-{Guid.NewGuid():N}{extension}");
        await download.SaveAsAsync(path);
        try
        {
            if (extension == ".docx")
            {
                using var doc = WordprocessingDocument.Open(path, false);
                return doc.MainDocumentPart!.Document.Body!.InnerText;
            }
            using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
            var parts = book.WorkbookPart!;
            return (parts.SharedStringTablePart?.SharedStringTable.InnerText ?? "") + string.Concat(parts.WorksheetParts.Select(w => w.Worksheet.InnerText));
        }
        finally { File.Delete(path); }
    }
}
