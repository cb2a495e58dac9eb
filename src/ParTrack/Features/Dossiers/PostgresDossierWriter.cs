using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// PostgreSQL pays per round trip: the batch goes in by one binary COPY into a staging table dropped at commit, the
/// versions it replaces come back in one join, and one INSERT … SELECT … ON CONFLICT stores it. The day counters go in
/// as arrays (unnest) in one statement. Imports take a transaction-scoped advisory lock, so two imports at once cannot
/// both take the same replaced version off the counters.
/// </summary>
sealed class PostgresDossierWriter : DossierWriter
{
    /// <summary>Any fixed number, the same in every process: the key of the import lock.</summary>
    internal const long ImportLock = 0x5041525F444F5353;

    public override int BatchSize => 50_000;

    public override async Task<long> WriteAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<Dossier> batch, DayCounts days, CancellationToken ct)
    {
        await Exec(conn, tx, $"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        await Exec(conn, tx, $"CREATE TEMP TABLE dossier_stage ON COMMIT DROP AS SELECT {ColumnList} FROM \"Dossiers\" WITH NO DATA", ct);
        await using (var copy = await ((NpgsqlConnection)conn).BeginBinaryImportAsync($"COPY dossier_stage ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var d in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(d.Source, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(d.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(d.ProcedureCode, NpgsqlDbType.Varchar, ct);
                await Text(copy, d.ProcedureName, ct);
                await Text(copy, d.Field, ct);
                await copy.WriteAsync(d.AgencyId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)d.Level, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(d.ReceivedOn, NpgsqlDbType.Date, ct);
                await Day(copy, d.DueOn, ct);
                await Day(copy, d.EffectiveDueOn, ct);
                await Day(copy, d.ResolvedOn, ct);
                await Day(copy, d.ReturnedOn, ct);
                await copy.WriteAsync((int)d.Channel, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((int)d.ServiceLevel, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(d.FeeRequired, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(d.PaidOnline, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(d.DigitisedInputs, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(d.DigitisedResult, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync((int)d.Status, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(d.SuspendedDays, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(DateTime.SpecifyKind(d.ImportedUtc, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }

        long replaced = 0;
        await using (var read = Command(conn, tx, $"SELECT {FactColumns} FROM \"Dossiers\" d JOIN dossier_stage s ON s.\"Source\" = d.\"Source\" AND s.\"Code\" = d.\"Code\""))
        await using (var old = await read.ExecuteReaderAsync(ct))
            while (await old.ReadAsync(ct))
            {
                days.Remove(Facts(old));
                replaced++;
            }
        await Exec(conn, tx, $"INSERT INTO \"Dossiers\" ({ColumnList}) SELECT {ColumnList} FROM dossier_stage {Upsert}", ct);
        foreach (var d in batch) days.Add(DossierFacts.Of(d));
        return replaced;
    }

    public override async Task ApplyDaysAsync(DbConnection conn, DbTransaction tx, DayCounts days, CancellationToken ct)
    {
        var changed = days.Changes.Where(c => c.Value.Any(v => v != 0)).ToList();
        await using (var upsert = Command(conn, tx,
            $"INSERT INTO \"DossierDays\" ({string.Join(", ", DayColumns.Select(c => $"\"{c}\""))}) " +
            $"SELECT * FROM unnest(@a, @l, @d, {string.Join(", ", Enumerable.Range(0, DayCounts.Count).Select(i => $"@c{i}"))}) {DayUpsert}"))
        {
            Parameter(upsert, "@a", changed.Select(c => c.Key.AgencyId).ToArray());
            Parameter(upsert, "@l", changed.Select(c => (int)c.Key.Level).ToArray());
            Parameter(upsert, "@d", changed.Select(c => c.Key.Day).ToArray());
            for (var i = 0; i < DayCounts.Count; i++)
                Parameter(upsert, $"@c{i}", changed.Select(c => c.Value[i]).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await Exec(conn, tx, DeleteEmptyDays, ct);
    }

    static async Task Exec(DbConnection conn, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = Command(conn, tx, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    static Task Text(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    static Task Day(NpgsqlBinaryImporter copy, DateOnly? value, CancellationToken ct) =>
        value is { } day ? copy.WriteAsync(day, NpgsqlDbType.Date, ct) : copy.WriteNullAsync(ct);
}
