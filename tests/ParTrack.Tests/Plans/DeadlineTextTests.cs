using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>Deadlines follow their text: an edited deadline text is read again and its window shown before it is saved.</summary>
public sealed class DeadlineTextTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<(TestApp App, HttpClient Client, string Url, int ActivityId)> ActivityAsync(AppFixture fx)
    {
        var app = fx.App();
        var id = await app.ProvincePlanAsync();
        var activityId = await app.Db(db => db.Activities.Where(a => a.PlanId == id && a.Code == "3.2").Select(a => a.Id).SingleAsync());
        return (app, await app.As("coordinator"), $"/Plans/{id}/Activities/{activityId}", activityId);
    }

    static IHtmlFormElement Form(AngleSharp.Dom.IDocument page) => (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;

    [Fact]
    public async Task ChangedText_ShowsTheWindowItUnderstood_ThenSavesIt()
    {
        var (app, client, url, activityId) = await ActivityAsync(fx);
        var first = await client.SubmitAsync(Form(await client.GetPageAsync(url)), url, new Dictionary<string, string?> { ["Form.DueText"] = "Quý III/2025" });
        first.StatusCode.Should().Be(HttpStatusCode.OK, "the window is shown before it is saved");
        var page = await first.ParseAsync();
        page.QuerySelector("#due-understood")!.TextContent.Should().Contain("01/07/2025 – 30/09/2025");
        (await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.DueText).SingleAsync())).Should().Be("Quý I");

        (await client.SubmitAsync(Form(page), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.Db(db => db.Activities.SingleAsync(a => a.Id == activityId));
        (saved.DueText, saved.DueKind, saved.DueStart, saved.DueEnd).Should().Be(("Quý III/2025", "during", new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30)));
    }

    [Fact]
    public async Task FrameworkTable_ShowsTheWindowItUnderstood_BesideTheDeadlineText()
    {
        var (app, client, url, activityId) = await ActivityAsync(fx);
        var planId = await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.PlanId).SingleAsync());
        var page = await client.GetPageAsync($"/Plans/{planId}");
        var cell = page.QuerySelector($"a[href='{url}']")!.Closest("tr")!;
        cell.QuerySelector(".due-window")!.TextContent.Should().Be("01/01/2025 – 31/03/2025", "activity 3.2 is due \"Quý I\"");
    }

    [Fact]
    public async Task ImpossibleDate_IsRefused_EvenWhenPostedAgain()
    {
        var (app, client, url, activityId) = await ActivityAsync(fx);
        var first = await client.SubmitAsync(Form(await client.GetPageAsync(url)), url, new Dictionary<string, string?> { ["Form.DueText"] = "Trước 30/02/2025" });
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await first.ParseAsync();
        page.Messages().Should().Contain("không có trên lịch");
        (await client.SubmitAsync(Form(page), url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.DueText).SingleAsync())).Should().Be("Quý I");
    }

    [Fact]
    public async Task UnchangedText_WindowSetExplicitly_IsSavedAsSet()
    {
        var (app, client, url, activityId) = await ActivityAsync(fx);
        var response = await client.SubmitAsync(Form(await client.GetPageAsync(url)), url,
            new Dictionary<string, string?> { ["Form.DueKind"] = "by", ["Form.DueStart"] = "", ["Form.DueEnd"] = "2025-03-20" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.Db(db => db.Activities.SingleAsync(a => a.Id == activityId));
        (saved.DueKind, saved.DueStart, saved.DueEnd).Should().Be(("by", (DateOnly?)null, new DateOnly(2025, 3, 20)));
    }

    [Fact]
    public async Task UnreadableText_AsksForAWindow_AndTheSecondSaveKeepsTheWindowSetByHand()
    {
        var (app, client, url, activityId) = await ActivityAsync(fx);
        var first = await client.SubmitAsync(Form(await client.GetPageAsync(url)), url, new Dictionary<string, string?> { ["Form.DueText"] = "Đợt cao điểm" });
        var page = await first.ParseAsync();
        page.Messages().Should().Contain("Chưa đọc được thời gian");
        var second = await client.SubmitAsync(Form(page), url, new Dictionary<string, string?> { ["Form.DueKind"] = "during", ["Form.DueStart"] = "2025-05-01", ["Form.DueEnd"] = "2025-05-31" });
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.Db(db => db.Activities.SingleAsync(a => a.Id == activityId));
        (saved.DueText, saved.DueEnd).Should().Be(("Đợt cao điểm", new DateOnly(2025, 5, 31)));
    }
}
