using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Accounts;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Shared;

/// <summary>
/// The reads every request repeats (Features/Shared/SteadyReads: the session's user row, the unread count, each heavy
/// page's header) are kept per data version: a second identical request of a heavy page runs no database command, and
/// a change to the account (deactivated, another role or agency, a new security stamp) still ends the session on the
/// very next request, because it is a write.
/// </summary>
public sealed class SteadyReadsTests
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SecondIdenticalRequest_OfEachHeavyPage_RunsNoDatabaseCommand(string provider)
    {
        await using var app = new TestApp(provider);
        var (plan, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        await app.Db(async db =>
        {
            var work = new ReportWork(db, new Obligations(db), TimeProvider.System);
            (await work.EnsureAsync(period, snv)).Should().NotBeNull("Sở Nội vụ owes a Q1 report");
        });
        var counted = app.WithWebHostBuilder(b => b.UseSetting("Diagnostics:CommandCountHeader", "true"));
        var coordinator = await SignInAsync(counted, "coordinator");
        var officer = await SignInAsync(counted, "snv");
        var pages = new (HttpClient Who, string Url)[]
        {
            (coordinator, $"/Plans/{plan}"),
            (officer, "/MyWork"),
            (coordinator, ReportTestData.ReportUrl(period, snv)),
            (officer, ReportTestData.ReportUrl(period, snv)),
            (coordinator, $"/Dashboard?period={period}"),
        };
        // Once each first: a first read may build what is kept beside the data (the dashboard's tallies), which is a write.
        foreach (var (who, url) in pages) await CommandsAsync(who, url);

        foreach (var (who, url) in pages)
        {
            await CommandsAsync(who, url);
            (await CommandsAsync(who, url)).Should().Be(0, $"nothing was written since the same request of {url}");
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AccountChanged_AfterItsRowWasKept_SessionIsRefusedOnTheVeryNextRequest(string provider)
    {
        await using var app = new TestApp(provider);
        var agency = await app.AgencyIdAsync("Sở Nội vụ");
        var changes = new (string What, Action<User> Change)[]
        {
            ("deactivated", u => u.Active = false),
            ("another role", u => u.Role = Role.Appraiser),
            ("another agency", u => u.AgencyId = agency),
            ("a new security stamp", u => u.SecurityStamp = User.NewStamp()),
        };
        foreach (var (what, change) in changes)
        {
            var userName = await app.AddUserAsync();
            var client = await app.SignedInAsync(userName);
            // Twice: the second request is served from the kept row (the first test shows it reads nothing).
            (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/Plans")).StatusCode.Should().Be(HttpStatusCode.OK);

            await app.Db(async db =>
            {
                change(await db.Users.SingleAsync(u => u.UserName == userName));
                await db.SaveChangesAsync();
            });

            (await client.GetAsync("/Plans")).IsLoginRedirect().Should().BeTrue($"an account with {what} must sign in again");
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NoticeAdded_AfterTheCountWasKept_IsCountedOnTheNextPage(string provider)
    {
        await using var app = new TestApp(provider);
        var client = await app.As("coordinator");
        var userId = await app.UserIdAsync("coordinator");
        var before = await UnreadAsync(client);
        (await UnreadAsync(client)).Should().Be(before);

        await app.Db(async db =>
        {
            db.Set<Features.Notifications.Notification>().Add(new Features.Notifications.Notification
            {
                UserId = userId, Text = "Thông báo thử", CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        (await UnreadAsync(client)).Should().Be(before + 1);
    }

    static async Task<int> UnreadAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/Plans");
        return int.TryParse(page.QuerySelector("#unread-count span[aria-hidden]")?.TextContent, out var n) ? n : 0;
    }

    static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.LoginAsync(user, Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    static async Task<int> CommandsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return int.Parse(response.Headers.GetValues(CommandCount.Header).Single());
    }
}
