using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>The report form split by reform area, with a navigation and the reviewer's comment beside each activity (issue 10).</summary>
public sealed class ReportSectionsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportForm_EachLeadActivitySitsInItsAreasSection_AndTheNavigationLinksEverySection(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var page = await officer.GetPageAsync(url);
        var report = await app.ReportAsync(period, snv);
        var areas = await app.Db(db => db.Activities.Where(a => report.Entries.Select(e => e.ActivityId).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.AreaId));
        foreach (var e in report.Entries.Where(e => e.Leads))
        {
            var section = page.QuerySelector($"#entry-{e.Id}")!.Closest("section.report-section")!;
            section.Id.Should().Be(areas[e.ActivityId] is { } area ? $"sec-area-{area}" : "sec-area-none");
        }
        var sectionIds = page.QuerySelectorAll("section.report-section").Select(s => s.Id).ToList();
        sectionIds.Should().Contain("sec-narrative");
        var links = page.QuerySelectorAll("#report-nav a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(sectionIds.Select(id => "#" + id)).And.Contain("#report-actions", "the submit is reachable from the top");
        page.QuerySelector("#report-summary")!.TextContent.Should().Contain($"Đã trả lời 0/{report.Entries.Count} hoạt động");
        page.QuerySelectorAll("a.next-section").Should().HaveCount(sectionIds.Count, "every part ends with a link to the next (the last to the buttons)");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Return_WithCommentTypedBesideAnActivity_ShowsItAtThatActivityForTheOfficer(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var coordinator = await app.As("coordinator");
        var leads = report.Entries.Where(e => e.Leads).OrderBy(e => e.Id).ToList();
        var (commented, other) = (leads[0], leads[^1]);

        var review = await coordinator.GetPageAsync(url);
        foreach (var e in report.Entries)
        {
            var box = review.QuerySelector($"#entry-{e.Id} textarea[name='EntryComments[{e.Id}]']");
            box.Should().NotBeNull($"the comment field of entry {e.Id} sits beside that activity");
            box!.GetAttribute("form").Should().Be("review-form");
        }
        var returned = await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Return",
            new() { [$"EntryComments[{commented.Id}]"] = "Thiếu số hiệu văn bản triển khai." });
        returned.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var officer = await app.As("snv");
        var page = await officer.GetPageAsync(url);
        page.QuerySelector($"#entry-{commented.Id} .entry-comment")!.TextContent.Should().Contain("Thiếu số hiệu văn bản triển khai.");
        if (other.Id != commented.Id) page.QuerySelector($"#entry-{other.Id} .entry-comment").Should().BeNull();
        page.QuerySelector($"#returned-note a[href='#entry-{commented.Id}']").Should().NotBeNull("the note at the top points at the row");
        page.QuerySelector("#report-summary")!.TextContent.Should().Contain("1 hoạt động có ý kiến của Sở Nội vụ");
        page.QuerySelector("#report-form").Should().NotBeNull("a returned report is editable again");
    }

    [Fact]
    public async Task Return_WithTooLongActivityComment_IsRefusedWithMessage_AndTheReportStaysSubmitted()
    {
        var app = fx.App();
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var coordinator = await app.As("coordinator");
        var entry = report.Entries.First(e => e.Leads);

        var refused = await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Return",
            new() { [$"EntryComments[{entry.Id}]"] = new string('x', ParTrack.Data.Limits.Text + 1) });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.ParseAsync()).Messages().Should().Contain("Ý kiến theo hoạt động");
        (await app.ReportAsync(report.PeriodId, report.AgencyId)).State.Should().Be(ReportState.Submitted);
    }
}
