using System.Net;
using FluentAssertions;
using ParTrack.Features.Demo;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// The message a page shows after its post (saved, accepted, reminded…) is in the reader's language: real forms posted
/// with English chosen, the message read back from the page the post redirects to. A message set as a plain Vietnamese
/// string, or a format missing from SharedResource.en.resx, shows up here as Vietnamese.
/// </summary>
public sealed class EnglishMessageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AcceptingAReport_InEnglish_SaysSoInEnglish(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");

        var accepted = await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Accept", new());

        (await MessageAfterAsync(coordinator, accepted)).Should().Be("Report accepted.");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReturningAReport_InVietnamese_StaysVietnamese(string provider)
    {
        var app = fx.App(provider);
        var report = await app.SubmittedReportAsync("Sở Tư pháp");
        var url = ReportTestData.ReportUrl(report.PeriodId, report.AgencyId);
        var coordinator = await SignedInAsync(app, "coordinator", "vi-VN");

        var returned = await ReportingCycleTests.PostFormToAsync(coordinator, url, "#review-form", url + "?handler=Return",
            new() { ["ReviewComment"] = "Bổ sung minh chứng." });

        (await MessageAfterAsync(coordinator, returned)).Should().Be("Đã trả lại báo cáo kèm ý kiến.");
    }

    /// <summary>The issue's example: "Đã nhắc … cơ quan", a message with a number in it.</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RemindingLateAgencies_InEnglish_GivesTheCountInEnglish(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();   // its deadline has passed: every agency owing a report is late
        var url = $"/Reports/Periods/{period}";
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");

        var reminded = await ReportingCycleTests.PostFormToAsync(coordinator, url, "main form[action*=RemindLate]",
            url + "?handler=RemindLate&confirm=true", new());

        (await MessageAfterAsync(coordinator, reminded)).Should().MatchRegex(@"^Reminded [1-9]\d* agencies whose report is overdue\.$");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SavingEmailChoices_InEnglish_SaysSoInEnglish(string provider)
    {
        var app = fx.App(provider);
        var officer = await SignedInAsync(app, "stp", "en-US");

        var saved = await officer.SubmitFormAsync("/Notifications/Email", formSelector: "#email-choice");

        (await MessageAfterAsync(officer, saved)).Should().BeOneOf("Your e-mail notification choices were saved.", "Saved: you receive no notifications by e-mail.");
    }

    /// <summary>A client of its own (the fixture's clients are shared by the class) with the language chosen.</summary>
    static async Task<HttpClient> SignedInAsync(TestApp app, string user, string culture)
    {
        var client = app.Anonymous();
        (await client.LoginAsync(user, DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync($"/lang/{culture}?returnUrl=/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Follows the post's redirect and reads the one-time message; English pages must show no Vietnamese in it.</summary>
    static async Task<string> MessageAfterAsync(HttpClient client, HttpResponseMessage posted)
    {
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = await client.RawGetPageAsync(posted.Headers.Location!.OriginalString);
        var message = page.QuerySelector("main > .alert[role=status]")?.TextContent.Trim();
        message.Should().NotBeNull("the page after the post shows what was done");
        if (page.DocumentElement.GetAttribute("lang") == "en")
            EnglishInterfaceTests.HasVietnamese(message!).Should().BeFalse("\"{0}\" is shown to an English reader", message);
        return message!;
    }
}
