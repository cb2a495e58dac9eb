using System.Threading.Channels;
using Npgsql;

namespace ParTrack.Data;

/// <summary>
/// Several instances on one PostgreSQL database (docs/deployment.md): every bump of this instance's
/// <see cref="DataVersion"/> by its own writes sends <c>NOTIFY partrack_data</c> with this instance's id, and each
/// instance LISTENs on one connection of its own and bumps its version when another instance's notice arrives, so its
/// cached views and fragments are renewed at the next request instead of when they expire.
/// Sending is off the request path: a bump only wakes the sender, which sends one notice for however many bumps came
/// meanwhile, after the last of them (the commit's bump included, so a notice never comes before the rows it announces).
/// After each notice the sender waits <see cref="NoticeInterval"/>: a write after a quiet time is announced at once, and
/// under a stream of writes (16 autosaves a second and more) one notice covers every write of the interval instead of
/// one notice (a pooled connection, a round trip, a wake-up of every listener) per save. So another instance sees a write
/// at most that interval (plus the notice's trip) after its commit (docs/deployment.md).
/// A lost listening connection is opened again (after 1 s, doubling up to 30 s); notices sent meanwhile are lost, so
/// every (re)connection bumps once. SQLite: nothing to do (one instance).
/// </summary>
public sealed class PostgresDataChanges(DataVersion version, DatabaseSettings settings, ILogger<PostgresDataChanges> log) : BackgroundService
{
    public const string ChannelName = "partrack_data";

    /// <summary>The shortest time between two notices of this instance: the longest another instance may serve a cached view after a write.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMilliseconds(50);

    readonly string _me = Guid.NewGuid().ToString("N");
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!settings.IsPostgres) return;
        version.Written += Wake;
        try
        {
            await Task.WhenAll(ListenAsync(stop), SendAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            version.Written -= Wake;
        }
    }

    async Task ListenAsync(CancellationToken stop)
    {
        // Its own connection, outside the pool (it stays in LISTEN); keepalive finds a connection that died silently.
        var cs = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 30 }.ToString();
        var delay = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(cs);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != _me) version.BumpFromElsewhere();
                };
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                version.BumpFromElsewhere();   // whatever was written while nobody listened
                delay = TimeSpan.FromSeconds(1);
                while (true) await connection.WaitAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Mất kết nối nhận thông báo thay đổi dữ liệu (LISTEN {Channel}); thử lại sau {Seconds} giây.", ChannelName, delay.TotalSeconds);
                await Task.Delay(delay, stop);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    async Task SendAsync(CancellationToken stop)
    {
        await foreach (var _ in _wake.Reader.ReadAllAsync(stop))
        {
            try
            {
                // Plain Npgsql, not EF: this write must not bump the version (and wake the sender) again.
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stop);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @me)", connection);
                notify.Parameters.AddWithValue("channel", ChannelName);
                notify.Parameters.AddWithValue("me", _me);
                await notify.ExecuteNonQueryAsync(stop);
                // Bumps meanwhile fill the wake's one slot: they are announced together when the interval ends.
                await Task.Delay(NoticeInterval, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Không gửi được thông báo thay đổi dữ liệu (NOTIFY {Channel}); gửi lại sau 1 giây.", ChannelName);
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                Wake();
            }
        }
    }
}
