using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>The reporting cycle through HTTP: draft, submit (late), lock, return with comments, resubmit, accept, versions.</summary>
public sealed class ReportingCycleTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>Every lead entry on the form gets the given status; the first one also gets work text.</summary>
    static async Task<Dictionary<string, string?>> FieldsAsync(HttpClient client, string url, string status, string workDone)
    {
        var page = await client.GetPageAsync(url);
        var fields = new Dictionary<string, string?>();
        foreach (var select in page.QuerySelectorAll("#report-form select[name$='.Status']"))
        {
            var prefix = select.GetAttribute("name")![..^".Status".Length];
            fields[prefix + ".Status"] = status;
            fields[prefix + ".WorkDone"] = workDone;
            fields[prefix + ".CompletedOn"] = "2025-02-01";
        }
        fields["Results"] = "Ban hành kế hoạch CCHC đúng tiến độ.";
        return fields;
    }

    static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string url, Dictionary<string, string?> fields, string? handler = null)
    {
        if (handler == "Submit") return await SubmitReportAsync(client, url, fields);
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#report-form")!;
        return await PostFormToAsync(client, form, handler is null ? url : $"{url}?handler={handler}", fields);
    }

    [Fact]
    public async Task Submit_AfterDeadline_IsAllowedAndMarkedLate_ThenLocked()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");

        var response = await PostReportAsync(officer, url, await FieldsAsync(officer, url, "InProgress", "Đã dự thảo"), "Submit");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await app.ReportAsync(period, snv);
        report.State.Should().Be(ReportState.Submitted);
        report.FirstSubmittedAtUtc.Should().NotBeNull();
        var page = await officer.GetPageAsync(url);
        // Q1/2025 was due on 18/03/2025, long before today.
        page.QuerySelector("#report-timeliness")!.TextContent.Should().StartWith("Trễ");
        page.QuerySelector("#report-form").Should().BeNull("a submitted report is shown read-only");

        // A stale form posted after submission is refused and nothing changes.
        var edit = await officer.PostWithTokenAsync(url, new Dictionary<string, string?>
        {
            ["Version"] = report.Version.ToString(), ["Results"] = "Sửa sau khi gửi",
        }, tokenFrom: url);
        edit.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await edit.ParseAsync()).Messages().Should().Contain("không sửa được");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Ban hành kế hoạch CCHC đúng tiến độ.");
    }

    [Fact]
    public async Task Return_WithItemComment_ThenResubmitAndAccept_KeepsEveryVersion_AndSetsActivityStatus()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var coordinator = await app.As("coordinator");

        (await PostReportAsync(officer, url, await FieldsAsync(officer, url, "InProgress", "Lần 1"), "Submit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var submitted = await app.ReportAsync(period, snv);
        var entry = submitted.Entries.First(e => e.Leads && e.Activity!.Code == "3.1");

        // Return with a comment on one item.
        var returned = await PostFormToAsync(coordinator, url, "#review-form", $"{url}?handler=Return", new()
        {
            [$"EntryComments[{entry.Id}]"] = "Bổ sung số hiệu văn bản ban hành kế hoạch.",
        });
        returned.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ReportAsync(period, snv)).State.Should().Be(ReportState.Returned);

        // The officer sees the comment on that item and can edit again.
        var page = await officer.GetPageAsync(url);
        page.QuerySelector($"#entry-{entry.Id}")!.TextContent.Should().Contain("Bổ sung số hiệu văn bản");
        page.QuerySelector("#report-form").Should().NotBeNull();

        (await PostReportAsync(officer, url, await FieldsAsync(officer, url, "Done", "Lần 2: đã ban hành"), "Submit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PostFormToAsync(coordinator, url, "#review-form", $"{url}?handler=Accept", new() { ["ReviewComment"] = "Đạt yêu cầu." }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var accepted = await app.ReportAsync(period, snv);
        accepted.State.Should().Be(ReportState.Accepted);
        accepted.FirstSubmittedAtUtc.Should().Be(submitted.FirstSubmittedAtUtc, "timeliness counts from the first submission");
        var versions = await app.Db(db => db.Set<ReportVersion>().Where(v => v.ReportId == accepted.Id).OrderBy(v => v.Number).ToListAsync());
        versions.Select(v => v.Action).Should().Equal("Submitted", "Returned", "Submitted", "Accepted");
        versions[0].Content.Should().Contain("Lần 1");
        versions[2].Content.Should().Contain("Lần 2: đã ban hành");

        // Every version stays viewable.
        var first = await officer.GetPageAsync($"/Reports/Versions/{versions[0].Id}");
        first.QuerySelector("main")!.TextContent.Should().Contain("Lần 1");

        // 3.1 was due by 31/12/2024 and reported done on 01/02/2025: the plan shows it done late.
        var status = await app.Db(db => db.Activities.Where(a => a.Id == entry.ActivityId).Select(a => a.Status).SingleAsync());
        status.Should().Be(ActivityStatus.DoneLate);
    }

    [Fact]
    public async Task Submit_PostedTwice_KeepsOneVersion()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var fields = await FieldsAsync(officer, url, "InProgress", "Gửi hai lần");
        var page = await officer.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#report-form")!;

        var asked = await PostFormToAsync(officer, form, $"{url}?handler=Submit", fields);
        asked.StatusCode.Should().Be(HttpStatusCode.OK, "\"Gửi báo cáo\" asks first");
        var question = await asked.ParseAsync();
        (await ConfirmSubmitAsync(officer, question)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ConfirmSubmitAsync(officer, question)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the second click finds it sent");
        // "Gửi báo cáo" clicked again on the stale page: told it is sent, nothing new.
        (await PostFormToAsync(officer, form, $"{url}?handler=Submit", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await app.ReportAsync(period, snv);
        (await app.Db(db => db.Set<ReportVersion>().CountAsync(v => v.ReportId == report.Id))).Should().Be(1);
    }

    [Fact]
    public async Task Save_WithStaleVersion_IsRefusedAsConflict()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var page = await officer.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#report-form")!;

        (await officer.SubmitAsync(form, url, new Dictionary<string, string?> { ["Results"] = "Người thứ nhất" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        // The second person's page: same stale Version, its own save key (the same page posting again is LostAnswerSaveTests).
        var second = await officer.SubmitAsync(form, url, new Dictionary<string, string?> { ["Results"] = "Người thứ hai", ["SaveKey"] = "trang-thu-hai" });
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Người thứ nhất");
    }

    [Fact]
    public async Task NotDone_WithoutReason_CannotBeSubmitted()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");

        var response = await PostReportAsync(officer, url, await FieldsAsync(officer, url, "NotDone", "—"), "Submit");
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("lý do");
        (await app.ReportAsync(period, snv)).State.Should().Be(ReportState.Draft);
    }

    /// <summary>
    /// "Gửi báo cáo" then "Xác nhận gửi", as an officer does: the first post must answer with the confirmation (anything
    /// else, a refusal with what is missing included, is returned as it is), the second sends.
    /// </summary>
    internal static async Task<HttpResponseMessage> SubmitReportAsync(HttpClient client, string url, Dictionary<string, string?> fields)
    {
        var asked = await PostFormToAsync(client, url, "#report-form", url + "?handler=Submit", fields);
        if (asked.StatusCode != HttpStatusCode.OK) return asked;
        return await ConfirmSubmitAsync(client, await asked.ParseAsync());
    }

    /// <summary>Posts the confirmation form found on a page answered by "Gửi báo cáo".</summary>
    internal static Task<HttpResponseMessage> ConfirmSubmitAsync(HttpClient client, AngleSharp.Dom.IDocument asked)
    {
        var confirm = (IHtmlFormElement)(asked.QuerySelector("#confirm-submit-form")
            ?? throw new InvalidOperationException("\"Gửi báo cáo\" did not ask to confirm: " + asked.Messages()));
        return client.PostAsync(confirm.GetAttribute("action"), new FormUrlEncodedContent(HttpForms.FormValues(confirm)));
    }

    internal static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, string pageUrl, string selector, string target,
        Dictionary<string, string?> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = (IHtmlFormElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on {pageUrl}"));
        return await PostFormToAsync(client, form, target, fields);
    }

    internal static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, IHtmlFormElement form, string target,
        Dictionary<string, string?> fields)
    {
        var values = HttpForms.FormValues(form);
        foreach (var (k, v) in fields) { values.RemoveAll(p => p.Key == k); if (v is not null) values.Add(new(k, v)); }
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }
}
