using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.ParIndex;

/// <summary>The demo's PAR Index: last year's round published with a ranking, this year's open for self-assessment.</summary>
public sealed class ParIndexDemoE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task Demo_HasAPublishedLastYearRound_AndAnOpenRoundComparedWithIt()
    {
        var year = DateTime.UtcNow.AddHours(7).Year;
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex");
        var rounds = coordinator.Locator("main table tbody tr");
        await Assertions.Expect(rounds).ToHaveCountAsync(2);
        await Assertions.Expect(rounds.Nth(0)).ToContainTextAsync("Đơn vị tự đánh giá");
        await Assertions.Expect(rounds.Nth(1)).ToContainTextAsync("Đã công bố");
        await E2EHost.ShotAsync(coordinator, "par-index");

        // Last year's results: every department ranked, the first one ranked 1, with a class.
        await coordinator.ClickAsync($"text=Đánh giá Chỉ số CCHC năm {year - 1}");
        await E2EHost.ShotAsync(coordinator, "par-round-published");
        await coordinator.ClickAsync("text=Kết quả, xếp hạng");
        var first = coordinator.Locator("#results tbody tr").First;
        await Assertions.Expect(first.Locator("[data-col=rank]")).ToHaveTextAsync("1");
        await Assertions.Expect(first.Locator("[data-col=class]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[ABCD]$"));
        (await coordinator.Locator("table[id^=lost-] tbody tr").CountAsync()).Should().BeGreaterThan(0, "the lost-points analysis lists criteria");
        await E2EHost.ShotAsync(coordinator, "par-results-last-year");
        await coordinator.Locator("#lost-h").ScrollIntoViewIfNeededAsync();
        await coordinator.EvaluateAsync("document.getElementById('lost-h').scrollIntoView()");
        await E2EHost.ShotAsync(coordinator, "par-lost-points");

        // This year's provisional results compare each department with last year.
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex");
        await coordinator.ClickAsync($"text=Đánh giá Chỉ số CCHC năm {year}");
        await E2EHost.ShotAsync(coordinator, "par-round-open");
        await coordinator.ClickAsync("text=Kết quả, xếp hạng");
        await Assertions.Expect(coordinator.Locator("#results thead")).ToContainTextAsync("Năm trước (%)");
        var stp = coordinator.Locator("#results tbody tr", new() { HasText = "Sở Tư pháp" });
        await Assertions.Expect(stp.Locator("[data-col=delta]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[+-]?[0-9]"));
        await E2EHost.ShotAsync(coordinator, "par-results-comparison");

        await coordinator.GoBackAsync();
        await coordinator.ClickAsync("text=Điểm điều tra xã hội học");
        await E2EHost.ShotAsync(coordinator, "par-survey");
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex/Links?year={year - 1}");
        await E2EHost.ShotAsync(coordinator, "par-links");
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex/Rounds/Create");
        await E2EHost.ShotAsync(coordinator, "par-round-create");
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex");
        await coordinator.Locator("section[aria-labelledby=sets-h] a").First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("main table tbody tr")).Not.ToHaveCountAsync(0);
        await E2EHost.ShotAsync(coordinator, "par-criteria-set");

        // Sở Nội vụ's draft has its evidence file; the officer sees only its own unit in the round.
        var snv = await host.SignInAsync("snv");
        await snv.GotoAsync($"{host.BaseUrl}/ParIndex");
        await snv.Locator("text=Bản đánh giá của đơn vị").First.ClickAsync();
        await Assertions.Expect(snv.Locator("#row-1\\.1\\.1 a")).ToHaveTextAsync($"ke-hoach-cchc-{year}.pdf");
        await E2EHost.ShotAsync(snv, "par-assessment-draft");
        await snv.ClickAsync("nav[aria-label=breadcrumb] li:nth-child(2) a");
        await Assertions.Expect(snv.Locator("main table tbody tr")).ToHaveCountAsync(1);
    }
}
