using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Reporting;

/// <summary>The calendar a coordinator saves for a plan is the one its periods use.</summary>
public sealed class PlanCalendarTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpeningAYear_WithoutDays_UsesThePlansSavedCalendar()
    {
        var app = fx.App();
        var plan = await app.ProvincePlanAsync();
        await app.Db(async db => (await new ReportPeriods(db, TimeProvider.System).OpenYearAsync(plan, 2025, 4, 10)).IsOk.Should().BeTrue());
        await app.Db(async db => await db.Set<ReportPeriod>().Where(p => p.PlanId == plan).ExecuteDeleteAsync());

        var coordinator = await app.As("coordinator");
        var response = await coordinator.PostWithTokenAsync("/Reports?handler=OpenYear", new Dictionary<string, string?>
        {
            ["PlanId"] = plan.ToString(), ["Year"] = "2025", ["CutOffDay"] = "", ["SubmitDay"] = "",
        }, tokenFrom: "/Reports");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var q1 = await app.Db(db => db.Set<ReportPeriod>().SingleAsync(p => p.PlanId == plan && p.Kind == ReportingPeriodKind.Q1));
        q1.DataTo.Should().Be(new DateOnly(2025, 3, 4));
        q1.Deadline.Should().Be(new DateOnly(2025, 3, 10));
        (await app.Db(db => new ReportPeriods(db, TimeProvider.System).CalendarAsync(plan))).Should().Be(new ReportingCalendar(4, 10));
    }
}
