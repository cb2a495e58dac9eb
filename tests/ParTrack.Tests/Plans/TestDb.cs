using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ParTrack.Import;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// A throw-away database for service tests (no web host): a SQLite file, or a uniquely named PostgreSQL
/// database (Databases.Postgres, when PARTRACK_TEST_POSTGRES is set) dropped on dispose. Migrated, as
/// the app does at start-up.
/// </summary>
public sealed class TestDb : IDisposable
{
    readonly string provider;
    readonly string connection;
    readonly string? pgDatabase;

    public TestDb(string provider = Databases.Sqlite)
    {
        this.provider = provider;
        if (provider == Databases.Postgres)
        {
            var server = Databases.PostgresServer ?? throw new InvalidOperationException("PARTRACK_TEST_POSTGRES is not set.");
            pgDatabase = "partrack_plans_" + Guid.NewGuid().ToString("N")[..12];
            Admin(server, $"CREATE DATABASE \"{pgDatabase}\"");
            connection = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase, Pooling = false }.ToString();
        }
        else
        {
            connection = $"Data Source={Path.Combine(Path.GetTempPath(), $"partrack-plans-{Guid.NewGuid():N}.db")};Pooling=False";
        }
        using var db = NewContext();
        db.Database.Migrate();
    }

    public AppDbContext NewContext()
    {
        return AppDbContext.Open(provider == Databases.Postgres, connection);
    }

    public static PlanJson Fixture(string name = "small-plan.json") =>
        PlanJsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "Fixtures", name)))!;

    public void Dispose()
    {
        if (pgDatabase is not null)
        {
            Admin(Databases.PostgresServer!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            return;
        }
        SqliteConnection.ClearAllPools();
        File.Delete(new SqliteConnectionStringBuilder(connection).DataSource);
    }

    static void Admin(string server, string sql)
    {
        using var conn = new NpgsqlConnection(server);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>
/// Base of service tests that run on every provider (Databases.Providers): each test calls
/// <see cref="Use"/> with its provider and gets a fresh database, dropped after the test.
/// </summary>
public abstract class DatabaseTest : IDisposable
{
    protected TestDb testDb = null!;
    protected TestDb Use(string provider) => testDb = new TestDb(provider);

    public void Dispose()
    {
        testDb?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A clock that stands still where the test puts it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public static FixedClock On(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 3, 0, 0, TimeSpan.Zero));
}
