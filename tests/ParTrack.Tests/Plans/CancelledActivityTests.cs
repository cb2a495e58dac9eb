using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// A cancelled activity (hủy, issued plans) and a withdrawn plan leave every reader of work: "Việc của tôi", the progress
/// denominators, the reporting obligations and periods, the PAR links and the cascade. A draft's activity is deleted instead.
/// </summary>
public sealed class CancelledActivityTests(AppFixture fx) : IClassFixture<AppFixture>
{
    internal static async Task<int> FirstActivityAsync(TestApp app, int planId) =>
        await app.Db(db => db.Activities.Where(a => a.PlanId == planId).OrderBy(a => a.Order).Select(a => a.Id).FirstAsync());

    internal static async Task CancelAsync(HttpClient client, int planId, int activityId, string reason)
    {
        var response = await client.SubmitFormAsync($"/Plans/{planId}/Activities/{activityId}",
            new Dictionary<string, string?> { ["reason"] = reason }, "form.cancel-activity");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    static async Task<T> WithAsync<T>(TestApp app, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Cancel_InIssuedPlan_StruckThroughWithReason_GoneFromMyWork_Audited(string provider)
    {
        var app = fx.App(provider);
        var (planId, text) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var activityId = await FirstActivityAsync(app, planId);
        var coordinator = await app.As("coordinator");

        await CancelAsync(coordinator, planId, activityId, "Nhiệm vụ chuyển sang năm sau");

        var row = (await coordinator.GetPageAsync($"/Plans/{planId}")).QuerySelector($"tr#a{activityId}")!;
        row.QuerySelector("del")!.TextContent.Should().Contain(text);
        row.QuerySelector(".cancel-reason")!.TextContent.Should().Contain("Nhiệm vụ chuyển sang năm sau");
        (await (await app.As("snv")).GetPageAsync("/MyWork")).Body!.TextContent.Should().NotContain(text);
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Activity) && a.EntityId == activityId.ToString()
            && a.After!.Contains("Nhiệm vụ chuyển sang năm sau")))).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Cancel_WithoutReason_IsRefusedWithAMessage_ActivityStays(string provider)
    {
        var app = fx.App(provider);
        var (planId, _) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var activityId = await FirstActivityAsync(app, planId);
        var coordinator = await app.As("coordinator");

        await CancelAsync(coordinator, planId, activityId, " ");

        (await coordinator.GetPageAsync($"/Plans/{planId}/Activities/{activityId}")).Messages().Should().Contain("Hãy ghi lý do");
        (await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.CancelledAtUtc).SingleAsync())).Should().BeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CancelledActivity_LeavesProgressDenominator_Obligations_ParLinks_AndTheCascade(string provider)
    {
        var app = fx.App(provider);
        var (planId, text) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var activityId = await FirstActivityAsync(app, planId);
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var before = await WithAsync(app, sp => sp.GetRequiredService<Progress>().WithoutReportsAsync(planId));
        var coordinator = await app.As("coordinator");

        await CancelAsync(coordinator, planId, activityId, "Không còn phù hợp");

        var after = await WithAsync(app, sp => sp.GetRequiredService<Progress>().WithoutReportsAsync(planId));
        after.Totals.Activities.Should().Be(before.Totals.Activities - 1);
        after.Activities.Should().NotContain(a => a.ActivityId == activityId);
        var owed = await WithAsync(app, sp => sp.GetRequiredService<Obligations>().ForPlanAsync(planId, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        owed.Single(o => o.AgencyId == snv).Leads.Should().NotContain(activityId);
        var links = await coordinator.GetPageAsync("/ParIndex/Links?year=2025");
        links.QuerySelectorAll("#l-act option").Select(o => o.GetAttribute("value")).Should().NotContain(activityId.ToString());
        var officer = await app.As("snv");
        var own = await officer.SubmitFormAsync($"/Plans/{planId}", formSelector: "form[action*='handler=Cascade']");
        var ownId = int.Parse(own.Headers.Location!.OriginalString.Split('/').Last());
        (await app.Db(db => db.Activities.AnyAsync(a => a.PlanId == ownId && a.SourceActivityId == activityId))).Should().BeFalse();
        (await app.Db(db => db.Activities.AnyAsync(a => a.PlanId == ownId && a.Text == text))).Should().BeFalse();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task WithdrawnPlan_HasNoObligations_ItsPeriodsLeaveTheReportingLists(string provider)
    {
        var app = fx.App(provider);
        var (planId, _) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var opened = await WithAsync(app, sp => sp.GetRequiredService<ReportPeriods>().OpenYearAsync(planId, 2025, 14, 18));
        opened.IsOk.Should().BeTrue(opened.Message);
        (await WithAsync(app, sp => sp.GetRequiredService<ReportQueries>().PeriodsAsync())).Should().Contain(p => p.PlanId == planId);
        var coordinator = await app.As("coordinator");

        var response = await coordinator.SubmitFormAsync($"/Plans/{planId}",
            new Dictionary<string, string?> { ["reason"] = "Thu hồi để ban hành lại", ["confirm"] = "true" }, "form.withdraw-plan");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await WithAsync(app, sp => sp.GetRequiredService<ReportQueries>().PeriodsAsync())).Should().NotContain(p => p.PlanId == planId);
        var owed = await WithAsync(app, sp => sp.GetRequiredService<Obligations>().ForPlanAsync(planId, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        owed.Should().OnlyContain(o => !o.HasWork);
        var periodIds = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.PlanId == planId).Select(p => p.Id).ToListAsync());
        var reports = (await coordinator.GetPageAsync("/Reports")).Body!.InnerHtml;
        periodIds.Should().NotBeEmpty().And.OnlyContain(id => !reports.Contains($"/Reports/Periods/{id}\""));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DraftActivity_IsDeletedFromItsPage_Audited(string provider)
    {
        var app = fx.App(provider);
        var planId = await app.ProvincePlanAsync(PlanStatus.Draft);
        var activityId = await FirstActivityAsync(app, planId);
        var coordinator = await app.As("coordinator");

        var page = await coordinator.GetPageAsync($"/Plans/{planId}/Activities/{activityId}");
        page.QuerySelector("form.cancel-activity").Should().BeNull("a draft's activity is deleted, not cancelled");
        var response = await coordinator.SubmitFormAsync($"/Plans/{planId}/Activities/{activityId}", formSelector: "form.delete-activity");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Activities.AnyAsync(a => a.Id == activityId))).Should().BeFalse();
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Activity) && a.EntityId == activityId.ToString() && a.Action == "Deleted"))).Should().BeTrue();
    }

    [Fact]
    public async Task IssuedPlansActivity_CannotBeDeleted_OnlyCancelled()
    {
        var app = fx.App();
        var (planId, _) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var activityId = await FirstActivityAsync(app, planId);
        var coordinator = await app.As("coordinator");
        (await coordinator.GetPageAsync($"/Plans/{planId}/Activities/{activityId}")).QuerySelector("form.delete-activity").Should().BeNull();
        var version = await app.ActivityVersionAsync(activityId);

        var response = await coordinator.PostWithTokenAsync($"/Plans/{planId}/Activities/{activityId}?handler=Delete",
            new Dictionary<string, string?> { ["version"] = version.ToString() }, tokenFrom: $"/Plans/{planId}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Activities.AnyAsync(a => a.Id == activityId))).Should().BeTrue();
    }
}
