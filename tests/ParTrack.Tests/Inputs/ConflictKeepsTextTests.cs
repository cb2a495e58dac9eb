using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>Finding 9 (conflict): a save that conflicts keeps the typed text and shows both versions.</summary>
public sealed class ConflictKeepsTextTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ConflictingSave_KeepsTheTypedText_ShowsTheirVersion_AndSavingAgainKeepsMine()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var coordinator = await app.As("coordinator");
        await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, []);
        var theirsPage = (IHtmlFormElement)(await coordinator.GetPageAsync(url)).QuerySelector("#report-form")!;
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { ["Results"] = "Bản của cán bộ Sở" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stale = await ReportingCycleTests.PostFormToAsync(coordinator, theirsPage, url, new() { ["Results"] = "Đoạn dài tôi vừa gõ" });

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await stale.ParseAsync();
        page.QuerySelector("#Results")!.TextContent.Should().Be("Đoạn dài tôi vừa gõ", "the typed text is not thrown away");
        page.QuerySelector("#their-version [data-version=theirs]")!.TextContent.Should().Be("Bản của cán bộ Sở");
        page.Messages().Should().Contain(ReportModel.ConflictKeptMessage);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Bản của cán bộ Sở");

        // Saving the page as it now stands is a deliberate overwrite.
        var again = await coordinator.SubmitAsync((IHtmlFormElement)page.QuerySelector("#report-form")!, url);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Đoạn dài tôi vừa gõ");
    }
}
