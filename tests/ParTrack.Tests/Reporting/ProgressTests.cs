using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using R = ParTrack.Domain.Activities.ReportedStatus;
using S = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Tests.Reporting;

/// <summary>Progress belongs to (activity, agency, period): group activities, period isolation, one set of figures everywhere.</summary>
public sealed class ProgressTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task GroupActivity_TwoOfThreeAgenciesDone_IsInProgress_AndEachAgencyCountsItsOwnWork()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var q1 = g.Periods[ReportingPeriodKind.Q1];
        var (a0, a1, a2) = (g.Activities[0], g.Activities[1], g.Activities[2]);
        await app.SubmitAsync(q1, g.Agencies[0], new Dictionary<int, R> { [a0] = R.Done, [a1] = R.Done });
        await app.SubmitAsync(q1, g.Agencies[1], new Dictionary<int, R> { [a0] = R.Done, [a2] = R.InProgress });
        await app.SubmitAsync(q1, g.Agencies[2], new Dictionary<int, R> { [a0] = R.InProgress, [a2] = R.NotStarted });
        await app.ReviewAsync(q1, g.Agencies[0], accept: true);
        await app.ReviewAsync(q1, g.Agencies[1], accept: true);

        var f = await app.ProgressAsync(q1);
        var group = f.Activities.Single(a => a.ActivityId == a0);
        group.State.Should().Be(S.InProgress, "one of the three lead agencies has not finished");
        group.AgenciesDone.Should().Be(2);
        group.Agencies.Should().HaveCount(3);
        group.Agencies.Single(s => s.AgencyId == g.Agencies[2]).Source.Should().Be(AnswerSource.UnderReview);
        group.Agencies.Single(s => s.AgencyId == g.Agencies[0]).Source.Should().Be(AnswerSource.Accepted);
        f.Activities.Single(a => a.ActivityId == a1).State.Should().Be(S.Done);
        f.Totals.Should().Be(new ProgressTotals(3, 1, 2, 0, 0, 0));
        f.Agencies.Single(a => a.AgencyId == g.Agencies[0]).Totals.Done.Should().Be(2, "its own report says both of its activities are done");
        f.Agencies.Single(a => a.AgencyId == g.Agencies[1]).Totals.Done.Should().Be(1);
        f.Agencies.Single(a => a.AgencyId == g.Agencies[2]).Totals.Done.Should().Be(0);

        var page = await (await app.As("coordinator")).GetPageAsync($"/Reports/Periods/{q1}/Activities/{a0}");
        page.QuerySelector("#agencies-done")!.TextContent.Should().Be("2/3 cơ quan hoàn thành");
        page.QuerySelectorAll("#breakdown-table tbody tr").Should().HaveCount(3);
        page.QuerySelector("#breakdown-table")!.TextContent.Should().Contain("Đã gửi, chờ xem xét");
        (await (await app.As("snv")).GetAsync($"/Reports/Periods/{q1}/Activities/{a0}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptingAnOlderPeriodsReport_ChangesNeitherTheLaterPeriod_NorThePlansStoredStatus()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var (q1, six) = (g.Periods[ReportingPeriodKind.Q1], g.Periods[ReportingPeriodKind.SixMonths]);
        var allDone = g.Activities.ToDictionary(a => a, _ => R.Done);
        await app.SubmitAsync(q1, g.Agencies[0], new Dictionary<int, R>());   // Q1: nothing started yet
        foreach (var agency in g.Agencies)
        {
            await app.SubmitAsync(six, agency, allDone);
            await app.ReviewAsync(six, agency, accept: true);
        }
        var before = await app.ProgressAsync(six);
        before.Totals.Done.Should().Be(3);
        var stored = await app.Db(db => db.Activities.Where(a => a.PlanId == g.PlanId).OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        stored.Should().OnlyContain(s => s == ParTrack.Data.ActivityStatus.Done || s == ParTrack.Data.ActivityStatus.DoneLate,
            "activity 1 was due 31/03 and reported done with the 6-month report");

        await app.ReviewAsync(q1, g.Agencies[0], accept: true);   // the older report is accepted last

        var after = await app.ProgressAsync(six);
        after.Totals.Should().Be(before.Totals);
        after.Agencies.Should().BeEquivalentTo(before.Agencies);
        (await app.Db(db => db.Activities.Where(a => a.PlanId == g.PlanId).OrderBy(a => a.Id).Select(a => a.Status).ToListAsync()))
            .Should().Equal(stored, "the plan pages keep the latest period's figures");
        (await app.ProgressAsync(q1)).Agencies.Single(a => a.AgencyId == g.Agencies[0]).Totals.Done.Should().Be(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Dashboard_PeriodPage_Xlsx_AndApi_ShowTheSameFigures(string provider)
    {
        var app = fx.App(provider);
        var g = await app.GroupPlanAsync();
        var six = g.Periods[ReportingPeriodKind.SixMonths];
        var (a0, a1, a2) = (g.Activities[0], g.Activities[1], g.Activities[2]);
        await app.SubmitAsync(six, g.Agencies[0], new Dictionary<int, R> { [a0] = R.Done, [a1] = R.InProgress });
        await app.SubmitAsync(six, g.Agencies[1], new Dictionary<int, R> { [a0] = R.Done, [a2] = R.InProgress });
        await app.SubmitAsync(six, g.Agencies[2], new Dictionary<int, R> { [a0] = R.Done, [a2] = R.Done });
        await app.ReviewAsync(six, g.Agencies[0], accept: true);
        var coordinator = await app.As("coordinator");

        // API: 6 months judged on 14/06/2025: 0 done by all three; 1 (due 31/03) overdue; 2 (all year) in progress.
        var api = (await coordinator.GetFromJsonAsync<PlanProgressDto>($"/api/plans/{g.PlanId}/progress?periodId={six}"))!;
        api.Totals.Should().Be(new TotalsDto(3, 1, 1, 0, 1, 0, 33));
        api.Activities.Single(a => a.ActivityId == a0).Agencies.Select(s => s.Source).Should().Equal("Accepted", "UnderReview", "UnderReview");

        var dashboard = await coordinator.GetPageAsync($"/Dashboard?period={six}");
        dashboard.QuerySelector("#kpi-done")!.TextContent.Should().Be($"{api.Totals.Percent}%");
        dashboard.QuerySelector("#kpi-done")!.ParentElement!.TextContent.Should().Contain($"{api.Totals.Done}/{api.Totals.Activities} hoạt động");
        dashboard.QuerySelector("#kpi-overdue")!.TextContent.Should().Be(api.Totals.Overdue.ToString());
        var agencyRows = dashboard.QuerySelectorAll("#agencies-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        agencyRows.Select(r => int.Parse(r[1])).Sum().Should().Be(api.Agencies.Sum(a => a.Totals.Done));

        var period = await coordinator.GetPageAsync($"/Reports/Periods/{six}");
        period.QuerySelector("#period-totals")!.TextContent.Should().StartWith($"{api.Totals.Done}/{api.Totals.Activities} hoạt động hoàn thành ({api.Totals.Percent}%), {api.Totals.InProgress} đang thực hiện, {api.Totals.NotStarted} chưa triển khai, {api.Totals.Overdue} quá hạn");

        var xlsx = await coordinator.GetByteArrayAsync($"/Reports/Periods/{six}?handler=Xlsx");
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = book.WorkbookPart!.WorksheetParts.First().Worksheet;
        var rows = sheet.Descendants<Row>().Skip(2).Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        // Laid out like the framework table: area rows, each activity ("Tổng hợp") and under it one row per owing agency.
        var activities = rows.Where(r => r.Count > 7 && r[6] == "Tổng hợp").ToList();
        activities.Should().HaveCount(api.Totals.Activities);
        activities.Count(r => r[7] is "Hoàn thành" or "Hoàn thành quá hạn").Should().Be(api.Totals.Done);
        activities.Count(r => r[7] == "Quá hạn").Should().Be(api.Totals.Overdue);
        activities.Count(r => r[7] == "Đang thực hiện").Should().Be(api.Totals.InProgress);
        var first = rows.FindIndex(r => r.Count > 7 && r[0] == "1" && r[6] == "Tổng hợp");
        rows.Skip(first + 1).TakeWhile(r => r.Count > 7 && r[0] == "").Select(r => r[7]).Should().Equal("Hoàn thành", "Hoàn thành", "Hoàn thành");
    }
}
