using AngleSharp.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.ParIndex;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Home;

/// <summary>"Việc cần làm", the start page, for each role: the lines it shows link to where the work is done.</summary>
public sealed class TodoHomeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>The Q1 period of a fresh plan, its deadline moved to <paramref name="days"/> from today.</summary>
    static async Task<int> PeriodDueInAsync(TestApp app, int days)
    {
        var (_, period) = await app.OpenQ1Async();
        await app.Db(db => db.Set<ReportPeriod>().Where(p => p.Id == period)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, Today.AddDays(days))));
        return period;
    }

    static IElement? Line(AngleSharp.Html.Dom.IHtmlDocument home, string href) =>
        home.QuerySelectorAll("#todo .todo-item").FirstOrDefault(li => li.QuerySelector("a")!.GetAttribute("href") == href);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_ReportDueInThreeDays_IsOnTheStartPage_DueSoon_LinkingToTheReport(string provider)
    {
        var app = fx.App(provider);
        var period = await PeriodDueInAsync(app, 3);
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        var home = await (await app.As("snv")).GetPageAsync("/");

        var line = Line(home, ReportTestData.ReportUrl(period, snv));
        line.Should().NotBeNull("the report Sở Nội vụ owes in 3 days is its work");
        line!.TextContent.Should().Contain("Lập và gửi báo cáo").And.Contain("Sắp đến hạn").And.Contain(Today.AddDays(3).ToString("dd/MM/yyyy"));
        home.Title.Should().StartWith("Việc cần làm");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_ReturnedReport_IsListed_AndASubmittedOneIsNot(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var officer = await app.As("stp");
        Line(await officer.GetPageAsync("/"), url).Should().BeNull("a submitted report waits for the coordinator, not the agency");

        await app.Db(db => db.Set<AgencyReport>().Where(r => r.Id == report.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReportState.Returned)));

        Line(await officer.GetPageAsync("/"), url)!.TextContent.Should().Contain("bị trả lại");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Coordinator_SeesReportsWaitingForReview_AndLateAgenciesWithCounts(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var late = await PeriodDueInAsync(app, -2);

        var home = await (await app.As("coordinator")).GetPageAsync("/");

        Line(home, $"/Reports/Periods/{report.PeriodId}")!.TextContent.Should().Contain("1 báo cáo").And.Contain("chờ tiếp nhận hoặc trả lại");
        var owed = await app.Db(async db => (await new Obligations(db).ForPeriodAsync(await db.Set<ReportPeriod>().SingleAsync(p => p.Id == late))).Count);
        owed.Should().BeGreaterThan(0);
        Line(home, $"/Reports/Periods/{late}")!.TextContent.Should().Contain($"{owed}/{owed} cơ quan chưa gửi báo cáo").And.Contain("Quá hạn");
        home.QuerySelectorAll("#todo .todo-group h2").Select(h => h.TextContent).Should().Contain(t => t.StartsWith("Báo cáo chờ xem xét"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Leader_SeesWhatMovedThisWeek_AndTheRisks(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var late = await PeriodDueInAsync(app, -1);

        var home = await (await app.As("leader")).GetPageAsync("/");

        Line(home, $"/Reports/Periods/{report.PeriodId}")!.TextContent.Should().Contain("được gửi hoặc xem xét");
        Line(home, $"/Reports/Periods/{late}")!.Closest("section")!.QuerySelector("h2")!.TextContent.Should().StartWith("Rủi ro");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ParSelfAssessmentOpen_IsTheUnitsWork_AndTheCoordinatorSeesHowManyHaveNotSent(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync();
        var assessment = await app.AssessmentIdAsync(round, "Sở Nội vụ");

        var officerHome = await (await app.As("snv")).GetPageAsync("/");
        Line(officerHome, $"/ParIndex/Assessments/{assessment}")!.TextContent.Should().Contain("Tự đánh giá và gửi");

        var units = await app.Db(db => db.Set<ParTrack.Features.ParIndex.ParAssessment>().CountAsync(a => a.RoundId == round));
        var coordinatorHome = await (await app.As("coordinator")).GetPageAsync("/");
        Line(coordinatorHome, $"/ParIndex/Rounds/{round}")!.TextContent.Should().Contain($"{units}/{units} đơn vị chưa gửi tự đánh giá");
    }
}
