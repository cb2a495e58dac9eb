using FluentAssertions;
using Microsoft.Playwright;
using ParTrack.E2E.Infrastructure;

namespace ParTrack.E2E.Satisfaction;

/// <summary>
/// The demo's per-dossier ratings on the figures page, at 1280 and 390 px: the tables are filled and the content does
/// not overflow the screen's width (the wide tables scroll inside their own box). Screenshots with PARTRACK_SCREENSHOTS.
/// </summary>
public sealed class RatingsE2ETests(DemoHost host) : IClassFixture<DemoHost>
{
    [Fact]
    public async Task RatingFigures_ShowTheDemoRatings_OnADesktopAndAPhone()
    {
        foreach (var (width, suffix) in new[] { (1280, "desktop"), (390, "phone") })
        {
            var page = await host.SignInAsync("coordinator", width: width);
            await page.GotoAsync($"{host.BaseUrl}/Satisfaction/Ratings");
            (await page.Locator("#rating-agencies tbody tr").CountAsync()).Should().BeGreaterThan(2);
            (await page.Locator("#rating-months tbody tr").CountAsync()).Should().BeGreaterThan(0);
            // The page's own content (the layout's navigation bar is not this feature's) fits; wide tables scroll in their box.
            (await page.EvaluateAsync<int>("() => document.querySelector('main').scrollWidth")).Should().BeLessThanOrEqualTo(width, "the content fits the screen");
            await E2EHost.ShotAsync(page, $"ratings-figures-{suffix}");

            await page.GotoAsync($"{host.BaseUrl}/Satisfaction/Ratings/Scheme");
            await Assertions.Expect(page.Locator("#criteria")).ToContainTextAsync("; 2");
            await E2EHost.ShotAsync(page, $"ratings-scheme-{suffix}");
            await page.GotoAsync($"{host.BaseUrl}/Satisfaction/Ratings/Upload");
            await E2EHost.ShotAsync(page, $"ratings-upload-{suffix}");
        }
        host.CspViolations.Should().BeEmpty();
    }
}
