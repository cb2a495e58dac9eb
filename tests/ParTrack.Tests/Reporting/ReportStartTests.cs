using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>Finding 20b: opening a report page never creates the report; "Bắt đầu báo cáo" (a POST) does, once.</summary>
public sealed class ReportStartTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Get_CreatesNoReport_ButShowsWhatIsOwed_AndStartPostedTwice_CreatesOneDraft(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        Task<int> CountAsync() => app.Db(db => db.Set<AgencyReport>().CountAsync(r => r.PeriodId == period && r.AgencyId == snv));

        var page = await officer.RawGetPageAsync(url);
        await officer.RawGetPageAsync(url);

        (await CountAsync()).Should().Be(0, "a GET writes nothing");
        page.QuerySelector("#report-form").Should().BeNull();
        page.QuerySelectorAll("#owed-activities li").Should().NotBeEmpty("the officer sees the activities owed before starting");
        var start = (IHtmlFormElement)page.QuerySelector("form#start-report")!;
        start.Method.Should().BeEquivalentTo("post");

        (await officer.SubmitAsync(start, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await officer.SubmitAsync(start, url)).StatusCode.Should().Be(HttpStatusCode.Redirect, "pressed twice: the second finds the draft");

        (await CountAsync()).Should().Be(1);
        var draft = await app.ReportAsync(period, snv);
        draft.State.Should().Be(ReportState.Draft);
        var opened = await officer.RawGetPageAsync(url);
        opened.QuerySelector("form#start-report").Should().BeNull();
        opened.QuerySelectorAll("#report-form textarea[name$='.WorkDone']").Should().NotBeEmpty();
    }

    [Fact]
    public async Task ReadOnlyViewer_SeesNoStartButton_AndCreatesNothing()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        var page = await (await app.As("leader")).RawGetPageAsync(ReportTestData.ReportUrl(period, snv));

        page.QuerySelector("form#start-report").Should().BeNull();
        (await app.Db(db => db.Set<AgencyReport>().CountAsync(r => r.PeriodId == period && r.AgencyId == snv))).Should().Be(0);
    }
}
