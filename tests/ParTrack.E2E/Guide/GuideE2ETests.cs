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

    /// <summary>The public site without sign-in: its start page and the first published dataset it links to.</summary>
    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task PublicPages_HaveNoSeriousOrCriticalAxeFinding(int width)
    {
        var page = await host.NewPageAsync(width);
        await page.GotoAsync(host.BaseUrl + "/cong-khai");
        var problems = (await Axe.SeriousProblemsAsync(page)).Select(p => "/cong-khai: " + p).ToList();
        var dataset = await page.Locator("main a[href^='/cong-khai/']:not([href*='nhung'])").First.GetAttributeAsync("href");
        dataset.Should().NotBeNull("the demo publishes a dataset");
        await page.GotoAsync(host.BaseUrl + dataset);
        problems.AddRange((await Axe.SeriousProblemsAsync(page)).Select(p => dataset + ": " + p));
        await page.Context.CloseAsync();
        problems.Should().BeEmpty("the public pages at {0} px must pass WCAG 2.2 AA (axe-core)", width);
    }

    /// <summary>The report form in parts (Sở Nội vụ's draft year report in the demo), as the officer fills it.</summary>
    [Theory]
    [InlineData(1280)]
    [InlineData(Phone)]
    public async Task ReportForm_HasNoSeriousOrCriticalAxeFinding(int width)
    {
        string url;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var draft = await db.Set<Features.Reporting.AgencyReport>().Where(r => r.Agency!.Name == "Sở Nội vụ" && r.State == Features.Reporting.ReportState.Draft)
                .Select(r => new { r.PeriodId, r.AgencyId }).FirstAsync();
            url = $"{host.BaseUrl}/Reports/Periods/{draft.PeriodId}/Agencies/{draft.AgencyId}";
        }
        var page = await host.SignInAsync("snv", width: width);
        await E2EHost.OpenReportAsync(page, url);
        await E2EHost.ShotAsync(page, width == Phone ? "report-form-parts-phone" : "report-form-parts");
        var problems = await Axe.SeriousProblemsAsync(page);
        await page.Context.CloseAsync();
        problems.Should().BeEmpty("the report form at {0} px must pass WCAG 2.2 AA (axe-core)", width);
    }

    /// <summary>
    /// At 390 px the plan's framework table and the PAR self-assessment rows are cards (no sideways scrolling) and the
    /// dashboard's chart labels render at 12 px or more; screenshots at both widths.
    /// </summary>
    [Fact]
    public async Task PhoneLayouts_TablesBecomeCards_AndChartLabelsStayReadable()
    {
        foreach (var width in new[] { 1280, Phone })
        {
            var suffix = width == Phone ? "-phone" : "";
            var coordinator = await host.SignInAsync("coordinator", width: width);
            int plan;
            using (var scope = host.Services.CreateScope())
                plan = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Plans
                    .Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
            await coordinator.GotoAsync($"{host.BaseUrl}/Plans/{plan}");
            var framework = coordinator.Locator("table.framework-table");
            await framework.WaitForAsync();
            var display = await framework.Locator("tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display");
            display.Should().Be(width == Phone ? "block" : "table-row");
            if (width == Phone)
                (await framework.EvaluateAsync<bool>("t => t.getBoundingClientRect().width <= document.documentElement.clientWidth")).Should().BeTrue("no sideways scrolling on a phone");
            await E2EHost.ShotAsync(coordinator, "plan-framework" + suffix);

            await coordinator.GotoAsync(host.BaseUrl + "/Dashboard");
            var sizes = await coordinator.EvaluateAsync<double[]>("""
                () => Array.from(document.querySelectorAll('svg.chart')).filter(s => s.getBoundingClientRect().width > 0)
                    .flatMap(s => Array.from(s.querySelectorAll('text')).map(t => Number(t.getAttribute('font-size')) * s.getBoundingClientRect().width / s.viewBox.baseVal.width))
                """);
            sizes.Should().NotBeEmpty().And.OnlyContain(px => px >= 12, "chart labels are at least 12 px at {0} px", width);
            await E2EHost.ShotAsync(coordinator, "dashboard-charts" + suffix);
            await coordinator.Context.CloseAsync();

            var officer = await host.SignInAsync("snv", width: width);
            int assessment;
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var agency = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
                assessment = await db.Set<ParAssessment>().Where(a => a.AgencyId == agency && a.Round!.Stage == RoundStage.SelfAssessment)
                    .Select(a => a.Id).FirstAsync();
            }
            await officer.GotoAsync($"{host.BaseUrl}/ParIndex/Assessments/{assessment}");
            var row = officer.Locator("table.par-assess tbody tr[id^='row-']").First;
            (await row.EvaluateAsync<string>("r => getComputedStyle(r).display")).Should().Be(width == Phone ? "block" : "table-row");
            await E2EHost.ShotAsync(officer, "par-self-assessment" + suffix);
            await officer.Context.CloseAsync();
        }
    }

    [Theory, MemberData(nameof(MainPages))]
    public async Task MainPage_HasNoSeriousOrCriticalAxeFinding(string user, string url, int width)
    {
        var page = await host.SignInAsync(user, width: width);
        await page.GotoAsync(host.BaseUrl + url);
        var problems = await Axe.SeriousProblemsAsync(page);
        await page.Context.CloseAsync();
        problems.Should().BeEmpty("{0} as {1} at {2} px must pass WCAG 2.2 AA (axe-core)", url, user, width);
    }
}
