using System.Net;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Dashboard;

/// <summary>
/// The dashboard is cached, but a submission or review in the app shows at once. On both providers: the
/// latest-accepted-entry query is plain SQL.
/// </summary>
public sealed class DashboardCacheTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Dashboard_MovesAtOnce_WhenAReportIsSubmittedAndAccepted(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var coordinator = await app.As("coordinator");
        async Task<string> Progress() =>
            (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector("#submission-progress")!.TextContent;

        (await Progress()).Should().StartWith("0/");

        var officer = await app.As("snv");
        var form = await officer.GetPageAsync(url);
        var fields = new Dictionary<string, string?> { ["Results"] = "Đã triển khai." };
        foreach (var select in form.QuerySelectorAll("#report-form select[name$='.Status']"))
            fields[select.GetAttribute("name")!] = "Done";
        (await ReportingCycleTests.SubmitReportAsync(officer, url, fields)).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        (await Progress()).Should().StartWith("1/").And.Contain("1 trễ hạn");

        var before = (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector("#agencies-table")!.TextContent;
        (await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Accept", new())).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        var after = (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector("#agencies-table")!.TextContent;
        after.Should().NotBe(before, "accepting the report marks Sở Nội vụ's activities done");
    }
}
