using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>
/// Finding 9c: a save whose answer was lost (crash, dropped connection) left the page with the old Version. The
/// page's save key lets the next save from that same page through; a save from any other page is still a conflict.
/// </summary>
public sealed class LostAnswerSaveTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Task<HttpResponseMessage> AutosaveAsync(HttpClient client, IHtmlFormElement form, string url, Dictionary<string, string?> fields) =>
        ReportingCycleTests.PostFormToAsync(client, form, url + "?handler=Autosave", fields);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Autosave_WithAStaleVersionButThisPagesKey_IsSaved_WhileAnotherKeyIsAConflict(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var form = (IHtmlFormElement)(await officer.GetPageAsync(url)).QuerySelector("#report-form")!;
        var v0 = (await app.ReportAsync(period, snv)).Version.ToString();

        // Saved (v0 → v1), but the page never heard back: it still holds v0.
        (await AutosaveAsync(officer, form, url, new() { ["SaveKey"] = "K", ["Version"] = v0, ["Results"] = "Lần 1" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.ReportAsync(period, snv)).Version.ToString().Should().NotBe(v0);

        var again = await AutosaveAsync(officer, form, url, new() { ["SaveKey"] = "K", ["Version"] = v0, ["Results"] = "Lần 2" });
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the stale version is this page's own earlier save");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Lần 2");

        var other = await AutosaveAsync(officer, form, url, new() { ["SaveKey"] = "L", ["Version"] = v0, ["Results"] = "Trang khác" });
        other.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.ReportAsync(period, snv)).Results.Should().Be("Lần 2", "another page's stale save overwrites nothing");
    }

    [Fact]
    public async Task LuuNhap_PostedAgainAfterALostAnswer_IsSaved_ButAfterSomeoneElsesSave_KeepsTheTextAsAConflict()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var page = await officer.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#report-form")!;
        ((IHtmlInputElement)form.QuerySelector("input[name=SaveKey]")!).Value.Should().NotBeNullOrEmpty("the no-JS form carries a key too");

        (await officer.SubmitAsync(form, url, new Dictionary<string, string?> { ["Results"] = "Lần 1" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await officer.SubmitAsync(form, url, new Dictionary<string, string?> { ["Results"] = "Lần 2" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "the same page posting again after its answer was lost");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Lần 2");

        // Someone else's page saves; then this page's stale form is a conflict again.
        (await ReportingCycleTests.PostFormToAsync(await app.As("coordinator"), url, "#report-form", url, new() { ["Results"] = "Người khác" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stale = await officer.SubmitAsync(form, url, new Dictionary<string, string?> { ["Results"] = "Lần 3" });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.ParseAsync()).QuerySelector("#Results")!.TextContent.Should().Be("Lần 3");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Người khác");
    }
}
