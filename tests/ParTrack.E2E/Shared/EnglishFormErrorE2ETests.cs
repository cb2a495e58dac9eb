using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Guide;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Shared;

/// <summary>
/// A refused form in English, in Chromium at desktop and phone width: the errors above the form are English (what was
/// typed stays as typed), and the page keeps its layout; screenshots to PARTRACK_SCREENSHOTS as english-form-error*.png.
/// </summary>
public sealed class EnglishFormErrorE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task NewSurvey_Refused_InEnglish_ShowsEnglishErrors_AtDesktopAndPhoneWidth()
    {
        foreach (var width in new[] { 1280, GuideE2ETests.Phone })
        {
            var page = await host.SignInAsync("coordinator", width: width);
            await page.GotoAsync($"{host.BaseUrl}/lang/en-US?returnUrl=/Satisfaction/Create");
            await page.FillAsync("input[name='Form.Title']", "");
            await page.FillAsync("input[name='Form.Margin']", "năm phần trăm");
            await page.Locator("main form button[type=submit]").Last.ClickAsync();

            var alert = page.Locator("main .alert-danger");
            await Assertions.Expect(alert).ToContainTextAsync("could not be read");
            (await alert.InnerTextAsync()).Replace("năm phần trăm", "").Should().NotContainAny("không", "Hãy", "được");
            await DemoHost.ShotAsync(page, width == GuideE2ETests.Phone ? "english-form-error-phone" : "english-form-error");
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
            overflow.Should().BeFalse("the refused form must not scroll sideways at {0} px", width);
            await page.Context.CloseAsync();
        }
    }
}
