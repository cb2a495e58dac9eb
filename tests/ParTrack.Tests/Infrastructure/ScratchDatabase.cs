using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure;

/// <summary>An empty database for one test, removed afterwards.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public required string Provider { get; init; }
    public required string Connection { get; init; }
    string? _pgName;

    public static async Task<ScratchDatabase> CreateAsync(string provider)
    {
        if (provider == Databases.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"partrack-schema-{Guid.NewGuid():N}.db");
            return new ScratchDatabase { Provider = provider, Connection = $"Data Source={file};Pooling=False" };
        }
        var name = "partrack_schema_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(Databases.PostgresServer))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(Databases.PostgresServer) { Database = name, Pooling = false }.ToString();
        return new ScratchDatabase { Provider = provider, Connection = cs, _pgName = name };
    }

    /// <summary>The app's context for this database's provider (with the generated migrations).</summary>
    public AppDbContext Context() => AppDbContext.Open(Provider == Databases.Postgres, Connection);

    DbConnection Open() => Provider == Databases.Sqlite ? new SqliteConnection(Connection) : new NpgsqlConnection(Connection);

    /// <summary>The schema as sorted lines: tables, columns, indexes (by columns) and foreign keys.</summary>
    public async Task<List<string>> SchemaAsync()
    {
        await using var conn = Open();
        await conn.OpenAsync();
        var lines = Provider == Databases.Sqlite ? await SqliteSchema(conn) : await PostgresSchema(conn);
        return lines.Where(l => !l.Contains("__EFMigrations")).Order(StringComparer.Ordinal).ToList();
    }

    static async Task<List<string>> Query(DbConnection conn, string sql, Func<DbDataReader, string> line)
    {
        var result = new List<string>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result.Add(line(r));
        return result;
    }

    static async Task<List<string>> SqliteSchema(DbConnection conn)
    {
        var tables = await Query(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        var lines = tables.Select(t => $"table {t}").ToList();
        foreach (var t in tables)
        {
            lines.AddRange(await Query(conn, $"PRAGMA table_info('{t}')",
                r => $"column {t}.{r.GetString(1)} {r.GetString(2)} {(r.GetInt64(3) == 1 ? "notnull" : "null")}{(r.GetInt64(5) > 0 ? " pk" : "")}"));
            var indexes = await Query(conn, $"PRAGMA index_list('{t}')", r => $"{r.GetString(1)}|{r.GetInt64(2)}|{r.GetString(3)}");
            foreach (var ix in indexes)
            {
                var parts = ix.Split('|');
                var cols = await Query(conn, $"PRAGMA index_info('{parts[0]}')", r => r.GetString(2));
                lines.Add($"index {t}({string.Join(",", cols)}){(parts[1] == "1" ? " unique" : "")} origin={parts[2]}");
            }
            lines.AddRange(await Query(conn, $"PRAGMA foreign_key_list('{t}')",
                r => $"fk {t}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
        }
        return lines;
    }

    static async Task<List<string>> PostgresSchema(DbConnection conn)
    {
        var lines = await Query(conn,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => $"table {r.GetString(0)}");
        lines.AddRange(await Query(conn, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, is_identity, coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"
                 + (r.IsDBNull(3) ? "" : $"({r.GetInt32(3)})")
                 // numeric without a declared precision (decimal with no HasPrecision) has none to show
                 + (r.GetString(2) == "numeric" ? $"({(r.IsDBNull(4) ? "" : r.GetInt32(4))},{(r.IsDBNull(5) ? "" : r.GetInt32(5))})" : "")
                 + (r.GetString(6) == "NO" ? " notnull" : " null")
                 + (r.GetString(7) == "YES" ? " identity" : "")
                 + (r.GetString(8) == "" ? "" : $" default {r.GetString(8)}")));
        lines.AddRange(await Query(conn, """
            SELECT t.relname, ix.indisunique, ix.indisprimary,
                   array_to_string(array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',')
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """,
            r => $"index {r.GetString(0)}({r.GetString(3)}){(r.GetBoolean(1) ? " unique" : "")}{(r.GetBoolean(2) ? " pk" : "")}"));
        lines.AddRange(await Query(conn, """
            SELECT c.conrelid::regclass::text, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'
            """,
            r => $"fk {r.GetString(0)} {r.GetString(1)}"));
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is null)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(Connection).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Databases.PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
