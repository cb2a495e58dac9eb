using System.Text;

namespace ParTrack.Domain.Kpis;

/// <summary>
/// Where each canonical column of partrack.dossiers/v1 sits in a file's header row. A source whose export
/// names its columns differently passes a mapping (its header → canonical name); unknown columns are ignored.
/// </summary>
public sealed class DossierColumns
{
    public const string DossierCode = "dossier_code", ProcedureCode = "procedure_code", ProcedureName = "procedure_name",
        Field = "field", Agency = "agency", Level = "level", ReceivedAt = "received_at", DueAt = "due_at",
        ResolvedAt = "resolved_at", ReturnedAt = "returned_at", Channel = "channel", ServiceLevel = "service_level",
        FeeRequired = "fee_required", PaidOnline = "paid_online", DigitisedInputs = "digitised_inputs",
        DigitisedResult = "digitised_result", Status = "status", SuspendedDays = "suspended_days";

    public static readonly IReadOnlyList<string> All =
    [
        DossierCode, ProcedureCode, ProcedureName, Field, Agency, Level, ReceivedAt, DueAt, ResolvedAt, ReturnedAt,
        Channel, ServiceLevel, FeeRequired, PaidOnline, DigitisedInputs, DigitisedResult, Status, SuspendedDays,
    ];

    public static readonly IReadOnlyList<string> Required = [DossierCode, ProcedureCode, Agency, ReceivedAt, Channel, Status];

    private readonly Dictionary<string, int> _index;

    private DossierColumns(Dictionary<string, int> index) => _index = index;

    /// <summary>
    /// Reads the header row. <paramref name="mapping"/> (file header → canonical name) comes first; a header that
    /// already is a canonical name needs no mapping. Fails with the missing required columns named.
    /// </summary>
    public static DossierColumns? From(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping, out string? error)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = Key(header[i]);
            var canonical = mapping is not null && mapping.TryGetValue(name, out var mapped) ? mapped
                : All.Contains(name) ? name : null;
            if (canonical is not null) index.TryAdd(canonical, i);
        }
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        error = missing.Count == 0 ? null
            : $"Dòng tiêu đề thiếu cột bắt buộc: {string.Join(", ", missing)}. Hãy đặt tên cột theo mẫu hoặc khai báo cách ghép cột cho nguồn dữ liệu này.";
        return missing.Count == 0 ? new DossierColumns(index) : null;
    }

    /// <summary>A header as mappings key it: trimmed, NFC, lower case (exports differ in case and spacing).</summary>
    public static string Key(string header) => header.Trim().Trim('\uFEFF').Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>The cell of a canonical column, "" when the file has no such column or the row is short.</summary>
    public string Cell(IReadOnlyList<string> cells, string column) =>
        _index.TryGetValue(column, out var i) && i < cells.Count ? cells[i].Trim() : "";
}
