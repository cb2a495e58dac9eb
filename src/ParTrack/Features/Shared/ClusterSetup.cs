using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>
/// What lets several instances of the app serve one province behind a reverse proxy (docs/deployment.md):
/// the data-protection keys (sign-in cookies, antiforgery tokens) kept in the database so every instance
/// reads every other's cookies, optionally encrypted at rest with a certificate; the client address and
/// scheme taken from the proxy's forwarded headers, from configured proxies only; and a response header
/// naming the instance when one is configured.
/// </summary>
public static class ClusterSetup
{
    /// <summary>One name for every instance: without it each instance's keys are isolated by its install path.</summary>
    public const string ApplicationName = "ParTrack";

    /// <summary>Reads the key certificate now (the data-protection builder needs it at registration); the rest when first needed.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration config)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDbContext>();
        if (KeyCertificate(config) is { } cert)
            keys.ProtectKeysWithCertificate(cert).UnprotectKeysWithAnyCertificate([cert, .. PreviousCertificates(config)]);
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>>(sp =>
            new ConfigureOptions<ForwardedHeadersOptions>(o => ConfigureForwarding(o, sp.GetRequiredService<IConfiguration>())));
        return services;
    }

    public static WebApplication UseCluster(this WebApplication app)
    {
        if (HasProxies(app.Configuration))
        {
            // Read the proxy settings now, so a wrong one stops the start with its message instead of failing requests.
            _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
            app.UseForwardedHeaders();
        }
        if (app.Configuration["Instance:Name"] is { Length: > 0 } name)
            app.Use((http, next) =>
            {
                http.Response.Headers["X-Instance"] = name;
                return next(http);
            });
        return app;
    }

    /// <summary>DataProtection:CertificatePath (a PFX with its private key) and DataProtection:CertificatePassword.</summary>
    static X509Certificate2? KeyCertificate(IConfiguration config) =>
        config["DataProtection:CertificatePath"] is { Length: > 0 } path ? Load(path, config["DataProtection:CertificatePassword"]) : null;

    /// <summary>After a certificate is replaced, the keys it protected stay readable while the old one is listed
    /// here (DataProtection:PreviousCertificates:0:Path, :Password, …) until those keys expire (90 days).</summary>
    static IEnumerable<X509Certificate2> PreviousCertificates(IConfiguration config) =>
        config.GetSection("DataProtection:PreviousCertificates").GetChildren()
            .Where(c => c["Path"] is { Length: > 0 })
            .Select(c => Load(c["Path"]!, c["Password"]));

    /// <summary>A start-up error that says which setting to fix, instead of the cryptography library's.</summary>
    static X509Certificate2 Load(string path, string? password)
    {
        try { return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"Không đọc được chứng chỉ bảo vệ khóa DataProtection tại \"{path}\" ({ex.Message}). " +
                "Kiểm tra DataProtection:CertificatePath (tệp PFX có khóa riêng) và DataProtection:CertificatePassword.", ex);
        }
    }

    static bool HasProxies(IConfiguration config) =>
        List(config, "ForwardedHeaders:KnownProxies").Count > 0 || List(config, "ForwardedHeaders:KnownNetworks").Count > 0;

    /// <summary>
    /// Forwarded headers are believed only from the configured proxies and networks (a list, or one value
    /// with commas): from anyone else they would let a client choose its own address in the audit log.
    /// </summary>
    static void ConfigureForwarding(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in List(config, "ForwardedHeaders:KnownProxies"))
            o.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip) ? ip
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" không phải địa chỉ IP (ví dụ 127.0.0.1 hoặc 10.0.0.5)."));
        foreach (var network in List(config, "ForwardedHeaders:KnownNetworks"))
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var net) ? net
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" không phải dải mạng (ví dụ 10.0.0.0/24)."));
        if (config["AllowedHosts"] is { Length: > 0 } hosts && hosts != "*")
            o.AllowedHosts = hosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    static List<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        if (section.Value is { Length: > 0 } one) items.AddRange(one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return items;
    }
}
