using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Dossiers;

/// <summary>What an import did: rows taken, dossiers replaced (same source and code seen before), rows refused.</summary>
public sealed record ImportSummary(int ImportId, long Taken, long Replaced, long RefusedCount, IReadOnlyList<DossierLine> Refused);

/// <summary>
/// Stores a stream of dossier rows: each agency name resolved in the registry (name, short name, alias; a group or
/// an unknown name refuses the row), then batches upserted by (Source, Code) by the database's <see cref="DossierWriter"/>,
/// each in one transaction with the KPI day counters it changes (<see cref="DossierDay"/>). Memory stays constant: one
/// batch, the day counters it touches and the refusals kept for the summary. Importing the same file twice changes nothing.
/// </summary>
public sealed class DossierImporter(AppDbContext db, AgencyDirectory directory, TimeProvider clock, IAuditUser who, DossierDays dayRows,
    DataVersion version)
{
    public const string DefaultSource = "motcua";

    readonly DossierWriter writer = DossierWriter.For(db);
    readonly DayCounts days = new();

    public async Task<ImportSummary> ImportAsync(IEnumerable<DossierLine> lines, string source, string? fileName, CancellationToken ct = default)
    {
        await dayRows.EnsureBuiltAsync(ct);
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
            if (batch.Count >= writer.BatchSize)
            {
                replaced += await WriteAsync(batch.Values, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0) replaced += await WriteAsync(batch.Values, ct);

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

    /// <summary>
    /// One batch in one transaction: the writer upserts it and works out the day counters it changes (the replaced
    /// versions' taken off, the new ones added), which are stored before the commit, so the KPI figures never disagree
    /// with the dossiers.
    /// </summary>
    async Task<long> WriteAsync(ICollection<Dossier> batch, CancellationToken ct)
    {
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync(ct);
            days.Clear();
            var replaced = await writer.WriteAsync(conn, tx, [.. batch], days, ct);
            await writer.ApplyDaysAsync(conn, tx, days, ct);
            await tx.CommitAsync(ct);
            version.Bump();   // raw commands pass no EF interceptor: cached KPI figures must see this batch
            return replaced;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
