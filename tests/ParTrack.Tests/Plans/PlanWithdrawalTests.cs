using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>An issued plan is withdrawn (thu hồi) by a coordinator with a reason, after confirming the counts; it stays, shown as withdrawn.</summary>
public sealed class PlanWithdrawalTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>An issued province plan whose first activity (led by Sở Nội vụ) has a unique text, so pages can be searched for it.</summary>
    internal static async Task<(int PlanId, string Text)> IssuedPlanAsync(TestApp app)
    {
        var text = TestData.Unique("Rà soát quy trình nội bộ");
        var id = await app.ProvincePlanAsync(PlanStatus.Issued, json =>
        {
            // Due in December of this year, so it is neither long overdue nor filtered out as done.
            var year = DateTime.UtcNow.Year;
            json.Activities[0] = json.Activities[0] with
            {
                Text = text,
                Due = new Import.Due("Tháng 12", "by", new DateOnly(year, 12, 1), new DateOnly(year, 12, 31)),
            };
        });
        return (id, text);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_WithReasonAndConfirmation_PlanShownWithdrawn_WorkGoneFromMyWork_Audited(string provider)
    {
        var app = fx.App(provider);
        var (id, text) = await IssuedPlanAsync(app);
        var officer = await app.As("snv");
        (await officer.GetPageAsync("/MyWork")).Body!.TextContent.Should().Contain(text);
        var client = await app.As("coordinator");

        var page = await client.GetPageAsync($"/Plans/{id}");
        page.QuerySelector("form.withdraw-plan label[for=withdraw-confirm]")!.TextContent.Should().Contain("4 hoạt động");
        var response = await client.SubmitFormAsync($"/Plans/{id}",
            new Dictionary<string, string?> { ["reason"] = "Ban hành nhầm, thay bằng văn bản số 12", ["confirm"] = "true" }, "form.withdraw-plan");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var plan = await app.Db(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == id));
        plan.Status.Should().Be(PlanStatus.Withdrawn);
        plan.EndReason.Should().Be("Ban hành nhầm, thay bằng văn bản số 12");
        var shown = await client.GetPageAsync($"/Plans/{id}");
        shown.QuerySelector(".plan-ended")!.TextContent.Should().Contain("Đã thu hồi").And.Contain("Ban hành nhầm");
        shown.QuerySelector("form.withdraw-plan").Should().BeNull();
        (await officer.GetPageAsync("/MyWork")).Body!.TextContent.Should().NotContain(text);
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Plan) && a.EntityId == id.ToString()
            && a.Action == "Modified" && a.After!.Contains("Withdrawn")))).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_WithoutReason_IsRefusedWithAMessage_PlanStaysIssued(string provider)
    {
        var app = fx.App(provider);
        var (id, _) = await IssuedPlanAsync(app);
        var client = await app.As("coordinator");

        var response = await client.SubmitFormAsync($"/Plans/{id}",
            new Dictionary<string, string?> { ["reason"] = "  ", ["confirm"] = "true" }, "form.withdraw-plan");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).Body!.TextContent.Should().Contain("Hãy ghi lý do");
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Withdraw_WithoutTickingTheCounts_IsRefused_ReasonKept(string provider)
    {
        var app = fx.App(provider);
        var (id, _) = await IssuedPlanAsync(app);
        var client = await app.As("coordinator");

        var response = await client.SubmitFormAsync($"/Plans/{id}",
            new Dictionary<string, string?> { ["reason"] = "Lý do giữ lại", ["confirm"] = null }, "form.withdraw-plan");

        var page = await response.ParseAsync();
        page.QuerySelector("#withdraw-reason")!.TextContent.Should().Be("Lý do giữ lại");
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }

    [Fact]
    public async Task Officer_CannotWithdrawTheProvincePlan()
    {
        var app = fx.App();
        var (id, _) = await IssuedPlanAsync(app);
        var officer = await app.As("snv");

        var response = await officer.PostWithTokenAsync($"/Plans/{id}?handler=Withdraw",
            new Dictionary<string, string?> { ["reason"] = "x", ["confirm"] = "true" }, tokenFrom: $"/Plans/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }

    [Fact]
    public async Task WithdrawnPlan_IsReadOnly_EditPagesRefuse()
    {
        var app = fx.App();
        var (id, _) = await IssuedPlanAsync(app);
        await app.Db(async db => { var p = await db.Plans.SingleAsync(x => x.Id == id); p.Status = PlanStatus.Withdrawn; await db.SaveChangesAsync(); });
        var client = await app.As("coordinator");

        (await client.GetAsync($"/Plans/{id}/Edit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetPageAsync($"/Plans/{id}")).QuerySelector($"a[href='/Plans/{id}/Edit']").Should().BeNull();
    }
}
