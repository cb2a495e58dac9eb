using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.Demo;
using ParTrack.Features.Reporting;

namespace ParTrack.E2E.Reporting;

/// <summary>
/// In a real browser: Sở Nội vụ's officer sends the Q1/2025 report; the 6-month report opens with Q1's answers
/// carried forward ("từ kỳ trước") and is sent and accepted; then the coordinator accepts the older Q1 report,
/// and the dashboard's current figures (and the 6-month figures) do not move.
/// </summary>
public sealed class CarryForwardJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    const string Work = "Đã ban hành Kế hoạch CCHC năm 2025 (mang sang kỳ sau).";

    [Fact]
    public async Task SecondQuartersReport_OpensWithTheFirstQuartersAnswers_AndAcceptingTheOlderReportLeavesTheDashboardAlone()
    {
        var (q1, six, snv) = await PlanAsync();
        var officer = await host.SignInAsync("snv");
        var q1Url = $"{host.BaseUrl}/Reports/Periods/{q1}/Agencies/{snv}";
        var sixUrl = $"{host.BaseUrl}/Reports/Periods/{six}/Agencies/{snv}";

        // Q1: the first activity done with its result, the others under way; sent, not yet reviewed.
        await E2EHost.OpenReportAsync(officer, q1Url);
        var selects = await officer.Locator("#report-form select[name$='.Status']").AllAsync();
        foreach (var s in selects) await s.SelectOptionAsync("InProgress");
        await selects[0].SelectOptionAsync("Done");
        var firstId = (await selects[0].GetAttributeAsync("id"))!["s-".Length..];
        await officer.FillAsync($"#w-{firstId}", Work);
        await officer.ClickAsync("#submit-report");
        await officer.ClickAsync("#confirm-submit-form button[type=submit]");   // "Gửi báo cáo" asks first, with counts
        await officer.Locator(".alert", new() { HasTextString = "Đã gửi báo cáo" }).WaitForAsync();

        // 6 months: the same answers are there, marked, for the officer to review instead of retyping.
        await E2EHost.OpenReportAsync(officer, sixUrl);
        await officer.Locator("#carried-note").WaitForAsync();
        var first = officer.Locator("#report-form select[name$='.Status']").First;
        (await first.InputValueAsync()).Should().Be("Done", "done stays done");
        (await officer.Locator("#report-form textarea[name$='.WorkDone']").First.InputValueAsync()).Should().Be(Work);
        (await officer.Locator("#report-form .badge.carried").CountAsync()).Should().Be(selects.Count);
        (await officer.Locator("#report-form select[name$='.Status']").Nth(1).InputValueAsync()).Should().Be("InProgress");
        await E2EHost.ShotAsync(officer, "reporting-carried-forward");
        await officer.ClickAsync("#submit-report");
        await officer.ClickAsync("#confirm-submit-form button[type=submit]");   // "Gửi báo cáo" asks first, with counts
        await officer.Locator(".alert", new() { HasTextString = "Đã gửi báo cáo" }).WaitForAsync();

        var coordinator = await host.SignInAsync("coordinator");
        await AcceptAsync(coordinator, sixUrl);
        var current = await FiguresAsync(coordinator, $"{host.BaseUrl}/Dashboard");
        var sixMonths = await FiguresAsync(coordinator, $"{host.BaseUrl}/Dashboard?period={six}");

        // The coordinator now accepts the older Q1 report.
        await AcceptAsync(coordinator, q1Url);
        (await FiguresAsync(coordinator, $"{host.BaseUrl}/Dashboard")).Should().Be(current);
        (await FiguresAsync(coordinator, $"{host.BaseUrl}/Dashboard?period={six}")).Should().Be(sixMonths);
    }

    static async Task AcceptAsync(IPage coordinator, string url)
    {
        await coordinator.GotoAsync(url);
        await coordinator.ClickAsync("#accept-report");
        await coordinator.Locator(".alert", new() { HasTextString = "Đã tiếp nhận báo cáo" }).WaitForAsync();
    }

    /// <summary>The completion and overdue cards and the agencies table, as the coordinator reads them.</summary>
    static async Task<string> FiguresAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return string.Join(" | ", await page.TextContentAsync("#kpi-done"), await page.TextContentAsync("#kpi-overdue"),
            (await page.TextContentAsync("#agencies-table tbody"))?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { } words ? string.Join(' ', words) : "");
    }

    async Task<(int Q1, int Six, int Snv)> PlanAsync()
    {
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Plans.AnyAsync(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued))
            await DemoData.SeedPlansAsync(db, sp, default);
        var plan = await db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued).Select(p => p.Id).SingleAsync();
        if (!await db.Set<ReportPeriod>().AnyAsync(p => p.PlanId == plan))
            (await sp.GetRequiredService<ReportPeriods>().OpenYearAsync(plan, 2025, 14, 18)).IsOk.Should().BeTrue();
        var periods = await db.Set<ReportPeriod>().Where(p => p.PlanId == plan).ToDictionaryAsync(p => p.Kind, p => p.Id);
        return (periods[ReportingPeriodKind.Q1], periods[ReportingPeriodKind.SixMonths], await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync());
    }
}
