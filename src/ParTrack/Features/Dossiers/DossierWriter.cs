using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// Writes one batch of dossiers inside the importer's transaction: reads the versions they replace (the "replaced"
/// count, and their KPI counters taken off <see cref="DayCounts"/>), upserts the batch by (Source, Code), adds the new
/// counters, then applies the day changes to <see cref="DossierDay"/>. One way per database, each its fastest:
/// SQLite's prepared statements rebound per row (<see cref="SqliteDossierWriter"/>), PostgreSQL's binary COPY into a
/// staging table and one set-based upsert (<see cref="PostgresDossierWriter"/>).
/// </summary>
public abstract class DossierWriter
{
    public static DossierWriter For(AppDbContext db) => db.Database.IsNpgsql() ? new PostgresDossierWriter() : new SqliteDossierWriter();

    /// <summary>Rows per transaction: large enough that the per-batch costs vanish, small enough for flat memory.</summary>
    public abstract int BatchSize { get; }

    /// <summary>Writes the batch and its day counters; returns how many of its codes were already stored.</summary>
    public abstract Task<long> WriteAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<Dossier> batch, DayCounts days, CancellationToken ct);

    /// <summary>Adds <paramref name="days"/> to the stored day rows and drops the rows left at zero (no dossier counts there any more).</summary>
    public abstract Task ApplyDaysAsync(DbConnection conn, DbTransaction tx, DayCounts days, CancellationToken ct);

    protected static readonly string[] Columns =
    [
        "Source", "Code", "ProcedureCode", "ProcedureName", "Field", "AgencyId", "Level", "ReceivedOn", "DueOn", "EffectiveDueOn",
        "ResolvedOn", "ReturnedOn", "Channel", "ServiceLevel", "FeeRequired", "PaidOnline", "DigitisedInputs", "DigitisedResult",
        "Status", "SuspendedDays", "ImportedUtc",
    ];

    protected static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    protected static readonly string Upsert =
        $"ON CONFLICT (\"Source\", \"Code\") DO UPDATE SET {string.Join(", ", Columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""))}";

    /// <summary>The columns <see cref="Facts"/> reads, in its order.</summary>
    internal static readonly string FactColumns = string.Join(", ", new[]
    {
        "AgencyId", "Level", "ReceivedOn", "ResolvedOn", "EffectiveDueOn", "Status", "Channel", "ServiceLevel",
        "FeeRequired", "PaidOnline", "DigitisedInputs", "DigitisedResult",
    }.Select(c => $"d.\"{c}\""));

    internal static DossierFacts Facts(DbDataReader r) => new(r.GetInt32(0), (AdminLevel)r.GetInt32(1), r.GetFieldValue<DateOnly>(2),
        r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
        (DossierStatus)r.GetInt32(5), (Channel)r.GetInt32(6), (ServiceLevel)r.GetInt32(7),
        r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10), r.GetBoolean(11));

    protected static object?[] Values(Dossier d) =>
    [
        d.Source, d.Code, d.ProcedureCode, d.ProcedureName, d.Field, d.AgencyId, (int)d.Level, d.ReceivedOn, d.DueOn, d.EffectiveDueOn,
        d.ResolvedOn, d.ReturnedOn, (int)d.Channel, (int)d.ServiceLevel, d.FeeRequired, d.PaidOnline, d.DigitisedInputs, d.DigitisedResult,
        (int)d.Status, d.SuspendedDays, d.ImportedUtc,
    ];

    protected static readonly string[] DayColumns =
    [
        "AgencyId", "Level", "Day", "Received", "Resolved", "OnTime", "Late", "Online", "FullyOnline", "FeeRequired", "PaidOnline",
        "DigitisedInputs", "DigitisedResults", "OverdueStarts", "OverdueEnds",
    ];

    protected static readonly string DayUpsert =
        $"ON CONFLICT (\"AgencyId\", \"Level\", \"Day\") DO UPDATE SET {string.Join(", ", DayColumns.Skip(3).Select(c => $"\"{c}\" = \"DossierDays\".\"{c}\" + excluded.\"{c}\""))}";

    protected static readonly string DeleteEmptyDays =
        $"DELETE FROM \"DossierDays\" WHERE {string.Join(" AND ", DayColumns.Skip(3).Select(c => $"\"{c}\" = 0"))}";

    protected static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    protected static DbCommand Command(DbConnection conn, DbTransaction tx, string sql)
    {
        var command = conn.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }
}
