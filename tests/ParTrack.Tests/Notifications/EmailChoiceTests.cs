using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParTrack.Data;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Notifications;

/// <summary>Each user chooses which notifications reach them by e-mail (issue 10); the sender honours it; the choice is audited.</summary>
public sealed class EmailChoiceTests(AppFixture fx) : IClassFixture<AppFixture>
{

    static async Task<List<(string To, string Subject, string Body)>> SendPendingAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var mail = new RecordingMail();
        var pass = new NotificationMail(scope.ServiceProvider.GetRequiredService<AppDbContext>(), mail, TimeProvider.System,
            scope.ServiceProvider.GetRequiredService<IConfiguration>(), NullLogger<NotificationMail>.Instance);
        await pass.SendPendingAsync();
        return mail.Sent;
    }

    static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string? address, params MailTopics[] topics)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (address is not null) fields.Add(new("Address", address));
        fields.AddRange(topics.Select(t => new KeyValuePair<string, string>("Topics", t.ToString())));
        fields.Add(new(HttpForms.TokenField, (await client.TokenAsync("/Notifications/Email"))!));
        return await client.PostAsync("/Notifications/Email", new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportReturned_OfficerWhoChoseReviews_IsEmailed_CoordinatorWithoutChoiceIsNot(string provider)
    {
        var app = fx.App(provider);
        var officer = await app.As("snv");
        var address = $"snv-{Guid.NewGuid():N}@snv.gov.vn";
        (await ChooseAsync(officer, address, MailTopics.ReportsReviewed)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await officer.GetPageAsync("/Notifications/Email")).QuerySelector($"#topic-{MailTopics.ReportsReviewed}")!.HasAttribute("checked").Should().BeTrue();
        await SendPendingAsync(app);   // whatever the demo left pending goes first

        var report = await app.SubmittedReportAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        (await ReportingCycleTests.PostFormToAsync(await app.As("coordinator"), url, "#review-form", url + "?handler=Return",
            new() { ["ReviewComment"] = "Bổ sung minh chứng." })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var sent = await SendPendingAsync(app);

        sent.Should().ContainSingle(m => m.To == address && m.Subject.Contains("bị trả lại để sửa") && m.Body.Contains(url));
        sent.Where(m => m.Subject.Contains("đã gửi báo cáo")).Should().BeEmpty("no coordinator chose e-mail for submissions");
        (await SendPendingAsync(app)).Should().BeEmpty("each notification is e-mailed once");
        var audited = await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(EmailChoice) && a.UserName == "snv"));
        audited.Should().BeTrue("the choice is audited like any change");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Choice_None_StopsTheEmails_AndABadAddressKeepsTheStoredChoice(string provider)
    {
        var app = fx.App(provider);
        var officer = await app.As("stp");
        var address = $"stp-{Guid.NewGuid():N}@stp.gov.vn";
        (await ChooseAsync(officer, address, MailTopics.ReportsReviewed, MailTopics.Deadlines)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var bad = await ChooseAsync(officer, "không phải địa chỉ", MailTopics.ReportsReviewed);
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).Messages().Should().Contain("không hợp lệ");
        var stored = await app.Db(db => db.Set<EmailChoice>().AsNoTracking().SingleAsync(c => c.Address == address));
        stored.Topics.Should().Be(MailTopics.ReportsReviewed | MailTopics.Deadlines);

        (await ChooseAsync(officer, address)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await SendPendingAsync(app);
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        (await ReportingCycleTests.PostFormToAsync(await app.As("coordinator"), url, "#review-form", url + "?handler=Accept", new()))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await SendPendingAsync(app)).Should().NotContain(m => m.To == address, "the officer chose no e-mail");
    }

    [Fact]
    public async Task Choice_ATopicWithoutAddress_IsRefusedWithMessage()
    {
        var app = fx.App();
        var response = await ChooseAsync(await app.As("coordinator"), "", MailTopics.ReportsSubmitted);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Hãy nhập địa chỉ e-mail");
    }
}
