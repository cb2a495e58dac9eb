using System.Net;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>A coordinating agency's contribution, once sent, is shown on the lead agency's report.</summary>
public sealed class ContributionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SentContribution_ShowsOnTheLeadsReport_ADraftDoesNot()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        // Fixture activity "Tuyên truyền …": lead Văn phòng UBND tỉnh, coordinating Sở Tài chính.
        var stc = ReportTestData.ReportUrl(period, await app.AgencyIdAsync("Sở Tài chính"));
        var lead = ReportTestData.ReportUrl(period, await app.AgencyIdAsync("Văn phòng UBND tỉnh"));
        var coordinator = await app.As("coordinator");
        const string contribution = "Đã thẩm định và bố trí kinh phí tuyên truyền CCHC.";

        var form = await coordinator.GetPageAsync(stc);
        var fields = new Dictionary<string, string?>();
        foreach (var select in form.QuerySelectorAll("#report-form select[name$='.Status']"))
            fields[select.GetAttribute("name")!] = "InProgress";
        // Demo groups make Sở Tài chính a coordinator of several activities; it writes the same note on each.
        var contributionBoxes = form.QuerySelectorAll("#report-form textarea[name$='.WorkDone']")
            .Where(t => form.QuerySelector($"label[for='{t.Id}']")!.TextContent == "Nội dung đã phối hợp").ToList();
        contributionBoxes.Should().NotBeEmpty();
        foreach (var box in contributionBoxes)
            fields[box.GetAttribute("name")!] = contribution;

        (await ReportingCycleTests.PostFormToAsync(coordinator, stc, "#report-form", stc, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync(lead)).QuerySelector("main")!.TextContent.Should().NotContain(contribution, "a draft is not shown to the lead");

        (await ReportingCycleTests.SubmitReportAsync(coordinator, stc, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var text = (await coordinator.GetPageAsync(lead)).QuerySelector("main")!.TextContent;
        text.Should().Contain("Đóng góp của cơ quan phối hợp").And.Contain("Sở Tài chính").And.Contain(contribution);
    }
}
