using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.ParIndex;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>
/// Findings 15 and 16: a year out of range, a date or a number that cannot be read is refused with a
/// Vietnamese message; nothing is saved and no stored value is erased.
/// </summary>
public sealed class UnreadableInputTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    static Dictionary<string, string?> RoundFields(string year = "2031", string? deadline = null) => new()
    {
        ["Form.Year"] = year,
        ["Form.Title"] = TestData.Unique("Đợt"),
        ["Form.Groups"] = "Department",
        ["Form.SelfAssessmentDeadline"] = deadline ?? Today.AddDays(10).ToString("yyyy-MM-dd"),
        ["Form.AppraisalStart"] = Today.AddDays(11).ToString("yyyy-MM-dd"),
        ["Form.AppraisalEnd"] = Today.AddDays(20).ToString("yyyy-MM-dd"),
        ["Form.ClarificationStart"] = Today.AddDays(21).ToString("yyyy-MM-dd"),
        ["Form.ClarificationEnd"] = Today.AddDays(25).ToString("yyyy-MM-dd"),
        ["Form.PublishOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
    };

    [Theory]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("hai nghìn")]
    public async Task CreateRound_ForAYearOutOfRange_IsRefusedWithAMessage_AndNothingIsSaved(string year)
    {
        var app = fx.App();
        var before = await app.Db(db => db.Set<ParRound>().CountAsync());
        var response = await (await app.As("coordinator")).SubmitFormAsync("/ParIndex/Rounds/Create", RoundFields(year));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Năm đánh giá");
        (await app.Db(db => db.Set<ParRound>().CountAsync())).Should().Be(before);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("31/31/2025")]
    [InlineData("")]
    public async Task CreateRound_WithAnUnreadableDate_IsRefusedWithAMessage_AndNothingIsSaved(string date)
    {
        var app = fx.App();
        var before = await app.Db(db => db.Set<ParRound>().CountAsync());
        var response = await (await app.As("coordinator")).SubmitFormAsync("/ParIndex/Rounds/Create", RoundFields(deadline: date));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Hạn tự đánh giá");
        (await app.Db(db => db.Set<ParRound>().CountAsync())).Should().Be(before);
        (await app.Db(db => db.Set<ParRound>().AnyAsync(r => r.SelfAssessmentDeadline == DateOnly.MinValue))).Should().BeFalse();
    }

    [Fact]
    public async Task RoundSchedule_WithAnUnreadableDate_IsRefused_AndTheStoredScheduleIsKept()
    {
        var app = fx.App();
        var id = await app.OpenRoundAsync(2032);
        var stored = await app.Db(db => db.Set<ParRound>().AsNoTracking().SingleAsync(r => r.Id == id));
        var coordinator = await app.As("coordinator");

        var response = await coordinator.SubmitFormAsync($"/ParIndex/Rounds/{id}", new Dictionary<string, string?>
        {
            ["Schedule.SelfAssessmentDeadline"] = "2025-13-45",
        }, "form[action*='handler=Schedule']");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Hạn tự đánh giá");
        (await app.Db(db => db.Set<ParRound>().AsNoTracking().SingleAsync(r => r.Id == id))).SelfAssessmentDeadline
            .Should().Be(stored.SelfAssessmentDeadline);
    }

    async Task<(TestApp App, HttpClient Officer, string Url, int Period, int Agency)> SnvReportAsync()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("snv");
        var url = ReportTestData.ReportUrl(period, snv);
        await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, []);   // starts the draft
        return (app, officer, url, period, snv);
    }

    [Theory]
    [InlineData("Percent", "bốn mươi")]
    [InlineData("Percent", "1e99")]
    [InlineData("CompletedOn", "2025-02-30")]
    public async Task ReportEntry_WithAnUnreadableValue_IsRefused_AndTheStoredValueIsKept(string field, string value)
    {
        var (app, officer, url, period, snv) = await SnvReportAsync();
        var entry = (await app.ReportAsync(period, snv)).Entries.First(e => e.Leads);
        var key = await EntryPrefixAsync(officer, url, entry.Id);
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new()
        {
            [key + ".Status"] = "InProgress", [key + ".Percent"] = "40", [key + ".WorkDone"] = "Đang làm",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new()
        {
            [key + ".Status"] = field == "CompletedOn" ? "Done" : "InProgress", [key + "." + field] = value, [key + ".WorkDone"] = "Đã sửa",
        });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.Messages().Should().Contain(value).And.Contain("Chưa có gì được lưu");
        page.QuerySelector("textarea[name$='.WorkDone']")!.TextContent.Should().Be("Đã sửa", "what was typed stays on the page");
        var stored = (await app.ReportAsync(period, snv)).Entries.Single(e => e.Id == entry.Id);
        stored.Percent.Should().Be(40);
        stored.Status.Should().Be(Domain.Activities.ReportedStatus.InProgress);
        stored.WorkDone.Should().Be("Đang làm");
    }

    [Fact]
    public async Task ReportActual_WithAnUnreadableFigure_IsRefused_AndTheStoredFigureIsKept()
    {
        var (app, officer, url, period, snv) = await SnvReportAsync();
        var field = (await officer.GetPageAsync(url)).QuerySelector("input[name^='Actuals[']")?.GetAttribute("name");
        field.Should().NotBeNull("Sở Nội vụ leads an activity with a target measure in the fixture plan");
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { [field!] = "85,5" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { [field!] = "85 phần trăm" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("85 phần trăm");
        var actual = await app.Db(db => db.Set<MeasureActual>().Where(a => db.Set<AgencyReport>().Any(r => r.Id == a.ReportId && r.PeriodId == period && r.AgencyId == snv)).Select(a => a.Value).SingleAsync());
        actual.Should().Be(85.5m);
    }

    static async Task<string> EntryPrefixAsync(HttpClient client, string url, int entryId)
    {
        var page = await client.GetPageAsync(url);
        var id = page.QuerySelectorAll("#report-form input[name$='.EntryId']").First(i => i.GetAttribute("value") == entryId.ToString());
        return id.GetAttribute("name")![..^".EntryId".Length];
    }
}
