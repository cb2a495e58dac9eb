using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Reporting;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// A target measure bound to an indicator has its actual computed by the indicator's source for each period's data
/// window, shown with its source on the Targets page and the dashboard; an unbound one stays typed. One test per provider,
/// so the class's database holds only this test's dossiers.
/// </summary>
public sealed class TargetBindingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BoundMeasure_ShowsTheActualComputedFromTheDossiers_AndUnbindingGivesItBackToTheAgencies(string provider)
    {
        var app = fx.App(provider);
        var (plan, period) = await app.OpenQ1Async();
        var window = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.Id == period).Select(p => new { p.DataFrom, p.DataTo }).SingleAsync());
        var day = window.DataFrom.AddDays(5);
        string D(int plus) => day.AddDays(plus).ToString("yyyy-MM-dd");
        // 3 of 4 dossiers submitted online in the window (75 %), one online outside it that must not count.
        var csv = new DossierCsv()
            .Row(received: D(0), due: D(10), resolved: D(3))
            .Row(received: D(1), due: D(10), resolved: D(3))
            .Row(received: D(2), due: D(10), resolved: D(4))
            .Row(received: D(2), due: D(10), resolved: D(4), channel: "trực tiếp")
            .Row(received: window.DataTo.AddDays(3).ToString("yyyy-MM-dd"), due: window.DataTo.AddDays(13).ToString("yyyy-MM-dd"), resolved: window.DataTo.AddDays(4).ToString("yyyy-MM-dd"), channel: "trực tiếp");
        (await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.OK);

        var coordinator = await app.As("coordinator");
        var bindingsUrl = $"/Reports/Plans/{plan}/Bindings";
        var page = await coordinator.GetPageAsync(bindingsUrl);
        var rows = page.QuerySelectorAll("#target-bindings tbody tr");
        rows.Should().NotBeEmpty();
        var measure = rows[0].GetAttribute("data-measure")!;
        (await coordinator.PostWithTokenAsync($"{bindingsUrl}?handler=Bind", new Dictionary<string, string?> { ["measureId"] = measure, ["indicator"] = "kpi:online_rate" }, tokenFrom: bindingsUrl))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetPageAsync(bindingsUrl)).QuerySelector($"#target-bindings tr[data-measure='{measure}'] .binding-state")!.TextContent.Should().Contain("Tự động");

        var targets = $"/Reports/Periods/{period}/Targets";
        async Task<AngleSharp.Dom.IElement> RowAsync() => (await coordinator.GetPageAsync(targets)).QuerySelector($"#targets-rules tr[data-measure='{measure}']")!;
        var row = await RowAsync();
        row.QuerySelector(".figure")!.TextContent.Should().StartWith("75");
        row.QuerySelector(".figure-source")!.TextContent.Should().Contain("Hồ sơ một cửa").And.Contain("4 hồ sơ tiếp nhận");
        (await coordinator.GetPageAsync($"/Dashboard?period={period}")).QuerySelector("#targets-table")!.TextContent.Should().Contain("75");

        var invalid = await coordinator.PostWithTokenAsync($"{bindingsUrl}?handler=Bind", new Dictionary<string, string?> { ["measureId"] = measure, ["indicator"] = "kpi:nonsense" }, tokenFrom: bindingsUrl);
        invalid.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await invalid.ParseAsync()).Messages().Should().Contain("Chỉ số đã chọn không có");
        (await app.Db(db => db.Set<MeasureBinding>().Where(b => b.MeasureId == int.Parse(measure)).Select(b => b.IndicatorKey).SingleAsync())).Should().Be("kpi:online_rate");

        (await coordinator.PostWithTokenAsync($"{bindingsUrl}?handler=Unbind", new Dictionary<string, string?> { ["measureId"] = measure }, tokenFrom: bindingsUrl))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        row = await RowAsync();
        row.QuerySelector(".figure")!.TextContent.Should().Be("—", "nobody typed a value for the unbound measure");
        row.QuerySelector(".figure-source").Should().BeNull();

        (await (await app.As("leader")).PostWithTokenAsync($"{bindingsUrl}?handler=Bind", new Dictionary<string, string?> { ["measureId"] = measure, ["indicator"] = "kpi:online_rate" }, tokenFrom: "/"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến cấp xã", "kpi:online_rate")]
    [InlineData("Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "kpi:fully_online_rate")]
    [InlineData("100% hồ sơ giải quyết đúng hẹn", "kpi:on_time_rate")]
    [InlineData("Tỷ lệ thanh toán trực tuyến đạt 50%", "kpi:online_payment_rate")]
    [InlineData("Số hóa hồ sơ đạt 90%", "kpi:digitised_inputs_rate")]
    [InlineData("Mức độ hài lòng của người dân đạt trên 90%", "satisfaction:index")]
    [InlineData("Ban hành 100% văn bản đúng quy định", null)]
    public void Suggestion_FollowsTheTargetsWords(string text, string? expected)
    {
        var sources = new Features.Shared.IIndicatorSource[] { new KpiIndicators(null!, TimeProvider.System), new SatisfactionIndicators(null!, null!, TimeProvider.System) };
        (new MeasureBindings(null!, sources, TimeProvider.System).Suggest(text)?.Key).Should().Be(expected);
    }
}
