using System.Text;
using ParTrack.Import;

namespace ParTrack.Cli;

/// <summary>
/// `partrack import PATH [--json] [--year Y]`: reads a plan document and prints it. Exit codes: 0 a plan was
/// read; 1 the document could not be read; 2 bad arguments; 3 no plan body (only the header or a summary:
/// what was read is still printed).
/// </summary>
public static class ImportCommand
{
    public const int NoPlanBody = 3;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? path = null;
        var json = false;
        int? year = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], out var y) && y is > 1900 and < 3000:
                    year = y; i++; break;
                case "--year":
                    stderr.WriteLine("Lỗi: --year cần một năm, ví dụ --year 2025.");
                    return 2;
                default:
                    if (path is null && !args[i].StartsWith("--")) { path = args[i]; break; }
                    stderr.WriteLine($"Lỗi: không hiểu tham số '{args[i]}'. Cách dùng: partrack import ĐƯỜNG_DẪN [--json] [--year NĂM]");
                    return 2;
            }
        }
        if (path is null)
        {
            stderr.WriteLine("Cách dùng: partrack import ĐƯỜNG_DẪN [--json] [--year NĂM]");
            return 2;
        }

        ImportResult result;
        try
        {
            result = PlanImporter.Import(path, new ImportOptions(year));
        }
        catch (ImportException e)
        {
            stderr.WriteLine($"Lỗi: {e.Message}");
            return 1;
        }

        foreach (var w in result.Warnings)
            stderr.WriteLine($"Cảnh báo [{w.Kind}] {w.Location}: {w.Message}");

        var code = result.Status == ImportStatus.NoPlanBody ? NoPlanBody : 0;
        if (json)
        {
            stdout.WriteLine(PlanJsonSerializer.Serialize(result.Plan));
            return code;
        }
        WriteSummary(result, stdout);
        return code;
    }

    static void WriteSummary(ImportResult result, TextWriter o)
    {
        var p = result.Plan;
        var d = p.Document;
        o.WriteLine(d.Title ?? "(không có tiêu đề)");
        // Only the parts the document gives: a news summary has no place, a draft no number or date.
        var issued = d.IssuedOn is { } on ? $"ngày {on:dd/MM/yyyy}" : "chưa ghi ngày ban hành";
        var where = string.Join(", ", new[] { d.Issuer, d.Place is null ? null : $"{d.Place} {issued}" }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        if (d.Place is null) where = where.Length == 0 ? issued : $"{where}, {issued}";
        o.WriteLine($"Văn bản: {d.Type ?? "(không rõ loại)"} số {d.Number ?? "(chưa có số)"} — {where}");
        var years = d.FromYear is null ? "không rõ" : d.FromYear == d.ToYear || d.ToYear is null ? $"{d.FromYear}" : $"{d.FromYear}–{d.ToYear}";
        o.WriteLine($"Người ký: {d.Signer ?? "(không có trong văn bản)"} · Năm thực hiện: {years}");
        o.WriteLine($"{p.Areas.Count} lĩnh vực, {p.Targets.Count} chỉ tiêu, {p.Tasks.Count} nhiệm vụ, {p.Activities.Count} hoạt động");
        o.WriteLine();
        var noArea = p.Areas.Count == 0 ? new[] { new PlanArea("", "(không rõ lĩnh vực)") } : [];
        foreach (var a in p.Areas.Concat(noArea))
        {
            var code = a.Code.Length == 0 ? null : a.Code;
            o.WriteLine($"  {(a.Code.Length == 0 ? "" : a.Code + " ")}{a.Title}: {p.Targets.Count(t => t.Area == code)} chỉ tiêu, " +
                        $"{p.Tasks.Count(t => t.Area == code)} nhiệm vụ, {p.Activities.Count(t => t.Area == code)} hoạt động");
        }
        var noLead = p.Activities.Count(a => a.Lead.Count == 0);
        var unknownDue = p.Activities.Count(a => a.Due.Kind == DueKinds.Unknown);
        var noMeasure = p.Targets.Count(t => t.Measures.Count == 0);
        o.WriteLine();
        o.WriteLine("Chưa xác định:");
        o.WriteLine($"  {noLead} hoạt động chưa có cơ quan chủ trì");
        o.WriteLine($"  {unknownDue} hoạt động chưa đọc được thời hạn");
        o.WriteLine($"  {noMeasure} chỉ tiêu không có số đo");
        o.WriteLine(result.Warnings.Count == 0 ? "Không có cảnh báo." : $"{result.Warnings.Count} cảnh báo (in ở luồng lỗi chuẩn, kèm vị trí).");
    }
}
