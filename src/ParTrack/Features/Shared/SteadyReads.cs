using System.Collections.Concurrent;
using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>
/// Small reads that every request of a page repeats (the signed-in user's row, the unread count, a page's header and
/// counts), kept in memory per <see cref="DataVersion"/>, the same rule as <see cref="FragmentCache"/> (issue 17;
/// docs/benchmarks.md, "No database round trip on a cached hit"). A kept value is given only while the data version is
/// the one taken before it was read: any write (SaveChanges, bulk or raw writes, commits; on PostgreSQL any instance's,
/// through <see cref="PostgresDataChanges"/>) makes the next request read again. So a deactivated account, a changed
/// role or agency, or a new security stamp is refused on the very next request, as when every request read the row.
/// Values must not be changed by their callers: they are shared between requests. Off with the fragments
/// (Performance:FragmentCache=false), so an instance measured "nothing cached" reads everything.
/// </summary>
public sealed class SteadyReads(DataVersion version, IConfiguration config)
{
    sealed record Kept(long Version, object? Value);

    readonly ConcurrentDictionary<string, Kept> _kept = new();

    /// <summary>Keys of a province (users, plans × scopes, reports × scopes) stay far below this; past it the oldest data versions go with the rest.</summary>
    const int MaxKeys = 50_000;

    /// <summary>Read once: every read of the app's configuration takes a lock.</summary>
    public bool Enabled { get; } = config.GetValue("Performance:FragmentCache", true);

    /// <summary>
    /// The value kept under <paramref name="key"/> while nothing has been written since it was read, else <paramref name="read"/>'s.
    /// </summary>
    /// <param name="key">what is read, with everything its answer depends on (ids, the viewer's scope)</param>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> read)
    {
        if (!Enabled) return await read();
        // Taken before the read: a write during it leaves the value under an older version, never given out.
        var now = version.Current;
        if (_kept.TryGetValue(key, out var kept) && kept.Version == now) return (T)kept.Value!;
        var value = await read();
        if (_kept.Count >= MaxKeys) _kept.Clear();
        _kept[key] = new Kept(now, value);
        return value;
    }
}
