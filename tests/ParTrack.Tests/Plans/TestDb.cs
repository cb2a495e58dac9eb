using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Import;

namespace ParTrack.Tests.Plans;

/// <summary>A throw-away SQLite database file for service tests (no web host).</summary>
public sealed class TestDb : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"partrack-plans-{Guid.NewGuid():N}.db");

    public TestDb()
    {
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options);

    public static PlanJson Fixture(string name = "small-plan.json") =>
        PlanJsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Plans", "Fixtures", name)))!;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}

/// <summary>A clock that stands still where the test puts it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public static FixedClock On(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 3, 0, 0, TimeSpan.Zero));
}
