using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// Early warning on a bound target: a falling monthly series of the plan year's dossiers is projected below the goal, the
/// dashboard says "Nguy cơ không đạt" with the agency that pulls it down, and both the coordinator's and that agency's
/// to-do homes carry it. One test per provider: the class's database holds only its dossiers.
/// </summary>
public sealed class TargetWarningTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FallingOnlineRate_IsAtRisk_OnTheDashboardAndTheHomes_WithTheAgencyThatPullsItDown(string provider)
    {
        var app = fx.App(provider);
        // The plan is 2025's, so its warnings are 2025's (a finished year: all twelve months count, seven of them empty).
        const int year = 2025;
        var (plan, period) = await app.OpenQ1Async();
        // Target 1.1 (no level, at least 100 %). Sở Tư pháp: 5 dossiers a month, online 5, 4, 3, 2, 1, 0 in January–June (falling);
        // Sở Nội vụ: one online dossier a month (100 %, not pulling anything down).
        var csv = new DossierCsv();
        for (var month = 1; month <= 6; month++)
        {
            string D(int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd");
            for (var i = 0; i < 5; i++) csv.Row(received: D(3 + i), due: D(20), resolved: D(10), channel: i < 6 - month ? "truc_tuyen" : "trực tiếp");
            csv.Row(agency: "Sở Nội vụ", received: D(5), due: D(20), resolved: D(10));
        }
        (await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.OK);

        var measure = await app.Db(db => db.PlanTargets.Where(t => t.PlanId == plan && t.Code == "1.1").SelectMany(t => t.Measures).Select(m => m.Id).SingleAsync());
        var coordinator = await app.As("coordinator");
        var bindings = $"/Reports/Plans/{plan}/Bindings";
        (await coordinator.PostWithTokenAsync($"{bindings}?handler=Bind", new Dictionary<string, string?> { ["measureId"] = measure.ToString(), ["indicator"] = "kpi:online_rate" }, tokenFrom: bindings))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var row = (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector($"#warnings-table tr[data-measure='{measure}']");
        row.Should().NotBeNull("a bound target with six months of data gets a projection");
        row!.TextContent.Should().Contain("Nguy cơ không đạt").And.Contain("xu hướng 6 tháng");
        row.QuerySelector(".lagging")!.TextContent.Should().Contain("Sở Tư pháp").And.NotContain("Sở Nội vụ");

        (await coordinator.GetPageAsync("/")).QuerySelector("#todo")!.TextContent.Should().Contain("Chỉ tiêu có nguy cơ không đạt");
        (await (await app.As("stp")).GetPageAsync("/")).QuerySelector("#todo")!.TextContent.Should().Contain("Cơ quan đang kéo chỉ tiêu xuống");
        ((await (await app.As("snv")).GetPageAsync("/")).QuerySelector("#todo")?.TextContent ?? "").Should().NotContain("Cơ quan đang kéo chỉ tiêu xuống");
    }
}
