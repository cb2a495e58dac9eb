using System.Net;
using FluentAssertions;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>Finding 6: every text has a limit, shared by validation and the database; a text over it is refused and loses nothing.</summary>
public sealed class LengthLimitTests(AppFixture fx) : IClassFixture<AppFixture>
{
    async Task<(TestApp App, HttpClient Officer, string Url, int Period, int Agency)> SnvReportAsync(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var url = ReportTestData.ReportUrl(period, snv);
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { ["Results"] = "Bản đã lưu" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (app, officer, url, period, snv);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportText_OverItsLimit_IsRefusedWithTheLimit_AndTheStoredTextIsKept(string provider)
    {
        var (app, officer, url, period, snv) = await SnvReportAsync(provider);

        var response = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url,
            new() { ["Results"] = new string('x', Limits.LongText + 1) });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("20.000 ký tự").And.Contain("Kết quả");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Bản đã lưu");
    }

    [Fact]
    public async Task ReportPost_OfTwentyMegabytes_IsRefusedWithAMessage_NotA500_AndNothingChanges()
    {
        var (app, officer, url, period, snv) = await SnvReportAsync(Databases.Sqlite);
        var token = await officer.TokenAsync(url);
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token!), new("Results", new string('x', 20 * 1024 * 1024))]);

        var response = await officer.PostAsync(url, content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("Chưa có gì được lưu");
        (await app.ReportAsync(period, snv)).Results.Should().Be("Bản đã lưu");
    }
}
