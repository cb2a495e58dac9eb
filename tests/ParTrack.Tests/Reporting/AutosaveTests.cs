using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using FluentAssertions;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>"Drafts save as you go": the report page's script posts the form to ?handler=Autosave and gets JSON back.</summary>
public sealed class AutosaveTests(AppFixture fx) : IClassFixture<AppFixture>
{
    sealed record Page(IHtmlFormElement Form, string Url);

    static async Task<Page> OpenAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return new((IHtmlFormElement)page.QuerySelector("#report-form")!, url);
    }

    static Task<HttpResponseMessage> AutosaveAsync(HttpClient client, Page page, Dictionary<string, string?> fields) =>
        ReportingCycleTests.PostFormToAsync(client, page.Form, page.Url + "?handler=Autosave", fields);

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static string FirstWorkField(Page page) =>
        page.Form.QuerySelector("textarea[name$='.WorkDone']")!.GetAttribute("name")!;

    [Fact]
    public async Task Autosave_KeepsWhatIsTyped_AndAnswersTheVersionTheNextSaveSends()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var page = await OpenAsync(officer, ReportTestData.ReportUrl(period, snv));
        var work = FirstWorkField(page);

        var first = await AutosaveAsync(officer, page, new() { [work] = "Đã dự thảo kế hoạch", ["Results"] = "Nháp 1" });
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var version = (await JsonAsync(first)).GetProperty("version").GetString();
        var stored = await app.ReportAsync(period, snv);
        stored.Version.ToString().Should().Be(version);
        stored.Results.Should().Be("Nháp 1");
        stored.State.Should().Be(ReportState.Draft, "an autosave never submits");

        // The next save carries the version the first one answered, as the script does.
        var second = await AutosaveAsync(officer, page, new() { ["Version"] = version, ["Results"] = "Nháp 2" });
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Nháp 2");
        (await officer.GetPageAsync(page.Url)).QuerySelector("#Results")!.TextContent.Should().Be("Nháp 2");
    }

    [Fact]
    public async Task Autosave_FromAStalePage_Is409WithAMessage_AndOverwritesNothing()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var url = ReportTestData.ReportUrl(period, snv);
        var mine = await OpenAsync(officer, url);
        var theirs = await OpenAsync(await app.As("coordinator"), url);

        (await AutosaveAsync(officer, mine, new() { ["Results"] = "Bản của cán bộ" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await AutosaveAsync(await app.As("coordinator"), theirs, new() { ["Results"] = "Bản cũ của người khác" });

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(stale)).GetProperty("message").GetString().Should().Be(ReportWork.StaleMessage);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Bản của cán bộ");
    }

    [Fact]
    public async Task Autosave_OnASubmittedReport_IsRefusedAsLocked()
    {
        var app = fx.App();
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var response = await officer.PostWithTokenAsync(url + "?handler=Autosave", new Dictionary<string, string?>()
        {
            ["Version"] = report.Version.ToString(), ["Results"] = "Sửa sau khi gửi",
        }, tokenFrom: url);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonAsync(response)).GetProperty("message").GetString().Should().Be(ReportWork.LockedMessage);
        (await app.ReportAsync(report.PeriodId, report.AgencyId)).Results.Should().Be("Kết quả quý I");
    }

    [Fact]
    public async Task Autosave_WithAnImpossiblePercent_Is422_NamesTheField_AndSavesNothing()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var page = await OpenAsync(officer, ReportTestData.ReportUrl(period, snv));
        var percent = page.Form.QuerySelector("input[name$='.Percent']")!.GetAttribute("name")!;
        var status = percent.Replace(".Percent", ".Status");

        var response = await AutosaveAsync(officer, page, new() { [status] = "InProgress", [percent] = "140", ["Results"] = "Không được lưu" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var body = await JsonAsync(response);
        body.GetProperty("errors").EnumerateObject().Select(e => e.Value.GetString()).Should().Contain("Tỷ lệ hoàn thành phải từ 0 đến 100%.");
        (await app.ReportAsync(period, snv)).Results.Should().BeNull();
    }

    [Fact]
    public async Task Autosave_OfAnotherAgencysReport_IsNotFound_AndWithoutTokenIsRefused()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var otherOfficer = await app.As("stp");

        var foreign = await otherOfficer.PostWithTokenAsync(url + "?handler=Autosave", new Dictionary<string, string?>() { ["Results"] = "x" }, tokenFrom: "/Reports");
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var officer = await app.As("snv");
        var noToken = await officer.PostAsync(url + "?handler=Autosave", new FormUrlEncodedContent([new("Results", "x")]));
        noToken.IsSuccessStatusCode.Should().BeFalse("antiforgery applies to the script's posts too");
        (await app.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Set<AgencyReport>(), r => r.PeriodId == period && r.AgencyId == snv && r.Results == "x"))).Should().BeFalse();
    }
}
