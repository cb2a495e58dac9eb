using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Performance;

/// <summary>
/// No N+1 queries: each heavy page runs the same number of database commands (counted per request by
/// Data.CommandCount) on a small generated province and on one three times larger (agency plans, province
/// activities, activities per agency plan, hence agencies, reports and entries). A query per row makes the
/// larger count grow. Counted with the rendered fragments (and the reads kept beside them) off, so each page computes
/// what it shows, and the dashboard and progress figures with their cache off. What a cached page runs: SteadyReadsTests.
/// </summary>
public sealed class QueryCountTests
{
    static readonly GenerateLargeCommand.Size Small = new(10, 30, 10);
    static readonly GenerateLargeCommand.Size Larger = new(30, 90, 30);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task HeavyPages_RunTheSameNumberOfQueries_OnAProvinceThreeTimesLarger(string provider)
    {
        var small = await CountAsync(provider, Small);
        var larger = await CountAsync(provider, Larger);

        small.Values.Should().OnlyContain(n => n > 0, "the header counts the commands of each request");
        larger.Should().BeEquivalentTo(small, "a page's query count must not grow with the number of rows");
    }

    /// <summary>
    /// The start page judges early warning only for the plans with something due soon: plans issued in earlier years (nothing
    /// due within the window) add no queries. It judged every issued plan, a few queries each, which made the start page
    /// of a database holding hundreds of plans (a test's, or a province after years of use) cost thousands of commands.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task StartPage_RunsTheSameNumberOfQueries_WithMorePlansThatHaveNothingDueSoon(string provider)
    {
        await using var app = new TestApp(provider);
        var counted = app.WithWebHostBuilder(b => b
            .UseSetting("Diagnostics:CommandCountHeader", "true")
            .UseSetting("Reporting:DashboardCacheSeconds", "0")
            .UseSetting("Performance:FragmentCache", "false"));
        await app.ProvincePlanAsync();
        var coordinator = await SignInAsync(counted, "coordinator");
        var one = await CommandsAsync(coordinator, "/");

        for (var i = 0; i < 4; i++) await app.ProvincePlanAsync();
        var five = await CommandsAsync(coordinator, "/");

        five.Should().Be(one, "plans with nothing due within the early-warning window are not judged one by one");
    }

    /// <summary>The commands each page runs on a freshly generated province of this size.</summary>
    static async Task<Dictionary<string, int>> CountAsync(string provider, GenerateLargeCommand.Size size)
    {
        await using var app = new TestApp(provider);
        var counted = app.WithWebHostBuilder(b => b
            .UseSetting("Diagnostics:CommandCountHeader", "true")
            .UseSetting("Reporting:DashboardCacheSeconds", "0")
            .UseSetting("Performance:FragmentCache", "false"));
        (await GenerateLargeCommand.RunWithReportsAsync(counted.Services, new StringWriter(), size)).Should().Be(0);

        var (plan, q3, draft, agency) = await app.Db(async db =>
        {
            var plan = await db.Plans.Where(p => p.ParentPlanId == null && p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync();
            var periods = await db.Set<ReportPeriod>().Where(p => p.PlanId == plan).ToListAsync();
            var year = periods.Single(p => p.Kind == ReportingPeriodKind.Year).Id;
            var draft = await db.Set<AgencyReport>().Where(r => r.PeriodId == year && r.State == ReportState.Draft)
                .OrderBy(r => r.AgencyId).Select(r => r.AgencyId).FirstAsync();
            return (plan, periods.Single(p => p.Kind == ReportingPeriodKind.Q3).Id, $"/Reports/Periods/{year}/Agencies/{draft}", draft);
        });
        var coordinator = await SignInAsync(counted, "coordinator");
        var officer = await SignInAsync(counted, "snv");

        var result = new Dictionary<string, int>
        {
            ["dashboard"] = await CommandsAsync(coordinator, $"/Dashboard?period={q3}"),
            ["framework table"] = await CommandsAsync(coordinator, $"/Plans/{plan}"),
            ["Việc của tôi"] = await CommandsAsync(officer, "/MyWork"),
            ["report form"] = await CommandsAsync(coordinator, draft),
            ["progress API"] = await CommandsAsync(coordinator, $"/api/plans/{plan}/progress?periodId={q3}"),
            ["progress API page"] = await CommandsAsync(coordinator, $"/api/plans/{plan}/progress?periodId={q3}&offset=5&limit=10"),
            ["progress API agency"] = await CommandsAsync(coordinator, $"/api/plans/{plan}/progress?periodId={q3}&agencyId={agency}&limit=10"),
        };
        return result;
    }

    static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.LoginAsync(user, Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    static async Task<int> CommandsAsync(HttpClient client, string url)
    {
        await client.GetAsync(url);   // the first request of a page pays for one-time work (registry, caches of the app)
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return int.Parse(response.Headers.GetValues(CommandCount.Header).Single());
    }
}
