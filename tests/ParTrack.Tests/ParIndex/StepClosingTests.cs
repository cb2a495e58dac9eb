using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Closing a PAR step asks first with counts; early or with units missing it needs a reason, which is audited.</summary>
public sealed class StepClosingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    static async Task<HttpResponseMessage> AskToCloseAsync(HttpClient coordinator, int roundId)
    {
        var page = await coordinator.GetPageAsync($"/ParIndex/Rounds/{roundId}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.GetAttribute("action")!.Contains("forward=true"));
        return await coordinator.SubmitAsync(form, $"/ParIndex/Rounds/{roundId}");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ClosingSelfAssessmentEarly_WithUnitsMissing_AsksWithCounts_RefusesWithoutReason_ThenClosesAndAudits(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync();   // self-assessment open, deadline in 10 days, nobody submitted
        var units = await app.Db(db => db.Set<ParAssessment>().CountAsync(a => a.RoundId == round));
        var coordinator = await app.As("coordinator");

        var asked = await AskToCloseAsync(coordinator, round);

        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await asked.ParseAsync();
        page.QuerySelector("#confirm-counts")!.TextContent.Should().Contain($"{units}/{units} đơn vị chưa nộp tự đánh giá")
            .And.Contain($"hạn của bước này là {Today.AddDays(10):dd/MM/yyyy}");
        (await StageAsync(app, round)).Should().Be(RoundStage.SelfAssessment, "asking closes nothing");

        var form = (IHtmlFormElement)page.QuerySelector("#confirm-step-form")!;
        var noReason = await coordinator.SubmitAsync(form, $"/ParIndex/Rounds/{round}");
        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noReason.ParseAsync()).Messages().Should().Contain("Hãy ghi lý do");
        (await StageAsync(app, round)).Should().Be(RoundStage.SelfAssessment);

        var closed = await coordinator.SubmitAsync(form, $"/ParIndex/Rounds/{round}",
            new Dictionary<string, string?> { ["Reason"] = "UBND tỉnh yêu cầu thẩm định sớm." });

        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StageAsync(app, round)).Should().Be(RoundStage.Appraisal);
        var audit = await app.Db(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == "CloseStepEarly" && a.EntityId == round.ToString()));
        audit.UserName.Should().Be("coordinator");
        audit.After.Should().Contain("UBND tỉnh yêu cầu thẩm định sớm.").And.Contain($"\"NotSubmitted\":{units}").And.Contain("\"Step\":\"SelfAssessment\"");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        (await app.Db(db => db.Set<Notification>().AnyAsync(n => n.AgencyId == snv && n.Text.Contains("Bước tự đánh giá") && n.Text.Contains("đã đóng"))))
            .Should().BeTrue("the units are told the step closed");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ClosingAfterTheDeadline_WithEveryUnitSubmitted_NeedsOnlyTheConfirmation_AndIsNotAnOverride(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync();
        await app.Db(async db =>
        {
            await db.Set<ParRound>().Where(r => r.Id == round).ExecuteUpdateAsync(s => s.SetProperty(r => r.SelfAssessmentDeadline, Today.AddDays(-1)));
            await db.Set<ParAssessment>().Where(a => a.RoundId == round).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Submitted));
        });
        var coordinator = await app.As("coordinator");

        var page = await (await AskToCloseAsync(coordinator, round)).ParseAsync();
        page.QuerySelector("#confirm-step-form [name=Reason]").Should().BeNull("nothing is overridden");
        var closed = await coordinator.SubmitAsync((IHtmlFormElement)page.QuerySelector("#confirm-step-form")!, $"/ParIndex/Rounds/{round}");

        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StageAsync(app, round)).Should().Be(RoundStage.Appraisal);
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "CloseStepEarly" && a.EntityId == round.ToString()))).Should().BeFalse();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ConfirmedPostWithoutReason_StraightToTheServer_DoesNotCloseEarly(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync();
        var version = await app.Db(db => db.Set<ParRound>().Where(r => r.Id == round).Select(r => r.Version).SingleAsync());
        var coordinator = await app.As("coordinator");

        var response = await coordinator.PostWithTokenAsync($"/ParIndex/Rounds/{round}?handler=Move&forward=true&confirm=true",
            new Dictionary<string, string?> { ["version"] = version.ToString() }, tokenFrom: $"/ParIndex/Rounds/{round}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await StageAsync(app, round)).Should().Be(RoundStage.SelfAssessment);
    }

    static Task<RoundStage> StageAsync(TestApp app, int round) =>
        app.Db(db => db.Set<ParRound>().Where(r => r.Id == round).Select(r => r.Stage).SingleAsync());
}
