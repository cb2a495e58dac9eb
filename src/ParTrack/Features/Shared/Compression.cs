using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ParTrack.Features.Shared;

/// <summary>
/// Brotli (or gzip) for answers that carry no secret: style sheets, scripts, SVG, JSON and CSV. HTML pages are sent
/// as they are, because every page carries a form token (the sign-out form at least) beside text the visitor can
/// put in the page (search fields, names): compressing both together would let an attacker who watches the sizes
/// guess the token a byte at a time (BREACH, docs/security.md). JSON and CSV answers never carry a token: the API
/// authenticates by cookie or header, never by a value in the body.
/// </summary>
public static class Compression
{
    /// <summary>The content types compressed; text/html is deliberately absent.</summary>
    public static readonly string[] MimeTypes =
        ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json",
         "application/problem+json", "text/csv"];

    public static IServiceCollection AddPartrackCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;   // safe here: no compressed type carries a secret (see above)
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // The default (Optimal) Brotli level costs several milliseconds per 100 KB on a busy 2-core server; Fastest
        // still takes a 3.5 MB progress answer to a fraction of its size.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
