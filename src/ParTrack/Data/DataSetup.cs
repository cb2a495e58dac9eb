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
        // Read when first needed, so settings added by hosts and tests (WebApplicationFactory) count.
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            if (settings.IsPostgres) o.UseNpgsql(settings.ConnectionString);
            else o.UseSqlite(settings.ConnectionString).AddInterceptors(SqliteTuning.Instance);
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            // The migration is hand-written without a model snapshot; the schema test guards drift.
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    public static bool IsPostgres(string? provider) =>
        string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies migrations; the one schema path for both providers.</summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
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
            return new(true, pg);
        }
        var cs = config.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(cs))
            cs = $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "partrack.db")}";
        var builder = new SqliteConnectionStringBuilder(cs) { DefaultTimeout = 30 };
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new(false, builder.ToString());
    }
}

/// <summary>WAL lets readers run while one writer writes; busy_timeout waits instead of failing at once.</summary>
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

    static void Tune(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";
        cmd.ExecuteNonQuery();
    }
}
