using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Inspections;

/// <summary>
/// A programme with a 30% target on departments → a seeded draw → Sở Tư pháp inspected → conclusion with two
/// findings → the unit reports a remedy → Sở Nội vụ verifies it; the programme's coverage and remedy rate follow.
/// </summary>
public sealed class InspectionJourneyE2ETests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Programme_Draw_Inspect_Conclude_Remedy_Verify_UpdatesFigures()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var day = today.ToString("dd/MM/yyyy");   // as a user types it in the dd/mm/yyyy date fields
        var title = $"Kế hoạch kiểm tra E2E {Guid.NewGuid():N}"[..32];

        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/Inspections");
        await coordinator.FillAsync("#p-year", today.Year.ToString());
        await coordinator.FillAsync("#p-title", title);
        await coordinator.ClickAsync("button:has-text('Lập kế hoạch kiểm tra')");
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync(title);
        var programmeUrl = coordinator.Url;

        await coordinator.GetByLabel("Các sở, ban, ngành cấp tỉnh", new() { Exact = true }).FillAsync("30");
        await coordinator.ClickAsync("button:has-text('Lưu chỉ tiêu')");
        await Assertions.Expect(coordinator.Locator(".alert-success")).ToContainTextAsync("Đã lưu chỉ tiêu");

        await coordinator.Locator("#d-group").SelectOptionAsync(new SelectOptionValue { Label = "Các sở, ban, ngành cấp tỉnh" });
        await coordinator.FillAsync("#d-seed", "2025");
        await coordinator.FillAsync("#d-date", day);
        await coordinator.ClickAsync("button:has-text('Bốc thăm')");
        await Assertions.Expect(coordinator.Locator(".alert-success")).ToContainTextAsync("số hạt giống 2025");

        await coordinator.Locator("#u-agency").SelectOptionAsync(new SelectOptionValue { Label = "Sở Tư pháp" });
        await coordinator.FillAsync("#u-date", day);
        await coordinator.ClickAsync("button:has-text('Thêm đơn vị')");
        await coordinator.ClickAsync("main table a:has-text('Sở Tư pháp')");

        // The visit, the conclusion and two findings.
        await coordinator.FillAsync("#m-date", day);
        await coordinator.FillAsync("#m-o-0", "Có kế hoạch CCHC năm, báo cáo định kỳ đúng hạn.");
        await coordinator.ClickAsync("button:has-text('Lưu biên bản')");
        await Assertions.Expect(coordinator.Locator(".alert-success")).ToContainTextAsync("Đã lưu biên bản");
        await coordinator.FillAsync("#c-no", "45/TB-SNV");
        await coordinator.FillAsync("#c-date", day);
        await coordinator.FillAsync("#c-sig", "Giám đốc Sở Nội vụ");
        await coordinator.ClickAsync("button:has-text('Lưu kết luận')");
        foreach (var found in new[] { "Chưa ban hành kế hoạch tự kiểm tra CCHC.", "Chưa niêm yết quy chế tại bộ phận một cửa." })
        {
            await coordinator.FillAsync("#f-found", found);
            await coordinator.FillAsync("#f-rem", "Khắc phục và báo cáo Sở Nội vụ.");
            await coordinator.ClickAsync("button:has-text('Thêm tồn tại')");
            await Assertions.Expect(coordinator.Locator(".alert-success")).ToContainTextAsync("Đã thêm tồn tại");
        }
        await E2EHost.ShotAsync(coordinator, "inspections-visit");

        // The unit reports the first remedy.
        var stp = await host.SignInAsync("stp");
        await stp.GotoAsync($"{host.BaseUrl}/Inspections");
        await stp.ClickAsync("main table tr:has-text('Chưa ban hành kế hoạch tự kiểm tra CCHC.') a");
        await stp.FillAsync("#r-text", "Đã ban hành Kế hoạch số 12/KH-STP.");
        await stp.ClickAsync("button:has-text('Gửi báo cáo khắc phục')");
        await Assertions.Expect(stp.Locator(".alert-success")).ToContainTextAsync("Đã gửi báo cáo kết quả khắc phục");
        var findingUrl = stp.Url;

        await coordinator.GotoAsync(findingUrl);
        await coordinator.ClickAsync("button:has-text('Xác nhận đã khắc phục')");
        await Assertions.Expect(coordinator.Locator(".alert-success")).ToContainTextAsync("Đã xác nhận");

        await coordinator.GotoAsync(programmeUrl);
        var figures = coordinator.Locator("main section").First;
        await Assertions.Expect(figures).ToContainTextAsync("Tỷ lệ khắc phục đúng hạn: 100% (1/1");
        (await figures.Locator("table tbody tr").First.InnerTextAsync()).Should().Contain("Các sở, ban, ngành cấp tỉnh").And.MatchRegex(@"\s1\s");
        await E2EHost.ShotAsync(coordinator, "inspections-programme");
    }
}
