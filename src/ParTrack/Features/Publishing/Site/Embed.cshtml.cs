using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace ParTrack.Features.Publishing.Site;

/// <summary>
/// A chart for the province portal's iframe (/cong-khai/nhung/{kind}/{key}): the only answers whose CSP lets other
/// sites frame them (Public:FrameAncestors, default *). Every other page keeps frame-ancestors 'none'.
/// </summary>
public sealed class EmbedModel(PublicCatalog catalog, IConfiguration config) : PageModel
{
    public PublishedItem Item { get; private set; } = null!;
    public PublicChart.Bars? Chart { get; private set; }
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string kind, string key)
    {
        if (await catalog.ItemAsync(kind, key) is not { } item) return NotFound();
        var settings = PublicSettings.From(config);
        Response.Headers[HeaderNames.ContentSecurityPolicy] = settings.EmbedPolicy;
        if (PublicHttp.NotModified(HttpContext, $"{item.Summary.Sha256[..32]}-embed-{(English ? "en" : "vi")}", item.Summary.PublishedAtUtc, settings.MaxAgeSeconds))
            return StatusCode(StatusCodes.Status304NotModified);
        Item = item;
        Chart = PublicChart.Of(item.Table);
        return Page();
    }
}
