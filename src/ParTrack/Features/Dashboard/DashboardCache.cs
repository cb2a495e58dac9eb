using Microsoft.Extensions.Caching.Memory;

namespace ParTrack.Features.Dashboard;

/// <summary>
/// The dashboard and a period's progress are computed from the period's reports (about 30,000 lead entries in a large province), so a
/// view is kept for Reporting:DashboardCacheSeconds (30; 0 turns caching off) under the data version read before
/// computing it (<see cref="Data.DataVersion"/>): any write by this instance — a report, a plan edit, a bulk
/// update — makes the next request compute afresh. Other instances catch up within those seconds. Requests
/// arriving together share one computation. The view is the province's figures, the same for every viewer allowed
/// to see them (pages and the API check the viewer's scope before asking), and holds no HTML, so no form token.
/// </summary>
public sealed class DashboardCache(IMemoryCache cache, IConfiguration config, Data.DataVersion version)
{
    long _generation;

    /// <summary>Reporting data changed: every cached view is stale.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    public Task<DashboardView> GetAsync(int? periodId, DateOnly today, Func<Task<DashboardView>> load) =>
        GetAsync($"dashboard:{periodId}", today, load);

    /// <summary>Any reporting view (the dashboard, a period's progress) under its own name.</summary>
    public async Task<T> GetAsync<T>(string name, DateOnly today, Func<Task<T>> load)
    {
        var seconds = config.GetValue("Reporting:DashboardCacheSeconds", 30);
        if (seconds <= 0) return await load();
        var key = $"{name}:{today:yyyyMMdd}:{Interlocked.Read(ref _generation)}:{version.Current}";
        var shared = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds);
            return new Lazy<Task<T>>(load);
        })!;
        try { return await shared.Value; }
        catch
        {
            cache.Remove(key);   // never keep a failure
            throw;
        }
    }
}
