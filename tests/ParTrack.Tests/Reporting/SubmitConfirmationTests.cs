using System.Net;
using FluentAssertions;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>"Gửi báo cáo" asks first, with what will be sent; only the confirmation's token submits (issue 10).</summary>
public sealed class SubmitConfirmationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>Every lead entry gets a status; no coordinating entry is answered; one general section is typed.</summary>
    static async Task<Dictionary<string, string?>> LeadsAnsweredAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        var fields = new Dictionary<string, string?> { ["Results"] = "Đã triển khai kế hoạch quý I." };
        foreach (var select in page.QuerySelectorAll("#report-form select[name$='.Status']"))
            fields[select.GetAttribute("name")!] = "InProgress";
        return fields;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Submit_FirstPost_SavesDraftAndShowsCounts_WithoutSubmitting(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");

        var asked = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url + "?handler=Submit", await LeadsAnsweredAsync(officer, url));

        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = await app.ReportAsync(period, snv);
        report.State.Should().Be(ReportState.Draft, "nothing is sent before the confirmation");
        report.Results.Should().Be("Đã triển khai kế hoạch quý I.", "what was typed is saved at the first step");
        var leads = report.Entries.Count(e => e.Leads);
        var counts = (await asked.ParseAsync()).QuerySelector("#confirm-submit-counts")!.TextContent;
        counts.Should().Contain($"{leads}/{report.Entries.Count} hoạt động đã có câu trả lời")
            .And.Contain("Minh chứng: 0 tệp đính kèm, 0 văn bản");
        if (report.Entries.Count > leads) counts.Should().Contain($"{report.Entries.Count - leads} hoạt động chưa có câu trả lời");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SubmitConfirmed_WithoutOrWithForgedToken_IsRefusedAndAsksAgain(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, await LeadsAnsweredAsync(officer, url)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var token in new[] { null, "gia-mao", "CfDJ8" + new string('A', 120) })
        {
            var crafted = await officer.PostWithTokenAsync(url + "?handler=SubmitConfirmed", new Dictionary<string, string?> { ["confirmation"] = token }, tokenFrom: url);
            crafted.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, $"token '{token}'");
            var page = await crafted.ParseAsync();
            page.Messages().Should().Contain("Báo cáo chưa được gửi");
            page.QuerySelector("#confirm-submit-form").Should().NotBeNull("the page asks properly instead");
        }
        (await app.ReportAsync(period, snv)).State.Should().Be(ReportState.Draft);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SubmitConfirmed_AfterTheDraftChanged_AsksAgainWithNewCounts(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var officer = await app.As("snv");
        var asked = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url + "?handler=Submit", await LeadsAnsweredAsync(officer, url));
        var question = await asked.ParseAsync();

        // Saved again (another tab) after the counts were shown.
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { ["Results"] = "Sửa sau khi xem tóm tắt." }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stale = await ReportingCycleTests.ConfirmSubmitAsync(officer, question);

        stale.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var again = await stale.ParseAsync();
        again.Messages().Should().Contain("đã thay đổi sau khi bạn xem tóm tắt");
        (await app.ReportAsync(period, snv)).State.Should().Be(ReportState.Draft);
        (await ReportingCycleTests.ConfirmSubmitAsync(officer, again)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the fresh question sends");
        var sent = await app.ReportAsync(period, snv);
        sent.State.Should().Be(ReportState.Submitted);
        sent.Results.Should().Be("Sửa sau khi xem tóm tắt.");
    }

    [Fact]
    public async Task SubmitConfirmed_TokenOfAnotherAgencysReport_DoesNotSubmitThisOne()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var snvUrl = ReportTestData.ReportUrl(period, snv);
        var stpUrl = ReportTestData.ReportUrl(period, stp);
        var snvOfficer = await app.As("snv");
        var stpOfficer = await app.As("stp");
        var asked = await ReportingCycleTests.PostFormToAsync(snvOfficer, snvUrl, "#report-form", snvUrl + "?handler=Submit", await LeadsAnsweredAsync(snvOfficer, snvUrl));
        var token = (await asked.ParseAsync()).QuerySelector("#confirm-submit-form input[name=confirmation]")!.GetAttribute("value");
        (await ReportingCycleTests.PostFormToAsync(stpOfficer, stpUrl, "#report-form", stpUrl, await LeadsAnsweredAsync(stpOfficer, stpUrl)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var reused = await stpOfficer.PostWithTokenAsync(stpUrl + "?handler=SubmitConfirmed", new Dictionary<string, string?> { ["confirmation"] = token }, tokenFrom: stpUrl);

        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await app.ReportAsync(period, stp)).State.Should().Be(ReportState.Draft);
        (await app.ReportAsync(period, snv)).State.Should().Be(ReportState.Draft);
    }
}
