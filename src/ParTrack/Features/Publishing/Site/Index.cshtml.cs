using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.Publishing.Site;

/// <summary>The public home (/cong-khai, /public in English): every published item by dataset. No sign-in.</summary>
public sealed class IndexModel(PublicCatalog catalog, IConfiguration config) : PageModel
{
    public IReadOnlyList<IGrouping<string, PublishedSummary>> Groups { get; private set; } = [];
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync()
    {
        var items = await catalog.ListAsync();
        var last = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.PublishedAtUtc);
        if (PublicHttp.NotModified(HttpContext, $"{PublicCatalog.ETagOf(items)}-home-{(English ? "en" : "vi")}", last, PublicSettings.From(config).MaxAgeSeconds))
            return StatusCode(StatusCodes.Status304NotModified);
        Groups = items.GroupBy(i => i.Kind).ToList();
        return Page();
    }
}

public static class PublicFormat
{
    /// <summary>A publication's day on the Vietnamese calendar (UTC+7), as dd/MM/yyyy.</summary>
    public static string Day(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
