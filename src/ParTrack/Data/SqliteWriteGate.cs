using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ParTrack.Data;

/// <summary>
/// SQLite has one writer per database. When several requests save at once, the losers wait in SQLite's
/// busy handler, which polls with sleeps of up to 100 ms; queueing them here instead hands the database
/// to the next writer the moment the previous one commits. Per database file, in this process; other
/// processes (a CLI import beside the app) still meet the busy timeout. PostgreSQL needs no gate.
/// </summary>
public static class SqliteWriteGate
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    // Longer than any save should take; after it a writer goes ahead and relies on the busy timeout,
    // so a stuck holder can slow writers but never stop them.
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public static async Task<IDisposable?> EnterAsync(DbContext context, CancellationToken ct)
    {
        if (GateFor(context) is not { } gate) return null;
        return await gate.WaitAsync(MaxWait, ct) ? new Held(gate) : null;
    }

    public static IDisposable? Enter(DbContext context)
    {
        if (GateFor(context) is not { } gate) return null;
        return gate.Wait(MaxWait) ? new Held(gate) : null;
    }

    // Keyed by the connection string, which names the file: one process uses one string per database.
    static SemaphoreSlim? GateFor(DbContext context) =>
        context.Database.IsSqlite() && context.Database.GetConnectionString() is { } cs
            ? Gates.GetOrAdd(cs, _ => new SemaphoreSlim(1, 1))
            : null;

    sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
