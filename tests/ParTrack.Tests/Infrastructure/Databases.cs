namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// The database providers a database-facing test runs on: SQLite always, PostgreSQL when
/// PARTRACK_TEST_POSTGRES names a server (scripts/start-postgres.sh sets it; test.sh sources it).
/// Use as <c>[Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]</c>.
/// </summary>
public static class Databases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("PARTRACK_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresServer is not null) data.Add(Postgres);
            return data;
        }
    }
}
