using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dashboard;

/// <summary>The demo with plans has 2025 reports in every state, so a new user sees a living dashboard.</summary>
public sealed class DemoReportsTests : IAsyncLifetime
{
    readonly TestApp app = new(Databases.Sqlite, seedPlans: true);

    public Task InitializeAsync() { _ = app.Server; return Task.CompletedTask; }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DemoReports_Q1ToQ3InEveryState_AndSnvHasAYearDraftToWalk()
    {
        var states = await app.Db(db => db.Set<AgencyReport>().AsNoTracking()
            .Select(r => new { r.Period!.Kind, r.State, r.FirstSubmittedAtUtc, r.Period.Deadline, Agency = r.Agency!.Name }).ToListAsync());
        states.Should().NotBeEmpty("the sample plan is imported and the 2025 periods are opened");

        var q1 = states.Where(s => s.Kind == ReportingPeriodKind.Q1).ToList();
        q1.Should().OnlyContain(s => s.State == ReportState.Accepted, "every agency's Q1 report was accepted (some after a return)");
        q1.Should().Contain(s => DateOnly.FromDateTime(s.FirstSubmittedAtUtc!.Value.AddHours(7)) > s.Deadline, "some were late");
        states.Where(s => s.Kind == ReportingPeriodKind.SixMonths).Select(s => s.State).Should().Contain(ReportState.Returned);
        states.Where(s => s.Kind == ReportingPeriodKind.Q3).Select(s => s.State).Should()
            .Contain([ReportState.Accepted, ReportState.Submitted, ReportState.Returned]);
        states.Should().ContainSingle(s => s.Kind == ReportingPeriodKind.Year && s.Agency == "Sở Nội vụ")
            .Which.State.Should().Be(ReportState.Draft);
        (await app.Db(db => db.Set<ReportVersion>().CountAsync(v => v.Action == "Returned"))).Should().BePositive();

        // The coordinator's dashboard for Q3 shows the progress with late and missing agencies.
        var q3 = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.Kind == ReportingPeriodKind.Q3).Select(p => p.Id).SingleAsync());
        var page = await (await app.As("coordinator")).GetPageAsync($"/Dashboard?period={q3}");
        page.QuerySelector("#submission-progress")!.TextContent.Should().MatchRegex(@"^\d+/\d+ cơ quan đã gửi báo cáo, \d+ trễ hạn, \d+ quá hạn chưa gửi");
    }
}
