using Microsoft.Net.Http.Headers;

namespace ParTrack.Features.Shared;

/// <summary>
/// Headers every response carries (pages, API, files, errors, static files), set when the response
/// starts so no path can skip them. The policy allows scripts and styles from this site only: the pages
/// have no inline script, event handler or style attribute (they live in wwwroot/js and wwwroot/css), and
/// images may also be data: addresses (Bootstrap's icons in its CSS, the 2FA QR code). A response that
/// sets its own policy keeps it (evidence shown inside the appraisal page: frame-ancestors 'self').
/// Dynamic answers (pages, API, exports, downloads) are never stored by browsers or proxies.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>For a file the app's own pages show in a frame (PDF and image evidence).</summary>
    public const string FramedFilePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

    /// <summary>
    /// HttpContext.Items key set by an answer made from a published snapshot (Features/Publishing/PublicHttp): it keeps its
    /// public Cache-Control and ETag. Nothing else may set it: every other answer is no-store.
    /// </summary>
    public const string PublicCacheItem = "partrack.public-cache";

    static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.TryAdd(HeaderNames.ContentSecurityPolicy, Policy);
            // X-Frame-Options for browsers without frame-ancestors; an embeddable public chart (frame-ancestors * or a
            // configured list) has none, since X-Frame-Options cannot say "these sites".
            var csp = h[HeaderNames.ContentSecurityPolicy].ToString();
            if (csp.Contains("frame-ancestors 'none'")) h.TryAdd(HeaderNames.XFrameOptions, "DENY");
            else if (csp.Contains("frame-ancestors 'self'")) h.TryAdd(HeaderNames.XFrameOptions, "SAMEORIGIN");
            h[HeaderNames.XContentTypeOptions] = "nosniff";
            h.TryAdd("Referrer-Policy", "same-origin");
            h.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            h.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            if ((ctx.GetEndpoint() is not null || ctx.Request.Path.StartsWithSegments("/api")) && !ctx.Items.ContainsKey(PublicCacheItem))
                h[HeaderNames.CacheControl] = "no-store";
            return Task.CompletedTask;
        });
        // Pages answer GET, HEAD and POST; anything else (PUT, DELETE, TRACE…) is 405, not a page run
        // without its handler. The API routes its own methods.
        if (!ctx.Request.Path.StartsWithSegments("/api") && !PageMethods.Contains(ctx.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            ctx.Response.Headers.Allow = "GET, HEAD, POST";
            return;
        }
        await next();
    });
}
