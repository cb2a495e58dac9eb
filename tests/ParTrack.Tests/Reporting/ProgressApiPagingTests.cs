using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// The progress API's filters and pages on a generated province (30 activities led by groups, so many agencies per
/// activity, with reports in every state): each page and filter gives exactly the rows of the full figures
/// (Progress.ForPeriodAsync, every pair), and bad parameters are refused in Vietnamese.
/// </summary>
public sealed class ProgressApiPagingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OnePageHoldingEveryActivity_EqualsTheFullFigures_AndHasNoNext(string provider)
    {
        var (app, plan, q3) = await ProvinceAsync(provider);
        var full = await app.ProgressAsync(q3);
        var api = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}");

        api.ActivitiesTotal.Should().Be(full.Activities.Count).And.BeLessThan(ProgressFilter.DefaultLimit);
        (api.Offset, api.Limit, api.Next).Should().Be((0, ProgressFilter.DefaultLimit, (string?)null));
        api.Totals.Should().Be(new TotalsDto(full.Totals.Activities, full.Totals.Done, full.Totals.InProgress, full.Totals.NotStarted,
            full.Totals.Overdue, full.Totals.NotDone, full.Totals.Percent));
        api.Areas.Select(a => (a.AreaId, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue)).Should()
            .Equal(full.Areas.Select(a => (a.AreaId, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue)));
        api.Agencies.Select(a => (a.AgencyId, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue, a.Totals.NotDone)).Should()
            .Equal(full.Agencies.Select(a => (a.AgencyId, a.Totals.Activities, a.Totals.Done, a.Totals.Overdue, a.Totals.NotDone)));
        api.Activities.Select(Line).Should().Equal(full.Activities.Select(Line));
        api.Activities.Select(a => a.State).Distinct().Should().HaveCountGreaterThan(1, "the comparison covers several states");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FollowingNext_WalksEveryActivityExactlyOnce_InTheFullListsOrder(string provider)
    {
        var (app, plan, q3) = await ProvinceAsync(provider);
        var full = await app.ProgressAsync(q3);
        var seen = new List<string>();
        var pages = 0;
        for (string? url = $"/api/plans/{plan}/progress?periodId={q3}&limit=7"; url is not null; pages++)
        {
            var page = await GetAsync(app, url);
            page.ActivitiesTotal.Should().Be(full.Activities.Count);
            page.Activities.Should().HaveCountLessThanOrEqualTo(7);
            page.Totals.Activities.Should().Be(full.Totals.Activities, "the totals are the whole period's on every page");
            seen.AddRange(page.Activities.Select(Line));
            url = page.Next;
        }
        pages.Should().Be((full.Activities.Count + 6) / 7);
        seen.Should().Equal(full.Activities.Select(Line));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AreaStateAndTextFilters_GiveTheFullListsRowsOfThatAreaStateAndText(string provider)
    {
        var (app, plan, q3) = await ProvinceAsync(provider);
        var full = await app.ProgressAsync(q3);
        var area = full.Activities.GroupBy(a => a.AreaId).OrderByDescending(g => g.Count()).First().Key!.Value;
        var byArea = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}&areaId={area}");
        byArea.Activities.Select(Line).Should().Equal(full.Activities.Where(a => a.AreaId == area).Select(Line)).And.NotBeEmpty();
        byArea.ActivitiesTotal.Should().Be(byArea.Activities.Count).And.BeLessThan(full.Activities.Count);

        foreach (var state in full.Activities.Select(a => a.State).Distinct())
        {
            var byState = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}&state={state.ToString().ToLowerInvariant()}");
            byState.Activities.Select(Line).Should().Equal(full.Activities.Where(a => a.State == state).Select(Line), state.ToString());
        }
        var byText = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}&q={Uri.EscapeDataString("hoạt ĐỘNG  12 ")}");
        byText.Activities.Select(Line).Should().Equal(full.Activities.Where(a => a.Text.Contains("Hoạt động 12", StringComparison.OrdinalIgnoreCase)).Select(Line))
            .And.NotBeEmpty();
        var both = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}&areaId={area}&state={full.Activities.First(a => a.AreaId == area).State}&limit=1");
        both.ActivitiesTotal.Should().Be(full.Activities.Count(a => a.AreaId == area && a.State == full.Activities.First(x => x.AreaId == area).State));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyFilter_ListsTheActivitiesItLeads_WithOnlyItsOwnState(string provider)
    {
        var (app, plan, q3) = await ProvinceAsync(provider);
        var full = await app.ProgressAsync(q3);
        var agency = full.Agencies.First(a => a.Totals.Activities < full.Totals.Activities).AgencyId;
        var expected = full.Activities.Where(a => a.Agencies.Any(s => s.AgencyId == agency)).ToList();

        var api = await GetAsync(app, $"/api/plans/{plan}/progress?periodId={q3}&agencyId={agency}");
        api.ActivitiesTotal.Should().Be(expected.Count).And.Be(full.Agencies.Single(a => a.AgencyId == agency).Totals.Activities);
        api.Activities.Select(a => a.ActivityId).Should().Equal(expected.Select(a => a.ActivityId));
        api.Activities.Should().OnlyContain(a => a.Agencies.Count == 1 && a.Agencies[0].AgencyId == agency);
        api.Activities.Select(a => (a.ActivityId, a.Agencies[0].State, a.Agencies[0].Percent, a.Agencies[0].Source)).Should().Equal(expected.Select(a =>
        {
            var s = a.Agencies.Single(x => x.AgencyId == agency);
            return (a.ActivityId, s.State.ToString(), s.Percent, s.Source.ToString());
        }));
        api.Activities.Select(a => (a.State, a.AgenciesDone)).Should().Equal(expected.Select(a => (a.State.ToString(), a.AgenciesDone)),
            "the activity's own state stays the whole activity's");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BadParameters_AreRefusedWithAVietnameseMessage_AndOfficersStillGet403(string provider)
    {
        var (app, plan, q3) = await ProvinceAsync(provider);
        var otherArea = await app.Db(db => db.PlanAreas.Where(a => a.PlanId != plan).Select(a => a.Id).FirstAsync());
        var coordinator = await app.As("coordinator");
        var cases = new Dictionary<string, string>
        {
            ["offset=-1"] = "từ 0 trở lên",
            ["limit=0"] = "từ 1 đến 1000",
            ["limit=1001"] = "từ 1 đến 1000",
            ["state=Late"] = "Trạng thái (state) không hợp lệ",
            [$"areaId={otherArea}"] = "không thuộc kế hoạch",
            ["agencyId=999999"] = "Không có cơ quan (agencyId) này",
        };
        foreach (var (query, message) in cases)
        {
            var response = await coordinator.GetAsync($"/api/plans/{plan}/progress?periodId={q3}&{query}");
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync()).Should().Contain(message, query);
        }
        (await (await app.As("snv")).GetAsync($"/api/plans/{plan}/progress?periodId={q3}&limit=10"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>What the API and the full figures must agree on for an activity, its owing agencies' states included.</summary>
    static string Line(ActivityProgressDto a) =>
        $"{a.ActivityId} {a.AreaId} {a.State} {a.Percent} {a.AgenciesDone}: " + string.Join(", ", a.Agencies.Select(s => $"{s.AgencyId} {s.State} {s.Percent} {s.Source}"));

    static string Line(ActivityProgressRow a) =>
        $"{a.ActivityId} {a.AreaId} {a.State} {a.Percent} {a.AgenciesDone}: " + string.Join(", ", a.Agencies.Select(s => $"{s.AgencyId} {s.State} {s.Percent} {s.Source}"));

    static async Task<PlanProgressDto> GetAsync(TestApp app, string url)
    {
        var response = await (await app.As("coordinator")).GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return (await response.Content.ReadFromJsonAsync<PlanProgressDto>())!;
    }

    /// <summary>The generated province (once per database: this class's tests share it and change nothing) and its Q3 period.</summary>
    async Task<(TestApp App, int Plan, int Q3)> ProvinceAsync(string provider)
    {
        var app = fx.App(provider);
        var plan = await app.Db(db => db.Plans.Where(p => p.ParentPlanId == null && p.Title.Contains("dữ liệu lớn")).Select(p => (int?)p.Id).SingleOrDefaultAsync());
        if (plan is null)
        {
            (await GenerateLargeCommand.RunWithReportsAsync(app.Services, new StringWriter(), new(10, 30, 10))).Should().Be(0);
            plan = await app.Db(db => db.Plans.Where(p => p.ParentPlanId == null && p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync());
        }
        var q3 = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.PlanId == plan && p.Kind == ReportingPeriodKind.Q3).Select(p => p.Id).SingleAsync());
        return (app, plan.Value, q3);
    }
}
