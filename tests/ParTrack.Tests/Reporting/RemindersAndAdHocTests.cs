using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Operations;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// The reminder job's passes on a fake clock (Q1/2025 is due on 18/03/2025), e-mail through a local SMTP
/// listener, an on-time submission, and an ad-hoc request from question to accepted answer.
/// </summary>
public sealed class RemindersAndAdHocTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<int> PassAsync(TestApp app, TimeProvider clock, IConfiguration? config = null, IMailSender? mail = null)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        config ??= sp.GetRequiredService<IConfiguration>();
        var reminders = new Reminders(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<Obligations>(),
            mail ?? sp.GetRequiredService<IMailSender>(), config, clock, sp.GetRequiredService<ILogger<Reminders>>());
        return await reminders.RunAsync();
    }

    static Task<List<string>> NotesAsync(TestApp app, int agencyId, int periodId) =>
        app.Db(db => db.Set<Notification>().Where(n => n.AgencyId == agencyId && n.Url!.Contains($"/Periods/{periodId}/"))
            .OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    [Fact]
    public async Task Reminders_BeforeOnTheDayAndOverdue_EachStepSentOnce()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        await PassAsync(app, FixedClock.On(2025, 3, 10));
        (await NotesAsync(app, snv, period)).Should().BeEmpty("8 days before the deadline is too early");

        await PassAsync(app, FixedClock.On(2025, 3, 15));
        await PassAsync(app, FixedClock.On(2025, 3, 16));   // still the "before" step: not again
        (await NotesAsync(app, snv, period)).Should().Equal("Sắp đến hạn gửi báo cáo Quý I/2025: hạn 18/03/2025.");

        await PassAsync(app, FixedClock.On(2025, 3, 18));
        await PassAsync(app, FixedClock.On(2025, 3, 18));
        await PassAsync(app, FixedClock.On(2025, 3, 19));
        await PassAsync(app, FixedClock.On(2025, 3, 25));   // overdue 7 days: same round as day 1
        await PassAsync(app, FixedClock.On(2025, 3, 26));   // overdue 8 days: second round
        var notes = await NotesAsync(app, snv, period);
        notes.Should().HaveCount(4);
        notes[1].Should().StartWith("Hôm nay (18/03/2025) là hạn gửi báo cáo");
        notes[2].Should().Contain("đã quá hạn 1 ngày");
        notes[3].Should().Contain("đã quá hạn 8 ngày");
    }

    [Fact]
    public async Task Reminders_TwoPassesInParallel_SendEachOnce_AndASubmittedAgencyIsNotReminded()
    {
        var app = fx.App();
        // Sở Nội vụ submits on 10/03, before the deadline; Sở Tư pháp never submits.
        var report = await app.SubmittedReportAsync("Sở Nội vụ", FixedClock.On(2025, 3, 10));
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var day = FixedClock.On(2025, 3, 19);

        var before = await app.Db(db => db.Set<SentReminder>().CountAsync());
        var counts = await Task.WhenAll(PassAsync(app, day), PassAsync(app, day), PassAsync(app, day));

        (await NotesAsync(app, report.AgencyId, report.PeriodId)).Should().BeEmpty("Sở Nội vụ submitted on time");
        (await NotesAsync(app, stp, report.PeriodId)).Should().ContainSingle().Which.Should().Contain("quá hạn 1 ngày");
        var keys = await app.Db(db => db.Set<SentReminder>().Select(r => r.Key).ToListAsync());
        keys.Should().OnlyHaveUniqueItems();
        counts.Sum().Should().Be(keys.Count - before, "each new reminder was claimed by exactly one of the three parallel passes");
        counts.Sum().Should().BePositive();
    }

    [Fact]
    public async Task Reminders_WithSmtp_MailTheAgencysAddresses()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        await using var smtp = new SmtpListener();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Notifications:AgencyEmails:{snv}"] = "vanthu.snv@hatinh.gov.vn; cchc.snv@hatinh.gov.vn",
        }).Build();

        // Only this period's agencies have addresses; other periods of this class (same deadline) mail nobody else.
        var smtpOptions = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false, From = "cchc@hatinh.gov.vn" };
        await PassAsync(app, FixedClock.On(2025, 3, 19), config,
            new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(smtpOptions), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpMailSender>.Instance));

        var mails = smtp.Messages.Where(m => SmtpListener.Subject(m).Contains("quá hạn 1 ngày")).ToList();
        mails.Should().NotBeEmpty("got {0} messages: {1}", smtp.Messages.Count, string.Join(" | ", smtp.Messages.Select(m => m.Data[..Math.Min(400, m.Data.Length)])));
        mails.SelectMany(m => m.To).Should().Contain(["vanthu.snv@hatinh.gov.vn", "cchc.snv@hatinh.gov.vn"]);
        mails.Should().OnlyContain(m => m.From == "cchc@hatinh.gov.vn");
        SmtpListener.Subject(mails[0]).Should().StartWith("[ParTrack] Báo cáo Quý I/2025 đã quá hạn 1 ngày");
        (await NotesAsync(app, snv, period)).Should().ContainSingle("the in-app notification is sent too");
    }

    [Fact]
    public async Task Submit_BeforeTheDeadline_OnTheFakeClock_IsOnTime()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        // The same app and database, with its clock on 12/03/2025 (Q1/2025 is due on 18/03/2025).
        await using var onTime = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(FixedClock.On(2025, 3, 12))));
        var officer = onTime.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await officer.LoginAsync("snv", Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var before = await officer.GetPageAsync(url);
        before.QuerySelector("#report-timeliness")!.TextContent.Should().Be("Chưa đến hạn");
        var fields = new Dictionary<string, string?> { ["Results"] = "Hoàn thành kế hoạch quý I." };
        foreach (var select in before.QuerySelectorAll("#report-form select[name$='.Status']"))
            fields[select.GetAttribute("name")!] = "InProgress";
        var response = await ReportingCycleTests.SubmitReportAsync(officer, url, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var report = await app.ReportAsync(period, snv);
        report.State.Should().Be(ReportState.Submitted);
        report.FirstSubmittedAtUtc.Should().Be(new DateTime(2025, 3, 12, 3, 0, 0, DateTimeKind.Utc));
        (await officer.GetPageAsync(url)).QuerySelector("#report-timeliness")!.TextContent.Should().Be("Đúng hạn");
        // And the dashboard of that period counts it as submitted, none late.
        var coordinator = await app.As("coordinator");
        (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector("#submission-progress")!.TextContent
            .Should().MatchRegex(@"^1/\d+ cơ quan đã gửi báo cáo").And.NotContain("trễ hạn");
    }

    [Fact]
    public async Task AdHocRequest_FromQuestionsToAcceptedAnswer_OnlyForTheAgenciesAsked()
    {
        var app = fx.App();
        var (plan, _) = await app.OpenQ1Async();
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var coordinator = await app.As("coordinator");
        var title = TestData.Unique("Báo cáo số hóa hồ sơ TTHC");

        var created = await coordinator.SubmitFormAsync("/Reports/AdHoc", new Dictionary<string, string?>
        {
            ["PlanId"] = plan.ToString(), ["Title"] = title, ["Questions"] = "Tỷ lệ hồ sơ TTHC được số hóa đến 30/11?",
            ["DataFrom"] = "2026-01-01", ["DataTo"] = "2026-11-30", ["Deadline"] = "2026-12-05", ["AgencyIds"] = stp.ToString(),
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var periodId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var url = ReportTestData.ReportUrl(periodId, stp);

        // The agency asked is told, and answers.
        var officer = await app.As("stp");
        var notes = await officer.GetPageAsync("/Notifications");
        // Opening the notification (a post: it marks it read) leads to the report.
        var note = notes.QuerySelectorAll("main form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.TextContent.Contains(title));
        (await officer.SubmitAsync(note, "/Notifications")).Headers.Location!.OriginalString.Should().Be(url);
        var form = await officer.GetPageAsync(url);
        form.QuerySelector("#Answers").Should().NotBeNull("an ad-hoc report has an answer section");
        form.QuerySelectorAll("#report-form select[name$='.Status']").Should().BeEmpty("an ad-hoc report has no activity list");
        (await ReportingCycleTests.SubmitReportAsync(officer, url, new() { ["Answers"] = "Đã số hóa 92% hồ sơ." })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // For an agency not asked the request does not exist (its title is not theirs to read).
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        (await (await app.As("snv")).GetAsync(ReportTestData.ReportUrl(periodId, snv))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.Db(db => db.Set<AgencyReport>().AnyAsync(r => r.PeriodId == periodId && r.AgencyId == snv))).Should().BeFalse();

        (await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Accept", new())).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        var report = await app.ReportAsync(periodId, stp);
        report.State.Should().Be(ReportState.Accepted);
        report.Answers.Should().Be("Đã số hóa 92% hồ sơ.");
        (await app.Db(db => db.Set<ReportVersion>().Where(v => v.ReportId == report.Id).Select(v => v.Action).ToListAsync()))
            .Should().BeEquivalentTo(["Submitted", "Accepted"]);

        // The province's answer to the request quotes the question and each agency's answer, in the official form.
        var docx = await coordinator.GetByteArrayAsync($"/Reports/Periods/{periodId}?handler=Docx");
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        text.Should().Contain("I. NỘI DUNG YÊU CẦU").And.Contain("Tỷ lệ hồ sơ TTHC được số hóa đến 30/11?")
            .And.Contain("- Sở Tư pháp: Đã số hóa 92% hồ sơ.").And.Contain(title).And.Contain("Độc lập - Tự do - Hạnh phúc");
    }
}
