using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Demo;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Shared;

/// <summary>
/// Rendered fragments (Features/Shared/FragmentCache) of the framework table, "Việc của tôi", the dashboard and the report
/// form: reused while nothing is written (a write behind the app's back stays unseen), renewed for every viewer by any
/// write through the app, never served to another scope or language, never holding a form token; and on PostgreSQL a
/// second instance hears the first one's writes (NOTIFY/LISTEN).
/// </summary>
public sealed class FragmentCacheTests
{
    /// <summary>A Q1 period of a fresh province plan, and Sở Nội vụ's draft report with one lead entry.</summary>
    sealed record Scene(int PlanId, int PeriodId, int Snv, int EntryId, int ActivityId)
    {
        public string ReportUrl => ReportTestData.ReportUrl(PeriodId, Snv);
    }

    static async Task<Scene> SceneAsync(TestApp app)
    {
        var (plan, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var work = new ReportWork(db, scope.ServiceProvider.GetRequiredService<Obligations>(), TimeProvider.System);
        var id = await work.EnsureAsync(period, snv) ?? throw new InvalidOperationException("Sở Nội vụ owes no Q1 report");
        var entry = await db.Set<ReportEntry>().Where(e => e.ReportId == id && e.Leads).OrderBy(e => e.Id).FirstAsync();
        return new Scene(plan, period, snv, entry.Id, entry.ActivityId);
    }

    /// <summary>Renames the agency and rewrites the activity's text, through the app (EF: the data version moves) or behind its back.</summary>
    static async Task WriteAsync(WebApplicationFactory<Program> app, Scene s, string marker, bool throughApp)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (throughApp)
        {
            (await db.Agencies.SingleAsync(a => a.Id == s.Snv)).Name = $"Sở Nội vụ {marker}";
            (await db.Activities.SingleAsync(a => a.Id == s.ActivityId)).Text = $"Hoạt động {marker}";
            await db.SaveChangesAsync();
            return;
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE \"Agencies\" SET \"Name\" = 'Sở Nội vụ {marker}' WHERE \"Id\" = {s.Snv}; "
            + $"UPDATE \"Activities\" SET \"Text\" = 'Hoạt động {marker}' WHERE \"Id\" = {s.ActivityId}";
        await command.ExecuteNonQueryAsync();
    }

    static (string Url, string Part, string[] Viewers)[] Pages(Scene s) =>
    [
        ($"/Plans/{s.PlanId}", "#f-agency", ["coordinator", "leader", "snv"]),   // the filter's agencies, in the cached part
        ("/MyWork", "main h1", ["snv"]),
        ($"/Dashboard?period={s.PeriodId}", "#agencies-table", ["coordinator", "leader"]),
        (s.ReportUrl, $"#entry-h-{s.EntryId}", ["coordinator", "leader", "snv"]),
    ];

    static async Task<string> PartAsync(HttpClient who, string url, string part) =>
        (await who.GetPageAsync(url)).QuerySelector(part)?.TextContent ?? throw new InvalidOperationException($"{part} is not on {url}");

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EachHeavyPage_IsReusedWhileNothingIsWritten_AndAnAppWriteIsSeenByEveryViewersNextRequest(string provider)
    {
        await using var app = new TestApp(provider);
        var s = await SceneAsync(app);
        // Signing in writes (a new data version): everyone first, then every page once as every viewer.
        foreach (var user in new[] { "coordinator", "leader", "snv" }) await app.As(user);
        // Twice: a first read may build what is kept beside the data (the dashboard's tallies), which is a write too.
        for (var pass = 0; pass < 2; pass++)
            foreach (var (url, part, viewers) in Pages(s))
                foreach (var user in viewers)
                    (await PartAsync(await app.As(user), url, part)).Should().NotBeEmpty();

        await WriteAsync(app, s, "ngoài ứng dụng", throughApp: false);
        foreach (var (url, part, viewers) in Pages(s))
            foreach (var user in viewers)
                (await PartAsync(await app.As(user), url, part)).Should().NotContain("ngoài ứng dụng",
                    "{0} as {1} is served from the cache while the data version stays", url, user);

        await WriteAsync(app, s, "qua ứng dụng", throughApp: true);
        foreach (var (url, part, viewers) in Pages(s))
            foreach (var user in viewers)
                (await PartAsync(await app.As(user), url, part)).Should().Contain("qua ứng dụng",
                    "{0} as {1} is rendered afresh after a write through the app", url, user);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CacheTurnedOff_RendersEveryRequest(string provider)
    {
        await using var app = new TestApp(provider);
        var s = await SceneAsync(app);
        await using var off = app.WithWebHostBuilder(b => b.UseSetting("Performance:FragmentCache", "false"));
        var leader = off.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await leader.LoginAsync("leader", DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await PartAsync(leader, $"/Plans/{s.PlanId}", "#f-agency");

        await WriteAsync(off, s, "ngoài ứng dụng", throughApp: false);
        (await PartAsync(leader, $"/Plans/{s.PlanId}", "#f-agency")).Should().Contain("ngoài ứng dụng");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SamePageAndDataVersion_ForAnotherScope_IsRenderedForThatScope(string provider)
    {
        await using var app = new TestApp(provider);
        var s = await SceneAsync(app);
        var editLinks = $"a[href^='/Plans/{s.PlanId}/Activities/']";

        // The coordinator renders first (edit links); the leader and an officer, same page and version, get none.
        (await (await app.As("coordinator")).GetPageAsync($"/Plans/{s.PlanId}")).QuerySelectorAll(editLinks).Should().NotBeEmpty();
        (await (await app.As("leader")).GetPageAsync($"/Plans/{s.PlanId}")).QuerySelectorAll(editLinks).Should().BeEmpty();
        (await (await app.As("snv")).GetPageAsync($"/Plans/{s.PlanId}")).QuerySelectorAll(editLinks).Should().BeEmpty();

        // Each officer's own work, whoever rendered first.
        (await PartAsync(await app.As("snv"), "/MyWork", "main h1")).Should().Contain("Sở Nội vụ");
        (await PartAsync(await app.As("stp"), "/MyWork", "main h1")).Should().Contain("Sở Tư pháp").And.NotContain("Sở Nội vụ");

        // The report: the coordinator edits it, the leader reads it, another agency's officer does not find it.
        var coordinatorPage = await (await app.As("coordinator")).GetPageAsync(s.ReportUrl);
        coordinatorPage.QuerySelector($"#w-{s.EntryId}").Should().NotBeNull("the coordinator may fill a draft report");
        var leaderPage = await (await app.As("leader")).GetPageAsync(s.ReportUrl);
        leaderPage.QuerySelector("#report-form").Should().BeNull();
        leaderPage.QuerySelector($"#w-{s.EntryId}").Should().BeNull("the leader reads the report, it never gets the editor's fields");
        (await (await app.As("stp")).GetAsync(s.ReportUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.As("snv")).GetPageAsync(s.ReportUrl)).QuerySelector($"#w-{s.EntryId}").Should().NotBeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EnglishInterface_NeverGetsTheVietnameseFragment(string provider)
    {
        await using var app = new TestApp(provider);
        var s = await SceneAsync(app);
        var english = app.Anonymous();
        (await english.LoginAsync("snv", DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await english.GetAsync("/lang/en-US?returnUrl=/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var vietnamese = await app.As("snv");

        (await PartAsync(vietnamese, $"/Plans/{s.PlanId}", "table caption")).Should().Be("Khung kế hoạch");
        (await PartAsync(english, $"/Plans/{s.PlanId}", "table caption")).Should().Be("Plan framework");
        (await PartAsync(vietnamese, s.ReportUrl, "#report-nav-h")).Should().Be("Các phần của báo cáo");
        (await PartAsync(english, s.ReportUrl, "#report-nav-h")).Should().NotBe("Các phần của báo cáo");
        (await PartAsync(vietnamese, "/MyWork", "#all-h")).Should().Be("Tất cả việc theo lĩnh vực");
        (await PartAsync(english, "/MyWork", "#all-h")).Should().NotBe("Tất cả việc theo lĩnh vực");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportForm_FromTheCache_CarriesEachUsersOwnTokens_AndItsFormsStillPost(string provider)
    {
        await using var app = new TestApp(provider);
        var s = await SceneAsync(app);
        var officer = await app.As("snv");
        var coordinator = await app.As("coordinator");
        static HashSet<string> Tokens(IHtmlDocument page) =>
            page.QuerySelectorAll($"input[name={HttpForms.TokenField}]").Select(i => i.GetAttribute("value")!).ToHashSet();

        await coordinator.GetPageAsync(s.ReportUrl);
        var coordinatorTokens = Tokens(await coordinator.GetPageAsync(s.ReportUrl));
        await officer.GetPageAsync(s.ReportUrl);
        var cached = await officer.GetPageAsync(s.ReportUrl);   // the second render: from the cache
        var officerTokens = Tokens(cached);
        officerTokens.Should().NotBeEmpty();
        coordinatorTokens.Should().NotBeEmpty().And.NotIntersectWith(officerTokens, "no token is kept in a shared fragment");
        cached.QuerySelector($"#up-{s.EntryId} input[name={HttpForms.TokenField}]").Should().NotBeNull("each evidence form carries the user's token");

        // The draft saves from the cached page ...
        var form = (IHtmlFormElement)cached.QuerySelector("#report-form")!;
        var workDone = cached.QuerySelector($"#w-{s.EntryId}")!.GetAttribute("name")!;
        var saved = await officer.SubmitAsync(form, s.ReportUrl, new Dictionary<string, string?> { [workDone] = "Đã lưu từ trang lấy ra từ bộ đệm" });
        saved.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.OK);
        (await app.Db(db => db.Set<ReportEntry>().Where(e => e.Id == s.EntryId).Select(e => e.WorkDone).SingleAsync()))
            .Should().Be("Đã lưu từ trang lấy ra từ bộ đệm");

        // ... an evidence document is added through its form, and the next page offers its removal form, with a token.
        var page = await officer.GetPageAsync(s.ReportUrl);
        var doc = (IHtmlFormElement)page.QuerySelector($"#doc-{s.EntryId}")!;
        var added = await officer.SubmitAsync(doc, s.ReportUrl, new Dictionary<string, string?>
        {
            ["docNumber"] = "12/BC-SNV", ["docDate"] = "2025-03-10", ["docSummary"] = "Báo cáo kết quả",
        });
        added.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.OK);
        var evidence = await app.Db(db => db.Set<Evidence>().Where(v => v.EntryId == s.EntryId).Select(v => v.Id).SingleAsync());
        (await officer.GetPageAsync(s.ReportUrl)).QuerySelector($"#rm-{evidence} input[name={HttpForms.TokenField}]").Should().NotBeNull();
    }

    [PostgresFact]
    public async Task SecondInstanceOnTheSameDatabase_SeesTheFirstOnesWrite_WithinSeconds()
    {
        await using var first = new TestApp(Databases.Postgres);
        var s = await SceneAsync(first);
        await using var second = first.WithWebHostBuilder(b => b.UseSetting("Instance:Name", "b"));
        var leader = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await leader.LoginAsync("leader", DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var url = $"/Plans/{s.PlanId}";
        await PartAsync(leader, url, "#f-agency");
        await Task.Delay(1000);   // its listener is connected (a connection bumps once), then the page is kept again
        await PartAsync(leader, url, "#f-agency");

        // The second instance really serves its cache ...
        await WriteAsync(second, s, "ngoài ứng dụng", throughApp: false);
        (await PartAsync(leader, url, "#f-agency")).Should().NotContain("ngoài ứng dụng");

        // ... and hears a write by the first one (NOTIFY partrack_data), without waiting for the cache to expire.
        await WriteAsync(first, s, "ở máy thứ nhất", throughApp: true);
        var until = DateTime.UtcNow.AddSeconds(5);
        string part;
        while (!(part = await PartAsync(leader, url, "#f-agency")).Contains("ở máy thứ nhất") && DateTime.UtcNow < until)
            await Task.Delay(100);
        part.Should().Contain("ở máy thứ nhất", "the second instance bumps its data version on the first one's notice");
    }
}

/// <summary>A test that needs PostgreSQL itself (NOTIFY/LISTEN), skipped without a server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Databases.PostgresServer is null) Skip = "PARTRACK_TEST_POSTGRES is not set (source scripts/start-postgres.sh).";
    }
}
