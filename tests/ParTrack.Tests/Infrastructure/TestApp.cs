using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// The whole app in process on its own fresh database (a temp SQLite file, or a uniquely named
/// PostgreSQL database that is dropped afterwards), migrated and seeded with the demo data
/// (agencies, groups, one account per role; not the demo plans unless asked).
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public string Provider { get; }
    /// <summary>The app's database, for a second "instance" on the same data (tests/ParTrack.Tests/Cluster).</summary>
    public string ConnectionString => _connection;
    readonly string _connection;
    readonly string? _pgDatabase;
    readonly bool _seedPlans;
    readonly bool _ownsDatabase = true;
    readonly bool _demo;
    readonly string _environment;
    readonly Dictionary<string, HttpClient> _clients = [];

    /// <param name="demo">Seed the demo agencies and accounts (Demo:SeedOnEmpty, off by default in the app).</param>
    /// <param name="environment">The hosting environment; "Production" to test production defaults.</param>
    /// <summary>Demo:DossierCount: no generated dossiers unless a test asks (they would change every KPI and bound target).</summary>
    public int DemoDossiers { get; init; }

    public TestApp(string provider, bool seedPlans = false, bool demo = true, string environment = "Testing")
    {
        Provider = provider;
        _seedPlans = seedPlans;
        _demo = demo;
        _environment = environment;
        if (provider == Databases.Postgres)
        {
            var server = Databases.PostgresServer ?? throw new InvalidOperationException("PARTRACK_TEST_POSTGRES is not set.");
            _pgDatabase = "partrack_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var conn = new NpgsqlConnection(server))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{_pgDatabase}\"";
                cmd.ExecuteNonQuery();
            }
            _connection = new NpgsqlConnectionStringBuilder(server) { Database = _pgDatabase, Pooling = false }.ToString();
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "partrack-tests");
            Directory.CreateDirectory(dir);
            _connection = $"Data Source={Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db")};Pooling=False";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:" + Provider, _connection);
        if (_demo) builder.UseSetting("Demo:SeedOnEmpty", "true");
        // Every test request comes from the same (unknown) client address: the per-client slow-down is
        // tested on its own (SignInProtectionTests) and must not slow the other tests' failed sign-ins.
        builder.UseSetting("Security:FreeFailuresPerClient", "100000");
        // The same for the public API's rate limit (tested on its own in PublicApiTests).
        builder.UseSetting("Public:RequestsPerMinute", "1000000");
        // Likewise the public survey form's burst limit (BurstLimitTests sets its own).
        builder.UseSetting("Satisfaction:PostsPerMinute", "100000");
        builder.UseSetting("Demo:SeedPlans", _seedPlans ? "true" : "false");
        builder.UseSetting("Demo:DossierCount", DemoDossiers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The reminder job would write notifications into the tests' database on its own schedule; tests run passes themselves.
        builder.UseSetting("Reporting:Reminders", "false");
        // Pending imports are files named by plan id: the SQLite apps share one files folder and every database counts
        // its plans from 1, so one class deleting its draft 1 removed another class's pending import 1.
        // One folder per app, kept by a host derived with WithWebHostBuilder (SharedFolderTests: a second instance).
        builder.UseSetting("Import:Directory", _importDirectory);
    }

    readonly string _importDirectory = Path.Combine(Path.GetTempPath(), "partrack-tests", "imports-" + Guid.NewGuid().ToString("N"));

    /// <summary>The app on a database the caller made and removes (LegacyUpgradeTests: an old database).</summary>
    public TestApp(string provider, string existingConnection)
    {
        Provider = provider;
        _connection = existingConnection;
        _ownsDatabase = false;
        _demo = true;
        _environment = "Testing";
    }

    /// <summary>A client without a session (anonymous); does not follow redirects so tests see them.</summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a demo user (admin, coordinator, leader, appraiser, snv, stp, tphatinh). Cached per user.</summary>
    public async Task<HttpClient> As(string userName, string password = Features.Demo.DemoData.Password)
    {
        if (_clients.TryGetValue(userName, out var cached)) return cached;
        var client = Anonymous();
        var response = await client.LoginAsync(userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        _clients[userName] = client;
        return client;
    }

    /// <summary>Runs code against the app's database in a fresh scope (as "system").</summary>
    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task Db(Func<AppDbContext, Task> work) => Db(async db => { await work(db); return 0; });

    public override async ValueTask DisposeAsync()
    {
        foreach (var c in _clients.Values) c.Dispose();
        await base.DisposeAsync();
        if (!_ownsDatabase) return;
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Databases.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_connection).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
    }
}
