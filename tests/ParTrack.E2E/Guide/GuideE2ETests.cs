using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.ParIndex;

namespace ParTrack.E2E.Guide;

/// <summary>
/// On the demo province, in Chromium: each role starts on "Việc cần làm"; closing the open PAR step asks with the
/// counts and a reason; the main pages of each role have no serious or critical axe-core finding at desktop and phone width.
/// </summary>
public sealed class GuideE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    public const int Phone = 390;

    [Theory]
    [InlineData("coordinator")]
    [InlineData("snv")]
    [InlineData("leader")]
    [InlineData("appraiser")]
    public async Task EachRole_StartsOnItsToDoHome_AtDesktopAndPhoneWidth(string user)
    {
        foreach (var width in new[] { 1280, Phone })
        {
            var page = await host.SignInAsync(user, width: width);
            new Uri(page.Url).AbsolutePath.Should().Be("/", "the start page after sign-in is the to-do home");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Việc cần làm");
            var groups = page.Locator("#todo .todo-group");
            if (user is "coordinator" or "snv")
                (await groups.CountAsync()).Should().BeGreaterThan(0, "the demo's open PAR round is work for {0}", user);
            for (var i = 0; i < await groups.CountAsync(); i++)
            {
                // Every line links to a page of the app, and the group says how many.
                (await groups.Nth(i).Locator(".todo-count").TextContentAsync()).Should().MatchRegex("^[0-9]+$");
                foreach (var href in await groups.Nth(i).Locator("a.todo-link").EvaluateAllAsync<string[]>("a => a.map(x => x.getAttribute('href'))"))
                    href.Should().StartWith("/");
            }
            await E2EHost.ShotAsync(page, width == Phone ? $"home-{user}-phone" : $"home-{user}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ClosingTheOpenSelfAssessment_AsksWithCounts_AndNeedsAReason()
    {
        int roundId, units, missing;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var round = await db.Set<ParRound>().Where(r => r.Stage == RoundStage.SelfAssessment).OrderByDescending(r => r.Year).FirstAsync();
            roundId = round.Id;
            units = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == roundId);
            missing = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == roundId && a.Status != AssessmentStatus.Submitted);
        }
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/ParIndex/Rounds/{roundId}");
        await coordinator.ClickAsync("button:has-text('Đóng bước này')");

        await Assertions.Expect(coordinator.Locator("#confirm-counts")).ToContainTextAsync($"{missing}/{units} đơn vị chưa nộp tự đánh giá");
        await Assertions.Expect(coordinator.Locator("#confirm-step")).ToBeFocusedAsync();
        await E2EHost.ShotAsync(coordinator, "par-close-step-confirm");
        // The browser refuses an empty reason (required); the server refuses it too (tested over HTTP).
        await coordinator.ClickAsync("#confirm-step-form button[type=submit]");
        await Assertions.Expect(coordinator.Locator("[aria-current=step]")).ToHaveTextAsync("Đơn vị tự đánh giá");
        await coordinator.FillAsync("#close-reason", "UBND tỉnh yêu cầu thẩm định sớm.");
        await coordinator.ClickAsync("#confirm-step-form button[type=submit]");
        await Assertions.Expect(coordinator.Locator("[aria-current=step]")).ToHaveTextAsync("Thẩm định");

        var phone = await host.SignInAsync("coordinator", width: Phone);
        await phone.GotoAsync($"{host.BaseUrl}/ParIndex/Rounds/{roundId}");
        await phone.ClickAsync("button:has-text('Mở lại bước trước')");
        await phone.ClickAsync("button:has-text('Đóng bước này')");
        await Assertions.Expect(phone.Locator("#confirm-counts")).ToBeVisibleAsync();
        await E2EHost.ShotAsync(phone, "par-close-step-confirm-phone");
    }

    [Fact]
    public async Task SelfAssessmentDraft_WithTheRequiredFileMissing_IsSaved_AndSaysWhatIsMissing()
    {
        int assessmentId;
        string code;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var a = await db.Set<ParAssessment>().Include(x => x.Set).Include(x => x.Evidence)
                .Where(x => x.Round!.Stage == RoundStage.SelfAssessment && x.Agency!.Name == "Sở Nội vụ" && x.Status == AssessmentStatus.Draft)
                .FirstAsync();
            assessmentId = a.Id;
            var withEvidence = a.Evidence.Select(e => e.Code).ToHashSet();
            code = CriteriaSets.Parse(a.Set!).Flatten()
                .First(i => i.Sub.EvidenceRequired && !i.Sub.IsSurvey && !withEvidence.Contains(i.Sub.Code)).Sub.Code;
        }
        var officer = await host.SignInAsync("snv");
        await officer.GotoAsync($"{host.BaseUrl}/ParIndex/Assessments/{assessmentId}");
        var row = officer.Locator($"[id='row-{code}']");
        var points = row.Locator("select, input[name$='.Points']").First;
        if (await points.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            await points.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        else
            await points.FillAsync("0");
        var chosen = await points.InputValueAsync();

        await officer.ClickAsync("#self-form button:has-text('Lưu'):not(:has-text('nộp'))");

        await Assertions.Expect(officer.Locator("#missing")).ToContainTextAsync($"Tiêu chí {code} yêu cầu tài liệu kiểm chứng");
        (await officer.Locator($"[id='row-{code}']").Locator("select, input[name$='.Points']").First.InputValueAsync()).Should().Be(chosen, "the draft kept the score");
        await E2EHost.ShotAsync(officer, "par-draft-missing-evidence");
    }

    public static TheoryData<string, string, int> MainPages()
    {
        var data = new TheoryData<string, string, int>();
        string[][] pages =
        [
            ["coordinator", "/", "/Dashboard", "/Reports", "/Plans", "/Notifications", "/ParIndex", "/Agencies"],
            ["snv", "/", "/MyWork", "/Reports", "/Notifications", "/ParIndex"],
            ["leader", "/", "/Dashboard", "/Reports"],
            ["appraiser", "/", "/ParIndex"],
            ["admin", "/Accounts/Users", "/Accounts/Audit"],
        ];
        foreach (var p in pages)
            foreach (var url in p[1..])
                foreach (var width in new[] { 1280, Phone }) data.Add(p[0], url, width);
        return data;
    }

    static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AxeFolder(), "axe.min.js")));

    /// <summary>tests/ParTrack.E2E/axe/node_modules/axe-core (npm ci in tests/ParTrack.E2E/axe; test.sh does it).</summary>
    static string AxeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParTrack.E2E", "axe", "node_modules", "axe-core");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("axe-core is not installed: run `npm ci` in tests/ParTrack.E2E/axe.");
    }

    [Theory, MemberData(nameof(MainPages))]
    public async Task MainPage_HasNoSeriousOrCriticalAxeFinding(string user, string url, int width)
    {
        var page = await host.SignInAsync(user, width: width);
        await page.GotoAsync(host.BaseUrl + url);
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
        await page.EvaluateAsync(Axe.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' → ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
            """);
        var problems = found.EnumerateArray().Select(v => v.GetString()).ToList();
        await page.Context.CloseAsync();
        problems.Should().BeEmpty("{0} as {1} at {2} px must pass WCAG 2.2 AA (axe-core)", url, user, width);
    }
}
