using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.ParIndex;

namespace ParTrack.E2E.ParIndex;

/// <summary>
/// A unit self-assesses with one evidence file and submits; the appraiser lowers one score with a
/// reason; the unit clarifies; the appraiser finalises; the published results show the unit's rank.
/// </summary>
public sealed class ParIndexRoundE2ETests(E2EHost host) : IClassFixture<E2EHost>
{
    async Task<int> OpenRoundAsync()
    {
        using var scope = host.Services.CreateScope();
        var rounds = scope.ServiceProvider.GetRequiredService<ParRounds>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        // Self-assessment due today and the appraisal window open from today: the test walks both steps now.
        var created = await rounds.CreateAsync(new RoundInput(2030, "Đánh giá Chỉ số CCHC năm 2030", today, today,
            today.AddDays(20), today.AddDays(21), today.AddDays(25), today.AddDays(30), false, [ParUnitGroup.Department]));
        created.IsOk.Should().BeTrue(string.Join(" ", created.Messages));
        var round = created.Value!;
        round.Stage = RoundStage.SelfAssessment;
        await db.SaveChangesAsync();
        return round.Id;
    }

    static async Task NextStepAsync(IPage coordinator, string baseUrl, int roundId, string stage)
    {
        await coordinator.GotoAsync($"{baseUrl}/ParIndex/Rounds/{roundId}");
        await coordinator.ClickAsync("button:has-text('Đóng bước này')");
        // The step closes before its last day (or with units missing): the page asks, with the counts, for a reason.
        await Assertions.Expect(coordinator.Locator("#confirm-step")).ToBeVisibleAsync();
        await coordinator.FillAsync("#close-reason", "Hội đồng thẩm định làm việc sớm theo chỉ đạo của UBND tỉnh.");
        await coordinator.ClickAsync("#confirm-step-form button[type=submit]");
        await Assertions.Expect(coordinator.Locator("[aria-current=step]")).ToHaveTextAsync(stage);
    }

    [Fact]
    public async Task Unit_SelfAssessesAppraiserAdjustsUnitClarifies_ResultsShowRank()
    {
        var roundId = await OpenRoundAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"ke-hoach-cchc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n% Ke hoach CCHC 2030\n%%EOF\n");

        // The unit scores two sub-criteria, attaches the plan as evidence, and submits.
        var snv = await host.SignInAsync("snv");
        await snv.GotoAsync($"{host.BaseUrl}/ParIndex");
        await snv.ClickAsync("text=Bản đánh giá của đơn vị");
        await snv.Locator("#row-1\\.1\\.1 select").SelectOptionAsync("1");
        await snv.Locator("#row-1\\.1\\.1 input[type=file]").SetInputFilesAsync(pdf);
        await snv.Locator("#row-1\\.2\\.1 select").SelectOptionAsync("1,5");
        await snv.Locator("#row-1\\.2\\.1 textarea").FillAsync("Đủ 4 báo cáo quý, gửi đúng hạn qua hệ thống văn bản.");
        await E2EHost.ShotAsync(snv, "par-self-assessment");
        await snv.ClickAsync("button:has-text('Lưu và nộp')");
        await Assertions.Expect(snv.Locator("#status")).ToHaveTextAsync("Đã nộp");
        await Assertions.Expect(snv.Locator("#row-1\\.1\\.1 a")).ToHaveTextAsync(Path.GetFileName(pdf));
        var assessmentUrl = snv.Url;

        var coordinator = await host.SignInAsync("coordinator");
        await NextStepAsync(coordinator, host.BaseUrl, roundId, "Thẩm định");

        // The appraiser sees the evidence beside the self-score and lowers 1.2.1 with a reason.
        var appraiser = await host.SignInAsync("appraiser");
        await appraiser.GotoAsync(assessmentUrl + "/Appraise");
        await Assertions.Expect(appraiser.Locator("#row-1\\.1\\.1 a")).ToHaveTextAsync(Path.GetFileName(pdf));
        await appraiser.Locator("#row-1\\.2\\.1 select").SelectOptionAsync("0,75");
        await appraiser.ClickAsync("button:has-text('Lưu kết quả thẩm định')");
        await Assertions.Expect(appraiser.Locator(".alert-danger")).ToContainTextAsync("Hãy ghi lý do điều chỉnh");
        await appraiser.Locator("#row-1\\.2\\.1 textarea").FillAsync("Báo cáo quý III gửi chậm 3 ngày.");
        await appraiser.ClickAsync("button:has-text('Lưu kết quả thẩm định')");
        await Assertions.Expect(appraiser.Locator(".alert-success")).ToContainTextAsync("Đã lưu kết quả thẩm định");
        await E2EHost.ShotAsync(appraiser, "par-appraisal");

        await NextStepAsync(coordinator, host.BaseUrl, roundId, "Giải trình");

        // The unit sees the reason and answers once.
        await snv.GotoAsync(assessmentUrl);
        await Assertions.Expect(snv.Locator("#row-1\\.2\\.1")).ToContainTextAsync("Báo cáo quý III gửi chậm 3 ngày.");
        await snv.Locator("#clar-1\\.2\\.1").FillAsync("Báo cáo quý III gửi ngày 15/10 theo văn bản số 45/BC-SNV, đúng hạn.");
        await E2EHost.ShotAsync(snv, "par-clarification");
        await snv.ClickAsync("button:has-text('Gửi giải trình')");
        await Assertions.Expect(snv.Locator("#row-1\\.2\\.1")).ToContainTextAsync("45/BC-SNV");
        await Assertions.Expect(snv.Locator("#clar-1\\.2\\.1")).ToHaveCountAsync(0);

        await NextStepAsync(coordinator, host.BaseUrl, roundId, "Hoàn thiện kết quả thẩm định");

        // The appraiser accepts the clarification: back to the unit's own score.
        await appraiser.GotoAsync(assessmentUrl + "/Appraise");
        await appraiser.Locator("#row-1\\.2\\.1 select").SelectOptionAsync("1,5");
        await appraiser.ClickAsync("button:has-text('Lưu kết quả thẩm định')");
        await Assertions.Expect(appraiser.Locator(".alert-success")).ToBeVisibleAsync();

        await NextStepAsync(coordinator, host.BaseUrl, roundId, "Đã công bố");

        // Published: Sở Nội vụ (2.5 points) ranks first among departments, the rest scored nothing.
        await snv.GotoAsync($"{host.BaseUrl}/ParIndex/Rounds/{roundId}/Results");
        var row = snv.Locator("#results tbody tr", new() { HasText = "Sở Nội vụ" });
        await Assertions.Expect(row.Locator("[data-col=rank]")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-col=total]")).ToHaveTextAsync("2,5");
        await E2EHost.ShotAsync(snv, "par-results");
    }
}
