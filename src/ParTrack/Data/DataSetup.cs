using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParTrack.Data;

public static class DataSetup
{
    /// <summary>
    /// Registers AppDbContext for the configured provider: `Database:Provider` = Sqlite (default,
    /// file ./data/partrack.db or `ConnectionStrings:Sqlite`) or Postgres (`ConnectionStrings:Postgres`).
    /// </summary>
    public static IServiceCollection AddPartrackData(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<DataVersion>();
        services.AddHostedService<PostgresDataChanges>();   // several instances on PostgreSQL hear each other's writes
        // Read when first needed, so settings added by hosts and tests (WebApplicationFactory) count.
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        // One registration per provider class (each has its own migrations); AppDbContext is the configured one.
        services.AddDbContext<SqliteAppDbContext>(Configure);
        services.AddDbContext<PostgresAppDbContext>(Configure);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().IsPostgres
            ? sp.GetRequiredService<PostgresAppDbContext>()
            : sp.GetRequiredService<SqliteAppDbContext>());
        return services;

        static void Configure(IServiceProvider sp, DbContextOptionsBuilder o)
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            if (settings.IsPostgres) o.UseNpgsql(settings.ConnectionString);
            else o.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteTuning.Instance);
            // Tallies first: the stale marks it adds are part of the same save.
            o.AddInterceptors(Features.Reporting.TallyStaleness.Instance, sp.GetRequiredService<AuditInterceptor>(), CommandCount.Instance).AddInterceptors(sp.GetRequiredService<DataVersion>().Interceptors);
        }
    }

    public static bool IsPostgres(string? provider) =>
        string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Applies the provider's generated migrations; the one schema path for both providers. A database made by
    /// the hand-written migrations of before is first brought onto the generated ones (<see cref="LegacyBaseline"/>).
    /// A database with every migration applied (every restart) is left alone: EF's Migrate would still take the
    /// migration lock and compare the whole model with the snapshot, seconds of start-up (docs/benchmarks.md).
    /// </summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        var applied = await LegacyBaseline.AdoptAsync(db, ct);
        if (db.Database.GetMigrations().All(applied.Contains)) return;
        await db.Database.MigrateAsync(ct);
    }
}

public sealed record DatabaseSettings(bool IsPostgres, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        if (DataSetup.IsPostgres(provider))
        {
            var pg = config.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(pg))
                throw new InvalidOperationException("Thiếu ConnectionStrings:Postgres trong cấu hình (Database:Provider = Postgres).");
            return new(true, WithPostgresDefaults(pg));
        }
        var cs = config.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(cs))
            cs = $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "partrack.db")}";
        var builder = new SqliteConnectionStringBuilder(cs) { DefaultTimeout = 30 };
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new(false, builder.ToString());
    }

    /// <summary>
    /// Two Npgsql settings for the app's load, unless the connection string sets them itself (docs/deployment.md,
    /// measured in docs/benchmarks.md, "Autosave on PostgreSQL"):
    /// <c>No Reset On Close</c>: EF opens and closes a pooled connection around every query, and Npgsql resets a returned
    /// connection (DISCARD ALL, sent before its next command): one reset per query. The app leaves no session state on pooled
    /// connections to reset (no SET, no session advisory lock, LISTEN only on its own unpooled connection, temporary tables
    /// dropped at commit).
    /// <c>Max Auto Prepare</c>: statements run again and again (a save's UPDATEs and audit INSERTs, the report's reads) are
    /// prepared once per connection instead of parsed and planned by the server at every run.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        if (!given.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = PreparedStatements;
        return builder.ConnectionString;
    }

    /// <summary>Statements kept prepared per connection (the most used ones; Npgsql replaces the least used).</summary>
    public const int PreparedStatements = 64;
}

/// <summary>
/// WAL lets readers run while one writer writes; busy_timeout waits instead of failing at once.
/// synchronous=NORMAL is the WAL setting SQLite recommends: a commit no longer waits for fsync, and the
/// database stays consistent if the process or machine dies; only the last commits before a power loss
/// can be lost (they are synced at the next checkpoint). The crash test kills a writer mid-save.
/// </summary>
sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) =>
        Tune(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    // EF opens a pooled connection for every query; these settings stay with the native handle, so each
    // handle is tuned once (busy_timeout first: switching to WAL may wait). foreign_keys is renewed on
    // every open, as a migration may have switched it off on this handle.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Tuned = [];

    static void Tune(System.Data.Common.DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        var fresh = handle is null || !Tuned.TryGetValue(handle, out _);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = fresh
            ? "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            : "PRAGMA foreign_keys=ON;";
        cmd.ExecuteNonQuery();
        if (fresh && handle is not null) Tuned.AddOrUpdate(handle, true);
    }
}
