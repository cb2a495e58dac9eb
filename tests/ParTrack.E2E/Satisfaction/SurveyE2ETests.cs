using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParTrack.Data;
using ParTrack.E2E.Infrastructure;
using ParTrack.Features.Satisfaction;

namespace ParTrack.E2E.Satisfaction;

/// <summary>
/// A citizen at a one-stop desk on a phone: scans the desk's QR link, answers, sees the thank-you page, and the
/// answer is in the demo's running campaign's figures. axe-core checks the form (no serious or critical finding).
/// </summary>
public sealed class SurveyE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task PhoneScan_Answer_ThankYou_AndTheAnswerIsInTheCampaignsFigures()
    {
        var (campaignId, desk, agency) = await OpenDeskAsync();
        var before = await AnswersAsync(campaignId, agency);
        var phone = await host.NewPageAsync(width: 390, height: 844);

        await phone.GotoAsync($"{host.BaseUrl}/ks/{desk}");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Phiếu khảo sát sự hài lòng");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(agency);
        (await phone.Locator("a[href]").CountAsync()).Should().Be(0, "nothing else of the app is reachable from the form");
        await E2EHost.ShotAsync(phone, "survey-form-phone");
        await CheckAccessibilityAsync(phone);

        await phone.FillAsync("#dossier", $"HS-E2E-{Guid.NewGuid():N}"[..20]);
        // Tap the labels, as a thumb would: "Rất hài lòng" for every satisfaction question, "Đồng ý" for perceptions.
        foreach (var group in await phone.Locator("fieldset.scale").AllAsync())
            await group.Locator("label.choice").Nth(await group.Locator("label.choice", new() { HasText = "Rất hài lòng" }).CountAsync() > 0 ? 0 : 1).ClickAsync();
        await phone.Locator("fieldset:not(.scale) label.choice").First.ClickAsync();
        await phone.ClickAsync("button[type=submit]");
        // The post answers a redirect to the thank-you page, or the form again with its messages (shown on failure).
        await phone.Locator("h1", new() { HasText = "Cảm ơn" }).Or(phone.Locator("[role=alert]")).WaitForAsync();

        phone.Url.Should().EndWith("/ks/cam-on", await phone.InnerTextAsync("body"));
        await Assertions.Expect(phone.Locator("[role=status]")).ToContainTextAsync("đã được ghi nhận");
        await E2EHost.ShotAsync(phone, "survey-thank-you-phone");

        (await AnswersAsync(campaignId, agency)).Should().Be(before + 1);
        var coordinator = await host.SignInAsync("coordinator");
        await coordinator.GotoAsync($"{host.BaseUrl}/Satisfaction/Campaigns/{campaignId}/Results");
        await Assertions.Expect(coordinator.Locator("#unit-results tbody tr", new() { HasText = agency })).ToContainTextAsync($"{before + 1} /");
        host.CspViolations.Should().BeEmpty();
    }

    [Fact]
    public async Task DemoRunningCampaign_HasAPrintablePoster_WithTheAgencyAndItsQrCode()
    {
        var (campaignId, desk, agency) = await OpenDeskAsync();
        var unitId = await host.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Set<SurveyUnit>().Where(u => u.DeskCode == desk).Select(u => u.Id).SingleAsync();
        var coordinator = await host.SignInAsync("coordinator");

        await coordinator.GotoAsync($"{host.BaseUrl}/Satisfaction/Campaigns/{campaignId}/Poster?unit={unitId}");

        await Assertions.Expect(coordinator.Locator(".survey-poster-agency")).ToHaveTextAsync(agency);
        await Assertions.Expect(coordinator.Locator(".survey-poster-url")).ToContainTextAsync($"/ks/{desk}");
        (await coordinator.Locator("img.survey-poster-qr").EvaluateAsync<int>("i => i.naturalWidth")).Should().BeGreaterThan(100);
        await coordinator.EmulateMediaAsync(new() { Media = Media.Print });
        await E2EHost.ShotAsync(coordinator, "survey-poster");
    }

    /// <summary>The demo's open campaign and its first unit's desk code.</summary>
    async Task<(int CampaignId, string Desk, string Agency)> OpenDeskAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaign = await db.Set<SurveyCampaign>().SingleAsync(c => c.State == CampaignState.Open);
        var unit = await db.Set<SurveyUnit>().Include(u => u.Agency).Where(u => u.CampaignId == campaign.Id).OrderBy(u => u.Id).FirstAsync();
        return (campaign.Id, unit.DeskCode, unit.Agency!.Name);
    }

    async Task<int> AnswersAsync(int campaignId, string agency)
    {
        using var scope = host.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<SurveyResults>().ForAsync(campaignId, CancellationToken.None);
        return results!.Units.Single(u => u.Agency == agency).Index.Responses;
    }

    /// <summary>The shared axe-core runner (Infrastructure/Axe); fails on serious or critical findings.</summary>
    static async Task CheckAccessibilityAsync(IPage page) => (await Axe.SeriousProblemsAsync(page)).Should().BeEmpty();
}
