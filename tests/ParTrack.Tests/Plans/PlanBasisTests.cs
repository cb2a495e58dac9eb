using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Features.Plans;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// Withdrawing or replacing a province plan reaches the agency plans made from it: the coordinator sees how many before
/// confirming, each agency plan is flagged (page, list), each agency is told once and gets a line to review, nothing of
/// the agency's plan changes, and other agencies' plans are untouched.
/// </summary>
public sealed class PlanBasisTests(AppFixture fx) : IClassFixture<AppFixture>
{
    internal const string Reason = "Ban hành nhầm, thay bằng văn bản số 45/KH-UBND";
    static int nextYear = 2070;

    static Task<int> AgencyOfAsync(TestApp app, string userName) =>
        app.Db(db => db.Users.Where(u => u.UserName == userName).Select(u => u.AgencyId!.Value).SingleAsync());

    /// <summary>The officer makes its agency's plan from the province plan ("Lập kế hoạch của cơ quan từ kế hoạch này").</summary>
    internal static async Task<int> AgencyPlanFromAsync(TestApp app, HttpClient officer, int provincePlanId)
    {
        var response = await officer.PostWithTokenAsync($"/Plans/{provincePlanId}?handler=Cascade", new Dictionary<string, string?>(), tokenFrom: $"/Plans/{provincePlanId}");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.ParentPlanId).SingleAsync())).Should().Be(provincePlanId);
        return id;
    }

    static Task<List<Notification>> NoticesAsync(TestApp app, params int[] agencyPlanIds)
    {
        var urls = agencyPlanIds.Select(id => $"/Plans/{id}").ToList();
        return app.Db(db => db.Set<Notification>().AsNoTracking().Where(n => n.Url != null && urls.Contains(n.Url)).ToListAsync());
    }

    static Task<Plan> RowAsync(TestApp app, int id) => app.Db(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == id));

    internal static Task<HttpResponseMessage> WithdrawAsync(HttpClient coordinator, int id) =>
        coordinator.SubmitFormAsync($"/Plans/{id}", new Dictionary<string, string?> { ["reason"] = Reason, ["confirm"] = "true" }, "form.withdraw-plan");

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_ProvincePlanWithTwoAgencyPlans_CountsShown_BothFlagged_OnlyTheirAgenciesNotified_OtherPlanUntouched(string provider)
    {
        var app = fx.App(provider);
        var province = await app.ProvincePlanAsync(PlanStatus.Issued);
        var other = await app.ProvincePlanAsync(PlanStatus.Issued);
        var (snv, stp) = (await app.As("snv"), await app.As("stp"));
        var snvPlan = await AgencyPlanFromAsync(app, snv, province);
        var stpPlan = await AgencyPlanFromAsync(app, stp, province);
        var elsewhere = await AgencyPlanFromAsync(app, await app.As("tphatinh"), other);
        var before = await RowAsync(app, snvPlan);
        var coordinator = await app.As("coordinator");

        var confirm = await coordinator.GetPageAsync($"/Plans/{province}");
        confirm.QuerySelector("form.withdraw-plan label[for=withdraw-confirm]")!.TextContent
            .Should().Contain("2 kế hoạch của cơ quan căn cứ kế hoạch này");
        (await WithdrawAsync(coordinator, province)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Both agency plans are flagged on their pages, with the date and reason, and in the officers' list.
        var withdrawnOn = Domain.VietnamTime.ToLocalDate((await RowAsync(app, province)).EndedAtUtc!.Value).ToString("dd/MM/yyyy");
        foreach (var (officer, id) in new[] { (snv, snvPlan), (stp, stpPlan) })
        {
            var flag = (await officer.GetPageAsync($"/Plans/{id}")).QuerySelector(".plan-basis-ended");
            flag.Should().NotBeNull();
            flag!.TextContent.Should().Contain($"đã bị thu hồi ngày {withdrawnOn}").And.Contain(Reason);
            flag.QuerySelector($"a[href='/Plans/{province}']").Should().NotBeNull();
            var list = await officer.GetPageAsync("/Plans");
            list.QuerySelector($"a.basis-ended[href='/Plans/{id}']")!.TextContent.Should().Contain($"Căn cứ đã bị thu hồi ngày {withdrawnOn}");
        }
        // The agency's plan itself is not changed: same status, parent, title and version.
        var after = await RowAsync(app, snvPlan);
        (after.Status, after.ParentPlanId, after.Title, after.Version).Should().Be((before.Status, before.ParentPlanId, before.Title, before.Version));
        // One notice for each of the two agencies (shared by their officers), none for the agency whose plan has another basis.
        var notices = await NoticesAsync(app, snvPlan, stpPlan, elsewhere);
        notices.Select(n => n.AgencyId).Should().BeEquivalentTo([await AgencyOfAsync(app, "snv"), await AgencyOfAsync(app, "stp")]);
        notices.Should().OnlyContain(n => n.Text.Contains("đã bị thu hồi") && n.Text.Contains(Reason));
        var untouched = await coordinator.GetPageAsync($"/Plans/{elsewhere}");
        untouched.QuerySelector(".plan-basis-ended").Should().BeNull();
        // The to-do line asks the agency to review, linking to its plan.
        var home = await snv.GetPageAsync("/");
        home.QuerySelectorAll("#todo .todo-item a").Where(a => a.GetAttribute("href") == $"/Plans/{snvPlan}")
            .Should().ContainSingle().Which.TextContent.Should().Contain("đã bị thu hồi; hãy rà soát");
        (await snv.GetPageAsync("/")).QuerySelectorAll($"#todo .todo-item a[href='/Plans/{stpPlan}']").Should().BeEmpty("each agency sees only its own plan");
        // Audited: the notices are rows the save interceptor records with the withdrawal.
        var noticeIds = notices.Select(n => n.Id.ToString()).ToList();
        (await app.Db(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Notification) && a.Action == "Added" && noticeIds.Contains(a.EntityId!))))
            .Should().Be(2);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_PostedTwice_SecondIsRefused_NoticesNotDuplicated(string provider)
    {
        var app = fx.App(provider);
        var province = await app.ProvincePlanAsync(PlanStatus.Issued);
        var snvPlan = await AgencyPlanFromAsync(app, await app.As("snv"), province);
        var coordinator = await app.As("coordinator");
        var form = await coordinator.GetPageAsync($"/Plans/{province}");
        var fields = HttpForms.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("form.withdraw-plan")!)
            .Where(f => f.Key is not ("reason" or "confirm")).Append(new("reason", Reason)).Append(new("confirm", "true")).ToList();

        (await coordinator.PostAsync($"/Plans/{province}?handler=Withdraw", new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await coordinator.PostAsync($"/Plans/{province}?handler=Withdraw", new FormUrlEncodedContent(fields));

        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync($"/Plans/{province}")).Messages().Should().Contain("Kế hoạch này đã thu hồi");
        (await NoticesAsync(app, snvPlan)).Should().ContainSingle();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_TwoAtOnce_TheLaterSaveIsDropped_OneNoticeOnly(string provider)
    {
        var app = fx.App(provider);
        var province = await app.ProvincePlanAsync(PlanStatus.Issued);
        var snvPlan = await AgencyPlanFromAsync(app, await app.As("snv"), province);
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        // The second request has read the plan (still issued) before the first saves.
        (await db2.Plans.SingleAsync(p => p.Id == province)).Status.Should().Be(PlanStatus.Issued);

        (await first.ServiceProvider.GetRequiredService<PlanLifecycle>().WithdrawAsync(province, Reason, confirmed: true)).Value.Should().BeTrue();
        var late = await second.ServiceProvider.GetRequiredService<PlanLifecycle>().WithdrawAsync(province, Reason, confirmed: true);

        late.IsOk.Should().BeTrue();
        late.Value.Should().BeFalse("the plan was withdrawn by the first save");
        (await NoticesAsync(app, snvPlan)).Should().ContainSingle();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Replace_ProvincePlan_AgencyPlanMovesToTheNewOne_FlaggedWithLink_AgencyNotifiedAndAskedToReview(string provider)
    {
        var app = fx.App(provider);
        var year = Interlocked.Increment(ref nextYear);
        var first = await PlanReplacementTests.ProvincePlanForYearAsync(app, year, PlanStatus.Issued);
        var second = await PlanReplacementTests.ProvincePlanForYearAsync(app, year, PlanStatus.Draft);
        var snv = await app.As("snv");
        var snvPlan = await AgencyPlanFromAsync(app, snv, first);
        var coordinator = await app.As("coordinator");
        await coordinator.SubmitFormAsync($"/Plans/{second}", new Dictionary<string, string?> { ["replacesPlanId"] = first.ToString() }, "form.mark-replaces");

        (await coordinator.GetPageAsync($"/Plans/{second}")).QuerySelector("form.issue-replacing label")!.TextContent
            .Should().Contain("1 kế hoạch của cơ quan căn cứ kế hoạch cũ sẽ chuyển sang kế hoạch này");
        (await coordinator.SubmitFormAsync($"/Plans/{second}", new Dictionary<string, string?> { ["confirm"] = "true" }, "form.issue-replacing"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await RowAsync(app, snvPlan)).ParentPlanId.Should().Be(second);
        var flag = (await snv.GetPageAsync($"/Plans/{snvPlan}")).QuerySelector(".plan-basis-ended");
        flag!.TextContent.Should().Contain("đã được thay thế ngày");
        flag.QuerySelector("a.plan-basis-new")!.GetAttribute("href").Should().Be($"/Plans/{second}");
        (await NoticesAsync(app, snvPlan)).Should().ContainSingle()
            .Which.Should().Match<Notification>(n => n.AgencyId != null && n.Text.Contains("đã được thay thế"));
        (await snv.GetPageAsync("/")).QuerySelectorAll($"#todo .todo-item a[href='/Plans/{snvPlan}']")
            .Should().ContainSingle().Which.TextContent.Should().Contain("đã được thay thế; hãy rà soát");
        // A plan another agency makes from the new province plan has a standing basis.
        var stpPlan = await AgencyPlanFromAsync(app, await app.As("stp"), second);
        (await app.Db(db => PlanBasis.EndedAsync(db, db.Plans.Where(p => p.Id == stpPlan)))).Should().BeEmpty();
    }
}
