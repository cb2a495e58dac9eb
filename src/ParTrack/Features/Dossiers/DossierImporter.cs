using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Dossiers;

/// <summary>What an import did: rows taken, dossiers replaced (same source and code seen before), rows refused.</summary>
public sealed record ImportSummary(int ImportId, long Taken, long Replaced, long RefusedCount, IReadOnlyList<DossierLine> Refused);

/// <summary>
/// Stores a stream of dossier rows: each agency name resolved in the registry (name, short name, alias; a group or
/// an unknown name refuses the row), then batches of <see cref="BatchSize"/> upserted with one
/// INSERT … ON CONFLICT (Source, Code) DO UPDATE each (the same SQL on SQLite and PostgreSQL). Memory stays
/// constant: one batch and the refusals kept for the summary. Importing the same file twice changes nothing.
/// </summary>
public sealed class DossierImporter(AppDbContext db, AgencyDirectory directory, TimeProvider clock, IAuditUser who)
{
    /// <summary>Rows per statement: 21 parameters each stays far under both databases' parameter limits.</summary>
    public const int BatchSize = 500;
    public const string DefaultSource = "motcua";

    public async Task<ImportSummary> ImportAsync(IEnumerable<DossierLine> lines, string source, string? fileName, CancellationToken ct = default)
    {
        var resolve = await directory.ResolverAsync(ct);
        var levels = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Level, ct);
        var byName = new Dictionary<string, (int? Id, string? Reason)>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        var refused = new List<DossierLine>();
        long taken = 0, replaced = 0, refusedCount = 0;

        void Refuse(DossierLine line, string reason)
        {
            refusedCount++;
            if (refused.Count < FileKpis.KeptRefusals) refused.Add(line with { Row = null, Reason = reason });
        }

        foreach (var line in lines)
        {
            if (line.Row is not { } row) { Refuse(line, line.Reason!); continue; }
            if (TooLong(row) is { } tooLong) { Refuse(line, tooLong); continue; }
            if (!byName.TryGetValue(row.Agency, out var agency))
                byName[row.Agency] = agency = Agency(resolve(row.Agency), row.Agency);
            if (agency.Id is not int agencyId) { Refuse(line, agency.Reason!); continue; }

            taken++;
            if (batch.ContainsKey(row.DossierCode)) replaced++;   // the same code twice in one file: the later row wins
            batch[row.DossierCode] = ToEntity(row, source, agencyId, levels[agencyId], now);
            if (batch.Count >= BatchSize)
            {
                replaced += await WriteAsync(batch.Values, source, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0) replaced += await WriteAsync(batch.Values, source, ct);

        var import = new DossierImport
        {
            Source = source, FileName = fileName, UserName = who.AuditName, AtUtc = now,
            Taken = taken, Refused = refusedCount, Replaced = replaced,
        };
        db.Add(import);
        await db.SaveChangesAsync(ct);   // audited: who imported what, when
        if (refused.Count > 0)
        {
            // The reasons for the summary page, beside the audited counts (up to a thousand reasons would bloat the audit log).
            var json = System.Text.Json.JsonSerializer.Serialize(refused.Select(r => new { r.Line, r.Reason }));
            await db.Set<DossierImport>().Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.RefusedJson, json), ct);
        }
        return new ImportSummary(import.Id, taken, replaced, refusedCount, refused);
    }

    static (int? Id, string? Reason) Agency(Resolution? resolution, string name) => resolution switch
    {
        { AgencyId: int id } => (id, null),
        { GroupId: not null } => (null, $"\"{name}\" là một nhóm cơ quan, không phải một cơ quan giải quyết hồ sơ."),
        _ => (null, $"Cơ quan \"{name}\" không có trong danh mục (tên, tên viết tắt hoặc tên khác); hãy thêm tên khác cho cơ quan ở trang Cơ quan rồi nhập lại."),
    };

    static string? TooLong(DossierRow row) =>
        Limits.TooLong("Mã hồ sơ", row.DossierCode, Limits.ShortText) ?? Limits.TooLong("Mã TTHC", row.ProcedureCode, Limits.ShortText)
        ?? Limits.TooLong("Tên TTHC", row.ProcedureName, Limits.Text) ?? Limits.TooLong("Lĩnh vực", row.Field, Limits.Name);

    static Dossier ToEntity(DossierRow r, string source, int agencyId, AdminLevel agencyLevel, DateTime now) => new()
    {
        Source = source, Code = r.DossierCode, ProcedureCode = r.ProcedureCode, ProcedureName = r.ProcedureName, Field = r.Field,
        AgencyId = agencyId,
        Level = r.Level switch { ServiceTier.Province => AdminLevel.Province, ServiceTier.District => AdminLevel.District, ServiceTier.Commune => AdminLevel.Commune, _ => agencyLevel },
        ReceivedOn = r.ReceivedAt, DueOn = r.DueAt, EffectiveDueOn = r.EffectiveDue, ResolvedOn = r.ResolvedAt, ReturnedOn = r.ReturnedAt,
        Channel = r.Channel, ServiceLevel = r.ServiceLevel, FeeRequired = r.FeeRequired, PaidOnline = r.PaidOnline,
        DigitisedInputs = r.DigitisedInputs, DigitisedResult = r.DigitisedResult, Status = r.Status, SuspendedDays = r.SuspendedDays,
        ImportedUtc = now,
    };

    static readonly string[] Columns =
    [
        "Source", "Code", "ProcedureCode", "ProcedureName", "Field", "AgencyId", "Level", "ReceivedOn", "DueOn", "EffectiveDueOn",
        "ResolvedOn", "ReturnedOn", "Channel", "ServiceLevel", "FeeRequired", "PaidOnline", "DigitisedInputs", "DigitisedResult",
        "Status", "SuspendedDays", "ImportedUtc",
    ];

    static object?[] Values(Dossier d) =>
    [
        d.Source, d.Code, d.ProcedureCode, d.ProcedureName, d.Field, d.AgencyId, (int)d.Level, d.ReceivedOn, d.DueOn, d.EffectiveDueOn,
        d.ResolvedOn, d.ReturnedOn, (int)d.Channel, (int)d.ServiceLevel, d.FeeRequired, d.PaidOnline, d.DigitisedInputs, d.DigitisedResult,
        (int)d.Status, d.SuspendedDays, d.ImportedUtc,
    ];

    static readonly string Upsert =
        $"ON CONFLICT (\"Source\", \"Code\") DO UPDATE SET {string.Join(", ", Columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""))}";

    /// <summary>One batch in one transaction: count the codes already stored (replaced), then upsert them all.</summary>
    async Task<long> WriteAsync(ICollection<Dossier> batch, string source, CancellationToken ct)
    {
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
            var conn = db.Database.GetDbConnection();

            await using var existing = conn.CreateCommand();
            existing.Transaction = tx;
            var codes = batch.Select((d, i) => Parameter(existing, $"@c{i}", d.Code)).ToList();
            existing.CommandText = $"SELECT COUNT(*) FROM \"Dossiers\" WHERE \"Source\" = {Parameter(existing, "@s", source)} AND \"Code\" IN ({string.Join(", ", codes)})";
            var replaced = Convert.ToInt64(await existing.ExecuteScalarAsync(ct));

            await using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            var rows = batch.Select((d, i) => "(" + string.Join(", ", Values(d).Select((v, j) => Parameter(insert, $"@p{i}_{j}", v))) + ")");
            insert.CommandText = $"INSERT INTO \"Dossiers\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", rows)} {Upsert}";
            await insert.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return replaced;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string Parameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return name;
    }
}
