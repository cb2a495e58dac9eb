using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.Publishing.Site;

/// <summary>One published table with its chart (/cong-khai/{kind}/{key}). Only a current publication is read.</summary>
public sealed class ItemModel(PublicCatalog catalog, IConfiguration config) : PageModel
{
    public PublishedItem Item { get; private set; } = null!;
    public PublicChart.Bars? Chart { get; private set; }
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public string EmbedUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kind, string key)
    {
        if (await catalog.ItemAsync(kind, key) is not { } item) return NotFound();
        if (PublicHttp.NotModified(HttpContext, $"{item.Summary.Sha256[..32]}-page-{(English ? "en" : "vi")}", item.Summary.PublishedAtUtc,
                PublicSettings.From(config).MaxAgeSeconds))
            return StatusCode(StatusCodes.Status304NotModified);
        Item = item;
        Chart = PublicChart.Of(item.Table);
        EmbedUrl = $"{Request.Scheme}://{Request.Host}{PublicUrls.Embed(kind, key, English)}";
        return Page();
    }
}
