using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>A current (published, not withdrawn) item, without its table.</summary>
public sealed record PublishedSummary(string Kind, string Key, string DatasetTitle, string Label, DateOnly? PeriodEnd,
    DateTime PublishedAtUtc, string Sha256);

public sealed record PublishedItem(PublishedSummary Summary, PublicTable Table);

/// <summary>
/// The read side of the public site: only rows without WithdrawnAtUtc, nothing else of the database. Snapshots never
/// change, so the list and each table are kept for Public:CacheSeconds (300; 0 turns the cache off) and dropped at once
/// when this instance publishes or withdraws; other instances catch up within those seconds.
/// </summary>
public sealed class PublicCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IConfiguration config)
{
    long _generation;

    public void Changed() => Interlocked.Increment(ref _generation);

    public Task<IReadOnlyList<PublishedSummary>> ListAsync() => Cached("list", LoadListAsync);

    public Task<PublishedItem?> ItemAsync(string kind, string key) => Cached($"item:{kind}:{key}", () => LoadItemAsync(kind, key));

    /// <summary>One ETag for answers made from the whole list (home page, data package): changes with any publication.</summary>
    public static string ETagOf(IEnumerable<PublishedSummary> items) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", items.Select(i => i.Kind + "/" + i.Key + "/" + i.Sha256)))))[..32];

    async Task<T> Cached<T>(string name, Func<Task<T>> load)
    {
        var seconds = config.GetValue("Public:CacheSeconds", 300);
        if (seconds <= 0) return await load();
        var key = $"public:{name}:{Interlocked.Read(ref _generation)}";
        var shared = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            return new Lazy<Task<T>>(load);
        })!;
        try { return await shared.Value; }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    async Task<IReadOnlyList<PublishedSummary>> LoadListAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<Publication>().AsNoTracking().Where(p => p.WithdrawnAtUtc == null)
            .Select(p => new PublishedSummary(p.Kind, p.ItemKey, p.DatasetTitle, p.Label, p.PeriodEnd, p.PublishedAtUtc, p.Sha256))
            .ToListAsync();
        return rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenByDescending(r => r.PeriodEnd).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    async Task<PublishedItem?> LoadItemAsync(string kind, string key)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var p = await db.Set<Publication>().AsNoTracking().Where(p => p.Kind == kind && p.ItemKey == key && p.WithdrawnAtUtc == null)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        return p is null ? null : new PublishedItem(
            new PublishedSummary(p.Kind, p.ItemKey, p.DatasetTitle, p.Label, p.PeriodEnd, p.PublishedAtUtc, p.Sha256), PublicTableJson.Read(p.TableJson));
    }
}
