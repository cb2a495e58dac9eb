using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Publishing;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Publishing;

/// <summary>
/// Issue 15 on the demo (2025 plan with reports, PAR rounds): what the demo publishes, the leak crawl, the data package
/// against the Frictionless profile, publishing and withdrawing through the coordinator's page, caching headers.
/// </summary>
public sealed class PublicSiteTests(PublicDemoFixture fx) : IClassFixture<PublicDemoFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Demo_PublishesNineMonthProgressAndLastYearsParIndex_AndTheHomeListsThem(string provider)
    {
        var app = fx.App(provider);
        var home = await app.Anonymous().GetPageAsync("/cong-khai");

        var links = home.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(["/cong-khai/plan-progress/2025-9M", "/cong-khai/plan-targets/2025-9M", "/cong-khai/plan-activities/2025-9M",
            $"/cong-khai/par-index/{DateTime.UtcNow.Year - 1}"]);
        home.QuerySelectorAll("form").Should().BeEmpty("the public site has no form");

        var page = await app.Anonymous().GetPageAsync("/cong-khai/plan-progress/2025-9M");
        page.QuerySelector("svg[role=img]")!.GetAttribute("aria-labelledby").Should().Be("chart-caption");
        page.QuerySelectorAll("svg text").Select(t => int.Parse(t.GetAttribute("font-size")!)).Should().OnlyContain(size => size >= 12);
        page.QuerySelectorAll("table tbody tr").Should().NotBeEmpty();
        page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
            .Should().OnlyContain(h => h.StartsWith("/cong-khai") || h.StartsWith("/public") || h == "/Accounts/Login" || h == "/openapi/v1.json",
                "the public layout links into the app only for signing in");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Crawl_FindsNoUnpublishedNarrativeCommentFileOrPerson_ButThePublishedActivity(string provider)
    {
        var app = fx.App(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string M(string what) => $"LEAK{what}{tag}";
        var secret = new[] { "NARR", "COMMENT", "WORK", "REASON", "FILE", "DOC", "PARFILE", "PERSON", "ROUND", "VERSION", "LATE" }.Select(M).ToList();
        var published = M("PUBLISHED");

        await app.Db(async db =>
        {
            await db.Set<AgencyReport>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Results, M("NARR")).SetProperty(r => r.Limitations, M("NARR"))
                .SetProperty(r => r.Proposals, M("NARR")).SetProperty(r => r.ReviewComment, M("COMMENT")));
            await db.Set<ReportEntry>().ExecuteUpdateAsync(s => s.SetProperty(e => e.WorkDone, M("WORK")).SetProperty(e => e.Reason, M("REASON"))
                .SetProperty(e => e.ReviewComment, M("COMMENT")));
            await db.Set<ReportVersion>().ExecuteUpdateAsync(s => s.SetProperty(v => v.Comment, M("VERSION")));
            await db.Set<Evidence>().ExecuteUpdateAsync(s => s.SetProperty(e => e.FileName, M("FILE") + ".pdf").SetProperty(e => e.DocSummary, M("DOC")));
            await db.Set<ParEvidence>().ExecuteUpdateAsync(s => s.SetProperty(e => e.FileName, M("PARFILE") + ".pdf"));
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, M("PERSON")));
            // The open (unpublished) round of this year.
            await db.Set<ParRound>().Where(r => r.Stage != RoundStage.Published).ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, M("ROUND")));
            var activity = await db.Activities.Where(a => db.Plans.Any(p => p.Id == a.PlanId && p.OwnerAgencyId == null)).OrderBy(a => a.Id).FirstAsync();
            await db.Activities.Where(a => a.Id == activity.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, published));
        });
        using (var scope = app.Services.CreateScope())
        {
            var publications = scope.ServiceProvider.GetRequiredService<Publications>();
            (await publications.PublishAsync("plan-activities", "2025-9M", "coordinator")).IsOk.Should().BeTrue();
        }
        // Changed after publication: a frozen snapshot must not show it.
        await app.Db(db => db.Activities.Where(a => a.Text == published).ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, M("LATE"))));
        app.Services.GetRequiredService<PublicCatalog>().Changed();

        var fetched = await PublicCrawler.CrawlAsync(app.Anonymous());

        fetched.Should().OnlyContain(f => f.Status == 200, "every address the public site names answers");
        fetched.Select(f => f.Url).Should().Contain(u => u.EndsWith(".csv")).And.Contain(u => u.StartsWith("/api/public/datasets/par-index/"))
            .And.Contain(u => u.StartsWith("/cong-khai/nhung/"));
        foreach (var f in fetched)
            secret.Where(m => f.Body.Contains(m)).Should().BeEmpty($"{f.Url} must show only published data");
        fetched.Where(f => f.Body.Contains(published)).Select(f => f.Url).Should()
            .Contain(["/cong-khai/plan-activities/2025-9M", "/cong-khai/tai-ve/plan-activities/2025-9M.csv", "/cong-khai/tai-ve/plan-activities/2025-9M.json"]);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DataPackage_ValidatesAsATabularDataPackage_AndEveryCsvRowMatchesItsSchema(string provider)
    {
        var app = fx.App(provider);
        var client = app.Anonymous();
        var response = await client.GetAsync("/cong-khai/datapackage.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var package = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = package.RootElement;

        var errors = await FrictionlessCheck.ErrorsAsync(root, async path =>
        {
            var csv = await client.GetAsync(new Uri(path).PathAndQuery);
            csv.StatusCode.Should().Be(HttpStatusCode.OK, path);
            csv.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
            return await csv.Content.ReadAsStringAsync();
        });

        errors.Should().BeEmpty();
        root.GetProperty("partrack:province").GetProperty("code").GetString().Should().Be("42");
        root.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("partrack:key").GetString())
            .Should().Contain("2025-9M").And.Contain((DateTime.UtcNow.Year - 1).ToString());
        root.GetProperty("resources").EnumerateArray().Select(r => r.TryGetProperty("partrack:published", out _)).Should().OnlyContain(has => has);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Coordinator_PublishesAfterAConfirmation_ThenWithdraws_AndTheItemLeavesSiteApiAndPackage(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var anonymous = app.Anonymous();
        const string page = "/cong-khai/plan-progress/2025-6M";
        (await anonymous.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the 6-month progress is not published");

        var confirm = await coordinator.GetPageAsync("/Publishing?confirm=publish&kind=plan-progress&key=2025-6M");
        confirm.QuerySelector("#confirm-title")!.TextContent.Should().StartWith("Công bố");
        confirm.QuerySelector("section.card")!.TextContent.Should().Contain("bất kỳ ai cũng xem và tải được").And.Contain("Tỷ lệ hoàn thành (%)");
        var published = await coordinator.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)confirm.QuerySelector("section.card form")!, "/Publishing");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.OK);

        var withdraw = await coordinator.GetPageAsync("/Publishing?confirm=withdraw&kind=plan-progress&key=2025-6M");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)withdraw.QuerySelector("section.card form")!;
        (await coordinator.SubmitAsync(form, "/Publishing")).StatusCode.Should().Be(HttpStatusCode.OK, "a withdrawal without a reason is refused on the page");
        (await coordinator.SubmitAsync(form, "/Publishing", new Dictionary<string, string?> { ["Reason"] = "Số liệu cần rà soát lại" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await anonymous.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/public/datasets/plan-progress/2025-6M")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync("/cong-khai/datapackage.json")).Should().NotContain("plan-progress_2025-6m");
        var id = (await app.Db(db => db.Set<Publication>().Where(p => p.Kind == "plan-progress" && p.ItemKey == "2025-6M").Select(p => p.Id).ToListAsync())).Should().ContainSingle().Subject.ToString();
        var rows = await app.Db(db => db.Set<Publication>().Where(p => p.Kind == "plan-progress" && p.ItemKey == "2025-6M").ToListAsync());
        rows.Should().ContainSingle().Which.Should().Match<Publication>(p => p.PublishedBy == "coordinator" && p.WithdrawnBy == "coordinator"
            && p.WithdrawnReason == "Số liệu cần rà soát lại" && p.WithdrawnAtUtc != null);
        (await app.Db(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Publication) && a.EntityId == id)))
            .Should().Be(2, "the publication and its withdrawal are audited");
    }

    [Fact]
    public async Task PublishedSnapshots_HaveETagAndLongLivedPublicCache_AndAnswer304ToIfNoneMatch()
    {
        var client = fx.App(Databases.Sqlite).Anonymous();
        foreach (var url in new[] { "/cong-khai", "/public/par-index/" + (DateTime.UtcNow.Year - 1), "/cong-khai/plan-progress/2025-9M",
                     "/cong-khai/tai-ve/plan-progress/2025-9M.csv", "/cong-khai/datapackage.json", "/api/public/datasets/plan-progress/2025-9M" })
        {
            var first = await client.GetAsync(url);
            first.StatusCode.Should().Be(HttpStatusCode.OK, url);
            first.Headers.CacheControl!.Public.Should().BeTrue(url);
            first.Headers.CacheControl.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromHours(1), url);
            first.Headers.ETag.Should().NotBeNull(url);
            first.Content.Headers.LastModified.Should().NotBeNull(url);

            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            var second = await client.SendAsync(again);
            second.StatusCode.Should().Be(HttpStatusCode.NotModified, url);
            (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty(url);

            var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        }
        (await client.GetAsync("/Accounts/Login")).Headers.CacheControl!.NoStore.Should().BeTrue("the app's own pages stay no-store");
    }

    [Fact]
    public async Task EmbeddableChart_AllowsFraming_WhileTheItemPageRefusesIt()
    {
        var client = fx.App(Databases.Sqlite).Anonymous();
        var embed = await client.GetAsync("/cong-khai/nhung/plan-progress/2025-9M");
        embed.StatusCode.Should().Be(HttpStatusCode.OK);
        string.Join(";", embed.Headers.GetValues("Content-Security-Policy")).Should().Contain("frame-ancestors *").And.Contain("script-src 'self'");
        embed.Headers.Contains("X-Frame-Options").Should().BeFalse();
        (await embed.Content.ReadAsStringAsync()).Should().Contain("<svg");

        var page = await client.GetAsync("/cong-khai/plan-progress/2025-9M");
        string.Join(";", page.Headers.GetValues("Content-Security-Policy")).Should().Contain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        (await page.Content.ReadAsStringAsync()).Should().Contain("/cong-khai/nhung/plan-progress/2025-9M", "the page tells the portal what to embed");
    }
}
