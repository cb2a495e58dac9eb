using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Plans;

/// <summary>
/// The plan journey in a real browser: the coordinator imports Hà Tĩnh's 2025 plan (seed 000) through the
/// upload page, resolves an agency name, confirms and issues; Sở Nội vụ's officer then sees its work on
/// "Việc của tôi" and makes its own plan from the province's.
/// </summary>
public sealed partial class PlanJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    // Seed lookup as the other tests: PARTRACK_SEEDS, else shared/seeds in a folder above the build output.
    static string Seed000()
    {
        if (Environment.GetEnvironmentVariable("PARTRACK_SEEDS") is { Length: > 0 } env) return Path.Combine(env, "000_a5b74ff242722c67.txt");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(seeds)) return Path.Combine(seeds, "000_a5b74ff242722c67.txt");
        }
        throw new FileNotFoundException("Không tìm thấy thư mục shared/seeds phía trên thư mục chạy kiểm thử; đặt PARTRACK_SEEDS.");
    }

    [Fact]
    public async Task Coordinator_ImportsResolvesIssues_ThenOfficerSeesWorkAndCascades()
    {
        // 1. The coordinator uploads seed 000 and lands on the preview.
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/Plans/Import");
        await coordinator.SetInputFilesAsync("#file", Seed000());
        await coordinator.ClickAsync("button[type=submit]:has-text('Đọc tệp và xem trước')");
        await coordinator.WaitForURLAsync(PreviewUrl());
        var planId = int.Parse(coordinator.Url.Split('/').Last());

        // The preview shows the decision number, the seven areas of the appendix and a known activity (PL I, 3.1, led by Sở Nội vụ).
        await Expect(coordinator.Locator("body")).ToContainTextAsync("3098/QĐ-UBND");
        var areas = coordinator.Locator(".framework-table .area-row");
        (await areas.CountAsync()).Should().BeGreaterThanOrEqualTo(7);
        (await areas.First.InnerTextAsync()).Should().StartWith("I.").And.Contain("CCHC");
        await Expect(coordinator.Locator(".framework-table")).ToContainTextAsync("Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ");
        var areaTitles = (await areas.AllInnerTextsAsync()).Select(t => t.Normalize().ToUpperInvariant()).ToList();
        areaTitles.Should().Contain(t => t.StartsWith("II. CẢI CÁCH THỂ CHẾ".Normalize()), "area II of the appendix is institutional reform");
        await E2EHost.ShotAsync(coordinator, "e2e-import-preview");

        // 2. Resolve the first unresolved name to the group "UBND cấp huyện"; it leaves the list.
        var rows = coordinator.Locator("tr.unresolved");
        var before = await rows.CountAsync();
        before.Should().BeGreaterThan(0, "seed 000 names bodies the demo registry does not know (e.g. external consultants)");
        var first = rows.First;
        var name = (await first.Locator("input[name=name]").GetAttributeAsync("value"))!;
        await first.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "UBND cấp huyện" });
        await first.Locator("button:has-text('Gắn')").ClickAsync();
        await coordinator.WaitForURLAsync(PreviewUrl());
        await Expect(coordinator.Locator(".alert")).ToContainTextAsync($"Đã gắn \"{name}\"");
        (await rows.CountAsync()).Should().Be(before - 1);
        (await coordinator.Locator("tr.unresolved input[name=name]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"))
            .Should().NotContain(name);

        // 3. Confirm: the plan is a draft; then issue it.
        await coordinator.ClickAsync("button:has-text('Xác nhận nhập (lưu dự thảo)')");
        await coordinator.WaitForURLAsync($"{host.BaseUrl}/Plans/{planId}");
        await Expect(coordinator.Locator("h1 + div .badge").First).ToHaveTextAsync("Dự thảo");
        await coordinator.ClickAsync("form button:text-is('Ban hành')");
        // Issuing asks first, with the counts of activities and agencies that receive work.
        await Expect(coordinator.Locator("#confirm-issue-counts")).ToContainTextAsync("cơ quan sẽ nhận việc");
        await coordinator.ClickAsync("#confirm-issue-form button[type=submit]");
        await coordinator.WaitForURLAsync($"{host.BaseUrl}/Plans/{planId}");
        await Expect(coordinator.Locator(".alert")).ToContainTextAsync("Đã ban hành kế hoạch.");
        await Expect(coordinator.Locator("h1 + div .badge").First).ToHaveTextAsync("Đã ban hành");
        await E2EHost.ShotAsync(coordinator, "e2e-plan-issued");

        // 4. Sở Nội vụ's officer: its activities on "Việc của tôi", grouped by area.
        var officer = await host.SignInAsync("snv");
        await officer.GotoAsync($"{host.BaseUrl}/MyWork");
        await Expect(officer.Locator("h1")).ToContainTextAsync("Sở Nội vụ");
        await Expect(officer.Locator("main")).ToContainTextAsync("Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ");
        (await officer.Locator("section .area-heading").CountAsync()).Should().BeGreaterThanOrEqualTo(3, "Sở Nội vụ leads work in several areas of seed 000");
        await Expect(officer.Locator(".deadline").First).ToHaveTextAsync(DeadlineWords());
        await E2EHost.ShotAsync(officer, "e2e-my-work");

        // 5. It creates its own plan from the province's: a draft owned by Sở Nội vụ, pre-filled with its activities.
        await officer.ClickAsync("a:has-text('Lập kế hoạch của cơ quan')");
        await officer.WaitForURLAsync($"{host.BaseUrl}/Plans/{planId}");
        await officer.ClickAsync("button:has-text('Lập kế hoạch của cơ quan từ kế hoạch này')");
        await officer.WaitForURLAsync(u => Regex.IsMatch(u, @"/Plans/\d+$") && !u.EndsWith($"/Plans/{planId}"));
        await Expect(officer.Locator("h1 + div")).ToContainTextAsync("Sở Nội vụ");
        await Expect(officer.Locator("h1 + div .badge").First).ToHaveTextAsync("Dự thảo");
        await Expect(officer.Locator(".framework-table")).ToContainTextAsync("Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ");
        await E2EHost.ShotAsync(officer, "e2e-agency-plan");

        // "Việc của tôi" now links the agency's own plan instead of offering to create one.
        await officer.GotoAsync($"{host.BaseUrl}/MyWork");
        await Expect(officer.Locator("a:has-text('Kế hoạch của cơ quan')")).ToBeVisibleAsync();
        await Expect(officer.Locator("a:has-text('Lập kế hoạch của cơ quan')")).ToHaveCountAsync(0);
    }

    Regex PreviewUrl() => new($"^{Regex.Escape(host.BaseUrl)}/Plans/Import/\\d+$");

    // "còn N ngày", "quá hạn N ngày", "hôm nay", … : some plain-words deadline, not a date.
    [GeneratedRegex(@"ngày|hôm nay|thường xuyên|theo|chưa rõ|hạn", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineWords();

    static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
