using System.Collections.Concurrent;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Slows down a client (an IP address) that keeps failing to sign in, whichever accounts it tries: the
/// first <c>Security:FreeFailuresPerClient</c> failures (default 10) within 15 minutes cost nothing, each
/// later one makes the client wait twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes).
/// Only failures count, so an office whose staff share one address can still sign in at 8 AM.
/// In memory and per instance: behind a load balancer each instance counts on its own (docs/security.md).
/// </summary>
public sealed class ClientThrottle(TimeProvider clock, IConfiguration config)
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    const int MaxClients = 100_000;

    readonly ConcurrentDictionary<string, Failures> _clients = new();
    int FreeFailures => config.GetValue("Security:FreeFailuresPerClient", 10);

    sealed record Failures(int Count, DateTime LastUtc);

    /// <summary>How long this client must still wait before its next attempt is checked; null when it may go on.</summary>
    public TimeSpan? Wait(string client)
    {
        if (!_clients.TryGetValue(client, out var f)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - f.LastUtc > Window) { _clients.TryRemove(new(client, f)); return null; }
        var over = f.Count - FreeFailures;
        if (over <= 0) return null;
        var wait = TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, Math.Min(over - 1, 20))));
        var left = f.LastUtc + wait - now;
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_clients.Count > MaxClients) Forget(now);
        _clients.AddOrUpdate(client, _ => new(1, now),
            (_, f) => now - f.LastUtc > Window ? new(1, now) : new(f.Count + 1, now));
    }

    void Forget(DateTime now)
    {
        foreach (var (client, f) in _clients)
            if (now - f.LastUtc > Window) _clients.TryRemove(new(client, f));
    }
}
