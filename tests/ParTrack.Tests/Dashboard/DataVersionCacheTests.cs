using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Dashboard;

/// <summary>
/// The dashboard's cached view is keyed by the data version (Data.DataVersion): it is reused while nothing is
/// written, and any write through the app — here an agency renamed, which is no reporting event — shows in the
/// next request of every viewer. The cache holds figures, not HTML: each viewer's page carries its own name and
/// form token, and officers are still refused.
/// </summary>
public sealed class DataVersionCacheTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CachedDashboard_ShowsAnAppWriteToEveryViewer_AndNeverAnotherUsersNameOrToken(string provider)
    {
        await using var app = new TestApp(provider);
        var (_, period) = await app.OpenQ1Async();
        var cached = app.WithWebHostBuilder(b => b.UseSetting("Reporting:DashboardCacheSeconds", "3600"));
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var coordinator = await SignInAsync(cached, "coordinator");
        var leader = await SignInAsync(cached, "leader");
        var url = $"/Dashboard?period={period}";
        async Task<string> Agencies(HttpClient who) => (await who.GetPageAsync(url)).QuerySelector("#agencies-table")!.TextContent;

        (await Agencies(coordinator)).Should().Contain("Sở Nội vụ");
        (await Agencies(leader)).Should().Contain("Sở Nội vụ");

        // A write behind the app's back (plain ADO.NET, no EF interceptor) does not bump the version: the view is reused.
        await Rename(cached, snv, "Sở Nội vụ ngoài ứng dụng", throughApp: false);
        (await Agencies(leader)).Should().NotContain("ngoài ứng dụng", "the cached view is served while the data version stays");

        // The same kind of write through the app shows at once, for both viewers.
        await Rename(cached, snv, "Sở Nội vụ đổi tên", throughApp: true);
        (await Agencies(coordinator)).Should().Contain("Sở Nội vụ đổi tên");
        (await Agencies(leader)).Should().Contain("Sở Nội vụ đổi tên");

        var coordinatorPage = await coordinator.GetPageAsync(url);
        var leaderPage = await leader.GetPageAsync(url);
        leaderPage.QuerySelector("nav")!.TextContent.Should().Contain("leader").And.NotContain("coordinator");
        var tokens = new[] { coordinatorPage, leaderPage }
            .Select(p => p.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")).ToList();
        if (tokens[0] is not null) tokens[1].Should().NotBe(tokens[0], "each viewer's page carries its own form token");

        var officer = await SignInAsync(cached, "snv");
        (await officer.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "officers never get the province view, cached or not");
    }

    static async Task Rename(WebApplicationFactory<Program> app, int agencyId, string name, bool throughApp)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (throughApp)
        {
            (await db.Agencies.SingleAsync(a => a.Id == agencyId)).Name = name;
            await db.SaveChangesAsync();
            return;
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE \"Agencies\" SET \"Name\" = '{name}' WHERE \"Id\" = {agencyId}";
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.LoginAsync(user, Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }
}
