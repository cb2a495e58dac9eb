using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>The public site's settings (docs/open-data.md), read from the `Public` section.</summary>
public sealed partial record PublicSettings(string ProvinceName, string ProvinceCode, string Licence, int MaxAgeSeconds, string FrameAncestors, int RequestsPerMinute)
{
    public static PublicSettings From(IConfiguration config)
    {
        var s = config.GetSection("Public");
        var ancestors = s.GetValue("FrameAncestors", "*")!;
        return new PublicSettings(
            s.GetValue("ProvinceName", "Hà Tĩnh")!, s.GetValue("ProvinceCode", "42")!, s.GetValue("Licence", "CC-BY-4.0")!,
            Math.Max(0, s.GetValue("MaxAgeSeconds", 3600)),
            // Only host sources, schemes, * and 'self' reach the header: a stray ; or newline in the setting cannot add directives.
            SafeSources().IsMatch(ancestors) ? ancestors : "'none'",
            Math.Max(1, s.GetValue("RequestsPerMinute", 120)));
    }

    public string EmbedPolicy => SecurityHeaders.Policy.Replace("frame-ancestors 'none'", "frame-ancestors " + FrameAncestors);

    [GeneratedRegex(@"^[A-Za-z0-9\*\.:/\-' ]{1,500}$")] private static partial Regex SafeSources();
}

/// <summary>
/// Conditional GET for published snapshots: a strong ETag from the snapshot's SHA-256 (and the page's language),
/// Last-Modified from its publication, and a public max-age so browsers, proxies and the province portal keep it.
/// The security-headers middleware leaves Cache-Control alone for these answers only.
/// </summary>
public static class PublicHttp
{
    /// <summary>Sets the caching headers; true when the client's copy is current (answer 304 without a body).</summary>
    public static bool NotModified(HttpContext http, string etag, DateTime lastModifiedUtc, int maxAgeSeconds)
    {
        var tag = new EntityTagHeaderValue($"\"{etag}\"");
        var h = http.Response.Headers;
        h.ETag = tag.ToString();
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc));
        h.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        h.CacheControl = $"public, max-age={maxAgeSeconds}";
        http.Items[SecurityHeaders.PublicCacheItem] = true;

        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } match)
            return match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(tag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)) <= since;
    }

    public static IResult NotModifiedResult() => Results.StatusCode(StatusCodes.Status304NotModified);
}
