using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using DashboardPage = ParTrack.Features.Dashboard.IndexModel;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// Activities at risk through the app: Sở Nội vụ reported 50 % on its activities in Q1 (cut on 14/03/2025). One of them is
/// due 24/03/2025 (the schedule expects 88 % on the cut-off): the Q1 dashboard counts and lists it, the Q1 province report
/// names it. Another is due ten days from today: the coordinator's and Sở Nội vụ's to-do homes carry it, Sở Tư pháp's does not.
/// </summary>
public sealed class ActivityRiskTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BehindOnALinearSchedule_NearTheDueEnd_IsOnTheDashboardTheReportAndTheHomes(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var snv = report.AgencyId;
        var today = VietnamTime.Today(TimeProvider.System);
        // Two activities led by Sở Nội vụ alone (a group lead would bring other agencies in).
        var leads = report.Entries.Where(e => e.Leads).Select(e => e.ActivityId).ToList();
        var (q1Due, soonDue) = await app.Db(async db =>
        {
            var mine = await db.Activities.Where(a => leads.Contains(a.Id)
                    && a.Assignments.Count(x => x.Role == AssignmentRole.Lead) == 1 && a.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.AgencyId == snv))
                .OrderBy(a => a.Id).Take(2).ToListAsync();
            mine.Should().HaveCount(2);
            (mine[0].DueKind, mine[0].DueStart, mine[0].DueEnd) = ("during", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 24));
            (mine[1].DueKind, mine[1].DueStart, mine[1].DueEnd) = ("by", null, today.AddDays(10));
            await db.SaveChangesAsync();
            return (mine[0], mine[1]);
        });

        var coordinator = await app.As("coordinator");
        var dashboard = await coordinator.GetPageAsync($"/Dashboard?period={report.PeriodId}");
        int.Parse(dashboard.QuerySelector("#kpi-at-risk")!.TextContent).Should().BeGreaterThanOrEqualTo(1);
        dashboard.QuerySelector("a[href='#activity-risks-h']").Should().NotBeNull("the count links to the list");
        var row = dashboard.QuerySelector($"#activity-risks-table tr[data-activity='{q1Due.Id}']");
        row.Should().NotBeNull("due ten days after the cut-off, 50 % reported where 88 % was expected");
        row!.TextContent.Should().Contain("24/03/2025").And.Contain("88%");
        row.QuerySelector(".behind")!.TextContent.Should().Be("Sở Nội vụ (50%)");
        dashboard.QuerySelector($"#activity-risks-table tr[data-activity='{soonDue.Id}']").Should().BeNull("due in 2026, far from the Q1 cut-off");

        var docx = await EarlyWarningReportTests.DocxTextAsync(coordinator, report.PeriodId);
        docx.Should().Contain("Cảnh báo sớm").And.Contain("nhiệm vụ đến hạn trong 30 ngày kể từ ngày 14/03/2025 có nguy cơ chậm tiến độ")
            .And.Contain($"{q1Due.Text.TrimEnd('.', ' ')} (hạn 24/03/2025, theo tiến độ phải đạt 88%): Sở Nội vụ báo cáo 50%.");

        (await coordinator.GetPageAsync("/")).QuerySelector("#todo")!.TextContent.Should().Contain("Nhiệm vụ có nguy cơ chậm tiến độ (đến hạn trong 30 ngày)");
        (await (await app.As("snv")).GetPageAsync("/")).QuerySelector("#todo")!.TextContent.Should().Contain("Nhiệm vụ chủ trì có nguy cơ chậm tiến độ");
        ((await (await app.As("stp")).GetPageAsync("/")).QuerySelector("#todo")?.TextContent ?? "").Should().NotContain("Nhiệm vụ chủ trì có nguy cơ chậm tiến độ");
    }

    /// <summary>
    /// An activity led by a whole group, due soon after the Q1 cut-off, that nobody has reported on: the dashboard names the
    /// five agencies furthest behind and counts the rest, linking to the activity's breakdown, which lists them all.
    /// </summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task GroupLedActivityAtRisk_NamesFiveAgencies_AndLinksTheRestToItsBreakdown(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var activity = await app.Db(async db =>
        {
            var groupLed = await db.Activities.Where(a => a.PlanId == db.Set<ReportPeriod>().Where(p => p.Id == report.PeriodId).Select(p => p.PlanId).First()
                    && a.Assignments.Any(x => x.Role == AssignmentRole.Lead && x.GroupId != null))
                .OrderBy(a => a.Id).FirstAsync();
            (groupLed.DueKind, groupLed.DueStart, groupLed.DueEnd) = ("during", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 24));
            await db.SaveChangesAsync();
            return groupLed.Id;
        });

        var coordinator = await app.As("coordinator");
        var row = (await coordinator.GetPageAsync($"/Dashboard?period={report.PeriodId}")).QuerySelector($"#activity-risks-table tr[data-activity='{activity}']");
        row.Should().NotBeNull("a group-led activity due ten days after the cut-off that nobody reported on is at risk");
        var behind = row!.QuerySelector(".behind")!;
        var more = behind.QuerySelector("a.more-behind");
        more.Should().NotBeNull("the group has more than five agencies: the rest are counted, not named");
        behind.TextContent.Split("; ").Should().HaveCount(DashboardPage.BehindShown + 1, "five names, then the count");
        var others = int.Parse(System.Text.RegularExpressions.Regex.Match(more!.TextContent, @"\d+").Value);

        more.GetAttribute("href").Should().Be($"/Reports/Periods/{report.PeriodId}/Activities/{activity}");
        var breakdown = await coordinator.GetPageAsync(more.GetAttribute("href")!);
        var listed = breakdown.QuerySelectorAll("tbody tr th").Select(th => th.TextContent.Trim()).ToList();
        listed.Count.Should().BeGreaterThanOrEqualTo(DashboardPage.BehindShown + others, "the breakdown lists every agency that leads it, behind or not");
        var named = behind.TextContent.Split("; ").Take(DashboardPage.BehindShown).Select(n => n[..n.LastIndexOf(" (", StringComparison.Ordinal)]);
        listed.Should().Contain(named);
    }
}
