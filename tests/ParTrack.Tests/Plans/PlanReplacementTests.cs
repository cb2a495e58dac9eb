using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>A second issued province plan for the same year only as an amendment: the first is archived, its open work moved or closed.</summary>
public sealed class PlanReplacementTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static int nextYear = 2040;

    /// <summary>A province plan of the fixture for a year no other test of this class uses (the rule is per year).</summary>
    internal static async Task<int> ProvincePlanForYearAsync(TestApp app, int year, PlanStatus status)
    {
        var id = await app.ProvincePlanAsync(status);
        await app.Db(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == id);
            (plan.FromYear, plan.ToYear) = (year, year);
            if (status == PlanStatus.Issued) plan.IssuedAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SecondProvincePlanForTheSameYear_IsRefused_UntilMarkedAsReplacing(string provider)
    {
        var app = fx.App(provider);
        var year = Interlocked.Increment(ref nextYear);
        var first = await ProvincePlanForYearAsync(app, year, PlanStatus.Issued);
        var second = await ProvincePlanForYearAsync(app, year, PlanStatus.Draft);
        var client = await app.As("coordinator");

        var page = await client.GetPageAsync($"/Plans/{second}");
        page.QuerySelector(".plan-replace")!.TextContent.Should().Contain("Đã có kế hoạch của tỉnh cho cùng năm");
        page.QuerySelector("form.issue-plan").Should().BeNull("the plain issue button would make two plans for one year");
        // Even confirmed (the second step of the issue question), issuing beside the issued plan is refused.
        var refused = await client.PostWithTokenAsync($"/Plans/{second}?handler=Issue", new Dictionary<string, string?> { ["confirm"] = "true" }, tokenFrom: $"/Plans/{second}");

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetPageAsync($"/Plans/{second}")).Messages().Should().Contain($"Tỉnh đã ban hành kế hoạch cho năm {year}");
        (await app.Db(db => db.Plans.Where(p => p.Id == second).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Draft);
        (await app.Db(db => db.Plans.Where(p => p.Id == first).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReplacingPlan_AfterConfirmingCounts_ArchivesTheFirst_MovesMatchingOpenWork_ClosesTheRest(string provider)
    {
        var app = fx.App(provider);
        var year = Interlocked.Increment(ref nextYear);
        var first = await ProvincePlanForYearAsync(app, year, PlanStatus.Issued);
        var second = await ProvincePlanForYearAsync(app, year, PlanStatus.Draft);
        // The first plan: 3.2 under way; the amendment drops the uncoded inspection row (its text changed).
        await app.Db(async db =>
        {
            var olds = await db.Activities.Where(a => a.PlanId == first).ToListAsync();
            olds.Single(a => a.Code == "3.2").Status = ActivityStatus.InProgress;
            var news = await db.Activities.Where(a => a.PlanId == second).ToListAsync();
            news.Single(a => a.Code == null).Text = "Kiểm tra công tác CCHC tại 10 cơ quan";
            await db.SaveChangesAsync();
        });
        var client = await app.As("coordinator");
        await client.SubmitFormAsync($"/Plans/{second}", new Dictionary<string, string?> { ["replacesPlanId"] = first.ToString() }, "form.mark-replaces");

        var page = await client.GetPageAsync($"/Plans/{second}");
        // All four activities of the first plan are open: 3.1 (area I), 3.2 and 3.1 (area III) match by area and code; the uncoded row closes.
        page.QuerySelector("form.issue-replacing label")!.TextContent.Should().Contain("3 hoạt động đang thực hiện sẽ chuyển").And.Contain("1 sẽ đóng");
        // Without the tick the page asks again, with the counts of the issue and of the replacement.
        var unconfirmed = await client.SubmitFormAsync($"/Plans/{second}", new Dictionary<string, string?> { ["confirm"] = null }, "form.issue-replacing");
        unconfirmed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await unconfirmed.ParseAsync()).QuerySelector("#confirm-issue-counts")!.TextContent.Should().Contain("3 hoạt động đang thực hiện sẽ chuyển");
        (await app.Db(db => db.Plans.Where(p => p.Id == second).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Draft);

        var issued = await client.SubmitFormAsync($"/Plans/{second}", new Dictionary<string, string?> { ["confirm"] = "true" }, "form.issue-replacing");

        issued.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var plans = await app.Db(db => db.Plans.AsNoTracking().Where(p => p.Id == first || p.Id == second).ToDictionaryAsync(p => p.Id));
        plans[second].Status.Should().Be(PlanStatus.Issued);
        plans[first].Status.Should().Be(PlanStatus.Archived);
        plans[first].EndReason.Should().Contain("Được thay thế");
        var newActivities = await app.Db(db => db.Activities.AsNoTracking().Where(a => a.PlanId == second).ToListAsync());
        newActivities.Single(a => a.Code == "3.2").Status.Should().Be(ActivityStatus.InProgress, "the progress moves with the work");
        var closed = await app.Db(db => db.Activities.AsNoTracking().Where(a => a.PlanId == first && a.CancelledAtUtc != null).ToListAsync());
        closed.Should().ContainSingle(a => a.Code == null).Which.CancelReason.Should().Be(Features.Plans.PlanLifecycle.ClosedOnReplace);
        (await client.GetPageAsync($"/Plans/{first}")).QuerySelector(".plan-ended")!.TextContent.Should().Contain("Đã thay thế");
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Plan) && a.EntityId == first.ToString() && a.After!.Contains("Archived")))).Should().BeTrue();
    }

    [Fact]
    public async Task AnnualPlanBesideAFiveYearPlan_IsIssuedWithoutQuestion()
    {
        var app = fx.App();
        var year = Interlocked.Increment(ref nextYear);
        var five = await ProvincePlanForYearAsync(app, year, PlanStatus.Issued);
        await app.Db(async db => { var p = await db.Plans.SingleAsync(x => x.Id == five); p.ToYear = year + 4; await db.SaveChangesAsync(); });
        var annual = await ProvincePlanForYearAsync(app, year, PlanStatus.Draft);
        var client = await app.As("coordinator");

        var asked = await client.SubmitFormAsync($"/Plans/{annual}", formSelector: "form.issue-plan");
        asked.StatusCode.Should().Be(HttpStatusCode.OK, "issuing asks with the counts first, as for any plan");
        var response = await PlansHttpTests.ConfirmIssueAsync(client, await asked.ParseAsync(), $"/Plans/{annual}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Plans.Where(p => p.Id == annual).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
        (await app.Db(db => db.Plans.Where(p => p.Id == five).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }
}
