using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>Target actuals: validated, never erased by an unreadable number, combined for the province by each measure's rule.</summary>
public sealed class TargetActualsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<(TestApp App, int Period, int Snv, string Url, string Field, int MeasureId)> SnvQ1Async(AppFixture fx)
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var url = ReportTestData.ReportUrl(period, snv);
        var page = await (await app.As("snv")).GetPageAsync(url);
        var field = page.QuerySelector("#report-form input[name^='Actuals[']")!.GetAttribute("name")!;   // target 1.1, in %
        return (app, period, snv, url, field, int.Parse(field["Actuals[".Length..^1]));
    }

    static async Task<decimal?> StoredAsync(TestApp app, int period, int agency, int measure) =>
        await app.Db(db => db.Set<MeasureActual>().Where(a => a.MeasureId == measure
            && db.Set<AgencyReport>().Any(r => r.Id == a.ReportId && r.PeriodId == period && r.AgencyId == agency)).Select(a => (decimal?)a.Value).FirstOrDefaultAsync());

    [Fact]
    public async Task UnreadableNumber_IsRefused_AndTheStoredValueStays_PercentOver100_IsRefused()
    {
        var (app, period, snv, url, field, measure) = await SnvQ1Async(fx);
        var officer = await app.As("snv");
        (await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { [field] = "95,5" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StoredAsync(app, period, snv, measure)).Should().Be(95.5m);

        var unreadable = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { [field] = "chín lăm", ["Results"] = "Có thay đổi" });
        unreadable.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unreadable.ParseAsync()).Messages().Should().Contain("không đọc được \"chín lăm\"");
        (await StoredAsync(app, period, snv, measure)).Should().Be(95.5m, "an unreadable number never erases the stored value");

        var over = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url, new() { [field] = "150" });
        over.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await over.ParseAsync()).Messages().Should().Contain("từ 0 đến 100%");
        (await StoredAsync(app, period, snv, measure)).Should().Be(95.5m);
    }

    [Fact]
    public async Task ProvinceFigure_FollowsTheRuleTheCoordinatorSets_AndAnUnreadableFigureKeepsTheStoredOne()
    {
        var (app, period, snv, url, field, measure) = await SnvQ1Async(fx);
        var officer = await app.As("snv");
        var fields = new Dictionary<string, string?> { [field] = "80" };
        var page = await officer.GetPageAsync(url);
        foreach (var select in page.QuerySelectorAll("#report-form select[name$='.Status']")) fields[select.GetAttribute("name")!] = "InProgress";
        (await ReportingCycleTests.SubmitReportAsync(officer, url, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.ReviewAsync(period, snv, accept: true);

        var coordinator = await app.As("coordinator");
        var targets = $"/Reports/Periods/{period}/Targets";
        async Task<string> FigureAsync() =>
            (await coordinator.GetPageAsync(targets)).QuerySelectorAll("#targets-rules tbody tr")
                .Single(r => r.QuerySelector($"select[name='Rules[{measure}]']") is not null).QuerySelector(".figure")!.TextContent;
        (await FigureAsync()).Should().Be("80", "a percentage is averaged by default and only Sở Nội vụ reported");

        (await coordinator.PostWithTokenAsync(targets, new Dictionary<string, string?> { [$"Rules[{measure}]"] = "ProvinceFigure", [$"Province[{measure}]"] = "97,5" }, tokenFrom: targets))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FigureAsync()).Should().Be("97,5");
        var dashboard = await coordinator.GetPageAsync($"/Dashboard?period={period}");
        dashboard.QuerySelector("#targets-table")!.TextContent.Should().Contain("97,5");

        var bad = await coordinator.PostWithTokenAsync(targets, new Dictionary<string, string?> { [$"Rules[{measure}]"] = "ProvinceFigure", [$"Province[{measure}]"] = "abc" }, tokenFrom: targets);
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).Messages().Should().Contain("không phải là số");
        (await app.Db(db => db.Set<ProvinceActual>().Where(p => p.PeriodId == period && p.MeasureId == measure).Select(p => p.Value).SingleAsync())).Should().Be(97.5m);

        (await coordinator.PostWithTokenAsync(targets, new Dictionary<string, string?> { [$"Rules[{measure}]"] = "Minimum" }, tokenFrom: targets)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FigureAsync()).Should().Be("80");
        (await (await app.As("leader")).PostWithTokenAsync(targets, new Dictionary<string, string?> { [$"Rules[{measure}]"] = "Sum" }, tokenFrom: targets)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
