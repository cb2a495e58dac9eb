using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cli;

/// <summary>
/// `bench-generate` writes the agency plans, reports, entries and dossiers in bulk (Cli/BulkRows: COPY on PostgreSQL,
/// one prepared INSERT per transaction on SQLite). The rows must be those the EF generator wrote: at ×1 every table was
/// compared row by row (all columns but the random Versions and the clock's timestamps) with the EF generator's output
/// of commit af293cb and found identical on SQLite; the counts below are the small province's. The app must then open
/// the result and keep writing (the PostgreSQL identity sequences moved past the generated ids).
/// </summary>
public sealed class BulkGenerationTests
{
    static readonly GenerateLargeCommand.Size Small = new(10, 30, 10);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BenchGenerate_WritesTheSmallProvinceInBulk_WithTheSameCounts_AndTheAppOpensAndWritesAfterIt(string provider)
    {
        await using var app = new TestApp(provider);
        var before = await app.Db(async db => (await db.Agencies.CountAsync(), await db.Plans.CountAsync()));
        var stdout = new StringWriter();
        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, stdout, Small, dossiers: 3000)).Should().Be(0, stdout.ToString());

        var counts = await app.Db(async db => new
        {
            Agencies = await db.Agencies.CountAsync() - before.Item1,
            Plans = await db.Plans.CountAsync() - before.Item2,
            Activities = await db.Activities.CountAsync(a => a.Plan!.Title.Contains("dữ liệu lớn") || a.Plan.ParentPlan!.Title.Contains("dữ liệu lớn")),
            Reports = await db.Set<AgencyReport>().CountAsync(),
            Entries = await db.Set<ReportEntry>().CountAsync(),
            LeadPercents = await db.Set<ReportEntry>().SumAsync(e => e.Percent ?? 0),
            Accepted = await db.Set<AgencyReport>().CountAsync(r => r.State == ReportState.Accepted),
            Dossiers = await db.Set<Dossier>().CountAsync(),
        });
        counts.Should().BeEquivalentTo(new
        {
            Agencies = 9, Plans = 11, Activities = 130, Reports = 132, Entries = 1396, LeadPercents = 94046, Accepted = 92, Dossiers = 3024,
        });
        stdout.ToString().Should().Contain("Hồ sơ TTHC");

        var (plan, activityId) = await app.Db(async db =>
        {
            var plan = await db.Plans.Where(p => p.ParentPlanId == null && p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync();
            // A row added by the app after the bulk ids: on PostgreSQL it fails on a duplicate key if the sequence was not moved.
            var activity = new Activity { PlanId = plan, Text = "Hoạt động thêm sau khi sinh dữ liệu", Version = Guid.NewGuid() };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (plan, activity.Id);
        });
        activityId.Should().BeGreaterThan(130);

        var coordinator = await SignInAsync(app, "coordinator");
        foreach (var url in new[] { $"/Plans/{plan}", "/Dossiers/Kpis?From=2025-01-01&To=2025-12-31" })
            (await coordinator.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        var officer = await SignInAsync(app, "snv");
        (await officer.GetAsync("/MyWork")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Options_ScaleTheProvince_AndRefuseWhatIsNotAWholeNumber()
    {
        GenerateLargeCommand.Options(["bench-generate", "x.db"]).Should().Be((GenerateLargeCommand.Size.Full, 0));
        GenerateLargeCommand.Options(["bench-generate", "x.db", "--scale", "3", "--dossiers", "300000"])
            .Should().Be((new GenerateLargeCommand.Size(900, 900, 100), 300000));
        GenerateLargeCommand.Options(["bench-generate", "x.db", "--scale", "ba"]).Should().BeNull();
        GenerateLargeCommand.Options(["bench-generate", "x.db", "--dossiers"]).Should().BeNull();
        GenerateLargeCommand.Options(["bench-generate", "x.db", "--dossiers", "-5"]).Should().BeNull();
    }

    static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.LoginAsync(user, Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }
}
