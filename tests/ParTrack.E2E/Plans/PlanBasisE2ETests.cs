using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Plans;

/// <summary>
/// The demo's 2025 province plan withdrawn in the browser: the coordinator sees the two agency plans made from it
/// before confirming; Sở Nội vụ's officer then finds its plan flagged, on a desktop and on a phone.
/// </summary>
public sealed class PlanBasisE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task Coordinator_WithdrawsTheProvincePlan_OfficerSeesItsPlanFlagged_OnDesktopAndPhone()
    {
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/Plans");
        await coordinator.ClickAsync("tbody tr:first-child td a:not(.badge)");
        var provinceUrl = coordinator.Url;
        await coordinator.ClickAsync("details.withdraw summary");
        await Expect(coordinator.Locator("label[for=withdraw-confirm]")).ToContainTextAsync("2 kế hoạch của cơ quan căn cứ kế hoạch này");
        await coordinator.FillAsync("#withdraw-reason", "Thu hồi theo Quyết định số 120/QĐ-UBND để ban hành lại");
        await coordinator.CheckAsync("#withdraw-confirm");
        await coordinator.ClickAsync("form.withdraw-plan button[type=submit]");
        await coordinator.WaitForURLAsync(provinceUrl);
        await Expect(coordinator.Locator(".plan-ended")).ToContainTextAsync("Đã thu hồi");

        foreach (var width in new[] { 1280, 390 })
        {
            var officer = await host.SignInAsync("snv", width: width);
            await officer.GotoAsync($"{host.BaseUrl}/Plans");
            var badge = officer.Locator("a.basis-ended");
            await Expect(badge).ToContainTextAsync("Căn cứ đã bị thu hồi");
            await badge.ClickAsync();
            var flag = officer.Locator(".plan-basis-ended");
            await Expect(flag).ToContainTextAsync("Thu hồi theo Quyết định số 120/QĐ-UBND");
            (await flag.BoundingBoxAsync())!.Width.Should().BeLessThanOrEqualTo(width, "the warning fits the screen");
            await E2EHost.ShotAsync(officer, $"plans-basis-withdrawn-{width}");
        }
        host.CspViolations.Should().BeEmpty();
    }

    static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
