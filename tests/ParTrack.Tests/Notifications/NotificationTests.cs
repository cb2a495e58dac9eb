using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;
using ParTrack.Tests.ParIndex;
using ParTrack.Features.ParIndex;
using Microsoft.Extensions.DependencyInjection;

namespace ParTrack.Tests.Notifications;

/// <summary>Who is told when a report moves, the unread count in the menu, and opening a notification (read, audited).</summary>
public sealed class NotificationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<int> UnreadAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/Plans");
        return page.QuerySelector("#unread-count [aria-hidden]") is { } badge ? int.Parse(badge.TextContent) : 0;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportSubmitted_CoordinatorsUnreadCountRises_WithALineToTheReport(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var before = await UnreadAsync(coordinator);

        var report = await app.SubmittedReportAsync("Sở Nội vụ");

        (await UnreadAsync(coordinator)).Should().Be(before + 1);
        var page = await coordinator.GetPageAsync("/Notifications");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.TextContent.Contains("Sở Nội vụ đã gửi báo cáo"));
        // Opening it goes to the report and marks it read, with an audit entry like any change.
        var opened = await coordinator.SubmitAsync(form, "/Notifications");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.Should().Be(ReportTestData.ReportUrl(report.PeriodId, report.AgencyId));
        (await UnreadAsync(coordinator)).Should().Be(before);
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Notification) && a.Action == "Modified" && a.UserName == "coordinator")))
            .Should().BeTrue();
        (await UnreadAsync(await app.As("leader"))).Should().Be(0, "leaders are not told of every report");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportReturnedThenResubmitted_AgencyIsToldOfTheReturn_CoordinatorsOfTheResubmission(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var coordinator = await app.As("coordinator");
        var returned = await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", $"{url}?handler=Return",
            new Dictionary<string, string?> { ["ReviewComment"] = "Bổ sung số liệu quý I." });
        returned.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.ReportAsync(report.PeriodId, report.AgencyId)).State.Should().Be(ParTrack.Features.Reporting.ReportState.Returned);
        var officer = await app.As("stp");
        (await officer.GetPageAsync("/Notifications")).QuerySelector("main")!.TextContent.Should().Contain("bị trả lại để sửa: Bổ sung số liệu quý I");
        (await UnreadAsync(officer)).Should().BeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ParSelfAssessmentDueInThreeDays_EachUnitNotSubmittedIsRemindedOnce(string provider)
    {
        var app = fx.App(provider);
        var round = await app.OpenRoundAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        await app.Db(async db =>
        {
            await db.Set<ParRound>().Where(r => r.Id == round).ExecuteUpdateAsync(s => s.SetProperty(r => r.SelfAssessmentDeadline, today.AddDays(3)));
            await db.Set<ParAssessment>().Where(a => a.RoundId == round && a.AgencyId == stp)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Submitted));
        });
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        await RunRemindersAsync(app);
        await RunRemindersAsync(app);

        var title = await app.Db(db => db.Set<ParRound>().Where(r => r.Id == round).Select(r => r.Title).SingleAsync());
        var told = await app.Db(db => db.Set<Notification>().Where(n => n.Text.Contains("Sắp đến hạn nộp tự đánh giá " + title)).Select(n => n.AgencyId).ToListAsync());
        told.Should().Contain(snv).And.NotContain(stp, "Sở Tư pháp has submitted");
        told.Count(a => a == snv).Should().Be(1, "a reminder is sent once");
    }

    static async Task RunRemindersAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RemindAllLate_AsksFirstWithTheCount_SendsOnlyWhenConfirmed(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();   // due 18/03/2025: every agency that owes it is late
        var coordinator = await app.As("coordinator");
        var url = $"/Reports/Periods/{period}";
        Task<int> SentAsync() => app.Db(db => db.Set<Notification>().CountAsync(n => n.Url!.Contains($"/Periods/{period}/") && n.Text.Contains("Sở Nội vụ nhắc")));

        var asked = await coordinator.SubmitFormAsync(url, formSelector: "form[action*='RemindLate']");

        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await asked.ParseAsync();
        var owed = await app.Db(async db => (await new ParTrack.Features.Reporting.Obligations(db)
            .ForPeriodAsync(await db.Set<ParTrack.Features.Reporting.ReportPeriod>().SingleAsync(p => p.Id == period))).Count);
        page.QuerySelector("#confirm-remind-h")!.TextContent.Should().Be($"Nhắc {owed} cơ quan quá hạn chưa gửi báo cáo?");
        (await SentAsync()).Should().Be(0, "asking sends nothing");

        var sent = await coordinator.SubmitAsync((IHtmlFormElement)page.QuerySelector("#confirm-remind-form")!, url);

        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SentAsync()).Should().Be(owed);
    }
}
