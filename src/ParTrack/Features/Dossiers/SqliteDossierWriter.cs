using System.Data.Common;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// SQLite works in-process, so the cost is per statement: prepared statements with their parameters rebound for every
/// row (insert a new code; for a stored one, read it and replace it), in transactions of <see cref="BatchSize"/> rows. Calls are synchronous:
/// Microsoft.Data.Sqlite's async methods run synchronously anyway, and skip nothing but the allocations.
/// </summary>
sealed class SqliteDossierWriter : DossierWriter
{
    public override int BatchSize => 20_000;

    public override Task<long> WriteAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<Dossier> batch, DayCounts days, CancellationToken ct)
    {
        // A 64 MB page cache (a ceiling, filled only as used) keeps the indexes' pages in SQLite's own memory instead of
        // reading them back from the OS for every row; the default is 2 MB.
        using (var cache = Command(conn, tx, "PRAGMA cache_size = -65536"))
            cache.ExecuteNonQuery();

        // A new code (the bulk of a first import) costs one statement; a stored one is read (its counters come off) and replaced.
        using var insert = Command(conn, tx, $"INSERT INTO \"Dossiers\" ({ColumnList}) VALUES ({Placeholders}) ON CONFLICT (\"Source\", \"Code\") DO NOTHING");
        var inserted = Columns.Select((_, i) => Parameter(insert, $"@p{i}")).ToArray();
        insert.Prepare();
        using var read = Command(conn, tx, $"SELECT {FactColumns} FROM \"Dossiers\" d WHERE d.\"Source\" = @s AND d.\"Code\" = @c");
        var source = Parameter(read, "@s");
        var code = Parameter(read, "@c");
        read.Prepare();
        using var upsert = Command(conn, tx, $"INSERT INTO \"Dossiers\" ({ColumnList}) VALUES ({Placeholders}) {Upsert}");
        var replacing = Columns.Select((_, i) => Parameter(upsert, $"@p{i}")).ToArray();
        upsert.Prepare();

        long replaced = 0;
        foreach (var d in batch)
        {
            ct.ThrowIfCancellationRequested();
            var row = Values(d);
            Bind(inserted, row);
            if (insert.ExecuteNonQuery() == 0)
            {
                (source.Value, code.Value) = (d.Source, d.Code);
                using (var old = read.ExecuteReader())
                    if (old.Read()) days.Remove(Facts(old));
                Bind(replacing, row);
                upsert.ExecuteNonQuery();
                replaced++;
            }
            days.Add(DossierFacts.Of(d));
        }
        return Task.FromResult(replaced);
    }

    static readonly string Placeholders = string.Join(", ", Columns.Select((_, i) => $"@p{i}"));

    static void Bind(DbParameter[] parameters, object?[] row)
    {
        for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
    }

    public override Task ApplyDaysAsync(DbConnection conn, DbTransaction tx, DayCounts days, CancellationToken ct)
    {
        using var upsert = Command(conn, tx,
            $"INSERT INTO \"DossierDays\" ({string.Join(", ", DayColumns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", DayColumns.Select((_, i) => $"@d{i}"))}) {DayUpsert}");
        var values = DayColumns.Select((_, i) => Parameter(upsert, $"@d{i}")).ToArray();
        upsert.Prepare();
        foreach (var (key, counts) in days.Changes)
        {
            if (counts.All(c => c == 0)) continue;
            (values[0].Value, values[1].Value, values[2].Value) = (key.AgencyId, (int)key.Level, key.Day);
            for (var i = 0; i < counts.Length; i++) values[i + 3].Value = counts[i];
            upsert.ExecuteNonQuery();
        }
        using var delete = Command(conn, tx, DeleteEmptyDays);
        delete.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}
