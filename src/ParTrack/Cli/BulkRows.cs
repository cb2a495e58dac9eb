using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ParTrack.Data;

namespace ParTrack.Cli;

/// <summary>
/// Writes generated entities straight into their tables at bulk speed, for the large-province generator only:
/// PostgreSQL binary COPY, SQLite one prepared INSERT reused for every row inside one transaction per call.
/// EF's SaveChanges wrote ~400 rows/s under load (an hour for the 12 million entries of the ×10 growth province);
/// this writes tens of thousands per second. Columns, table names and value conversions (enums as text or numbers,
/// Guids, dates) come from the EF model, so the rows are those SaveChanges would have written. Ids are assigned here
/// (<see cref="NextId{T}"/>, from the table's largest id) and the PostgreSQL identity sequences moved past them at
/// <see cref="FinishAsync"/>. No audit rows, no interceptors: generated rows are not anyone's change.
/// Scalar columns only (navigations are ignored): set foreign-key ids before writing.
/// </summary>
public sealed class BulkRows(AppDbContext db)
{
    readonly bool _postgres = db.Database.IsNpgsql();
    readonly Dictionary<Type, long> _lastId = [];
    readonly Dictionary<Type, Table> _tables = [];

    /// <summary>One table's columns as EF maps them: name, CLR getter, type mapping (with its value converter).</summary>
    sealed record Table(string Name, IReadOnlyList<(string Column, IProperty Property, RelationalTypeMapping Mapping)> Columns);

    /// <summary>Reads the largest id of each table the generator will fill (once, before the first row).</summary>
    public async Task StartAsync(params Type[] types)
    {
        await db.Database.OpenConnectionAsync();
        if (!_postgres)
        {
            // The entries' indexes (by report, by activity) are filled in random order; with SQLite's default 2 MB page cache
            // each insert into a 100-MB index reads its pages back. 512 MB holds them while the ×10 province is written.
            await using var pragma = db.Database.GetDbConnection().CreateCommand();
            pragma.CommandText = "PRAGMA cache_size = -524288";
            await pragma.ExecuteNonQueryAsync();
        }
        foreach (var type in types)
        {
            var table = TableOf(type);
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table.Name}\"";
            _lastId[type] = Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
    }

    public int NextId<T>() => (int)NextLongId<T>();

    public long NextLongId<T>() => _lastId[typeof(T)] = _lastId[typeof(T)] + 1;

    /// <summary>Writes the rows (ids set) in one COPY or one transaction.</summary>
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        var table = TableOf(typeof(T));
        if (_postgres) await CopyAsync(table, rows);
        else await InsertAsync(table, rows);
    }

    /// <summary>PostgreSQL: identity sequences continue after the ids written here, so the app's next insert does not collide.</summary>
    public async Task FinishAsync()
    {
        if (_postgres)
            foreach (var type in _lastId.Keys)
            {
                var name = TableOf(type).Name;   // a table name from the EF model, not user input
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{name}\"), 1))";
                await cmd.ExecuteNonQueryAsync();
            }
        await db.Database.CloseConnectionAsync();
    }

    Table TableOf(Type type)
    {
        if (_tables.TryGetValue(type, out var known)) return known;
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (p.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no column."), p,
                (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        if (columns.Any(c => c.p.IsShadowProperty())) throw new InvalidOperationException($"{type.Name} has shadow properties; write it with EF.");
        return _tables[type] = new Table(name, columns);
    }

    /// <summary>The value as the database stores it: the mapping's converter (enum → text, …), enums without one as numbers.</summary>
    static object? ProviderValue(object row, IProperty property, RelationalTypeMapping mapping)
    {
        var value = property.GetGetter().GetClrValue(row);
        if (value is null) return null;
        if (mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
        return value is Enum e ? Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
    }

    async Task CopyAsync<T>(Table table, IReadOnlyCollection<T> rows) where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // The Npgsql type of each column, as EF would send it in a parameter.
        NpgsqlDbType[] types;
        await using (var probe = connection.CreateCommand())
            types = table.Columns.Select(c => ((NpgsqlParameter)c.Mapping.CreateParameter(probe, "p", null)).NpgsqlDbType).ToArray();
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Column}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var (_, property, mapping) = table.Columns[i];
                if (ProviderValue(row, property, mapping) is { } value) await writer.WriteAsync(value, types[i]);
                else await writer.WriteNullAsync();
            }
        }
        await writer.CompleteAsync();
    }

    async Task InsertAsync<T>(Table table, IReadOnlyCollection<T> rows) where T : class
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Column}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        // Parameters typed by EF's mapping (a Guid as TEXT, as EF stores it), created once; only their values change.
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(cmd, $"$p{i}", null)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var (_, property, mapping) = table.Columns[i];
                parameters[i].Value = ProviderValue(row, property, mapping) ?? DBNull.Value;
            }
            await cmd.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
