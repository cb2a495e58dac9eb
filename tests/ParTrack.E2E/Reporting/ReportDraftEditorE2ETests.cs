using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.Reporting;

namespace ParTrack.E2E.Reporting;

/// <summary>
/// In Chromium on the demo: the coordinator opens "Soạn báo cáo tổng hợp" for the 9-month report, edits a paragraph
/// and saves a version; the page then marks it edited. Screenshots at desktop and 390 px (PARTRACK_SCREENSHOTS).
/// </summary>
public sealed class ReportDraftEditorE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task Coordinator_EditsAParagraph_AndSavesAVersion_AtDesktopAndPhoneWidth()
    {
        int period;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            period = await db.Set<ReportPeriod>().Where(p => p.Kind == ReportingPeriodKind.Q3 && p.Plan!.OwnerAgencyId == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/Reports/Periods/{period}");
        await coordinator.ClickAsync("a:has-text('Soạn báo cáo tổng hợp')");
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Soạn báo cáo tổng hợp");

        var paragraph = coordinator.Locator("#draft-form textarea").Nth(1);
        await paragraph.FillAsync("UBND tỉnh đã ban hành Kế hoạch CCHC năm 2025 và chỉ đạo các cơ quan triển khai ngay từ đầu năm.");
        await coordinator.ClickAsync("#draft-form button:has-text('Lưu phiên bản')");
        await Assertions.Expect(coordinator.Locator("#draft-state")).ToContainTextAsync("Phiên bản 1");
        await Assertions.Expect(coordinator.Locator(".draft-edited")).ToHaveCountAsync(1);
        await E2EHost.ShotAsync(coordinator, "reporting-draft-editor-desktop");

        var phone = await host.SignInAsync("coordinator", width: 390);
        await phone.GotoAsync($"{host.BaseUrl}/Reports/Periods/{period}/Draft");
        await Assertions.Expect(phone.Locator("#draft-form textarea").First).ToBeVisibleAsync();
        await E2EHost.ShotAsync(phone, "reporting-draft-editor-390");
        host.CspViolations.Should().BeEmpty();
    }
}
