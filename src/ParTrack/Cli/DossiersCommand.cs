using System.Text.Json;
using System.Xml;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;

namespace ParTrack.Cli;

/// <summary>
/// `partrack dossiers kpis FILE --from D --to D [--json]`: the v1 KPIs of a one-stop export straight from the file
/// (no database), exactly as contracts/dossier-csv-v1.md defines them; refused rows go to standard error with their
/// line and reason. `partrack dossiers import FILE [--source NAME]` stores a file (<see cref="DossierImportCommand"/>).
/// Exit codes: 0 computed (even with refused rows); 1 the file cannot be read; 2 bad arguments.
/// </summary>
public static class DossiersCommand
{
    public const string Usage = """
        Cách dùng: partrack dossiers kpis TỆP --from yyyy-MM-dd --to yyyy-MM-dd [--json]
                   partrack dossiers import TỆP [--source TÊN_NGUỒN] [--Mục:Khóa=giá-trị …]
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => args switch
    {
        ["kpis", .. var rest] => Kpis(rest, stdout, stderr),
        ["import", .. var rest] => await DossierImportCommand.RunAsync(rest, stdout, stderr),
        _ => Fail(stderr, null),
    };

    static int Kpis(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? path = null;
        DateOnly? from = null, to = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--from" or "--to" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", out var day))
                        return Fail(stderr, $"{args[i]} cần một ngày dạng yyyy-MM-dd, ví dụ 2025-03-31.");
                    if (args[i] == "--from") from = day; else to = day;
                    i++;
                    break;
                default:
                    if (path is null && !args[i].StartsWith("--")) { path = args[i]; break; }
                    return Fail(stderr, $"không hiểu tham số '{args[i]}'.");
            }
        }
        if (path is null || from is null || to is null) return Fail(stderr, "cần TỆP, --from và --to.");
        if (from > to) return Fail(stderr, "--from phải trước hoặc bằng --to.");
        if (!File.Exists(path)) { stderr.WriteLine($"Lỗi: không có tệp \"{path}\"."); return 1; }

        KpiReport report;
        FileKpis kpis;
        try
        {
            using var stream = File.OpenRead(path);
            report = FileKpis.Compute(DossierFile.Read(stream), new KpiWindow(from.Value, to.Value), out kpis);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            stderr.WriteLine($"Lỗi: {Message(e)}");
            return 1;
        }

        foreach (var line in kpis.Refused)
            stderr.WriteLine($"Dòng {line.Line}: {line.Reason}");
        if (kpis.RefusedCount > kpis.Refused.Count)
            stderr.WriteLine($"… và {kpis.RefusedCount - kpis.Refused.Count} dòng bị từ chối khác.");
        stderr.WriteLine($"Đã đọc {kpis.Taken} hồ sơ, từ chối {kpis.RefusedCount} dòng.");

        if (json) stdout.WriteLine(JsonSerializer.Serialize(report, KpiReport.Json));
        else WriteTable(report, stdout);
        return 0;
    }

    /// <summary>A file that is not a readable CSV/XLSX: a message, not a stack trace.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is DossierFileException or XmlException or InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException;

    public static string Message(Exception e) => e is DossierFileException ? e.Message
        : "không đọc được tệp (không phải CSV UTF-8 hay Excel .xlsx hợp lệ); hãy xuất lại từ hệ thống một cửa.";

    static void WriteTable(KpiReport r, TextWriter o)
    {
        o.WriteLine($"Chỉ số phục vụ từ {r.From:dd/MM/yyyy} đến {r.To:dd/MM/yyyy} (công thức {r.FormulaVersion})");
        o.WriteLine("Cơ quan | Tiếp nhận | Đã giải quyết | Đúng hạn % | Quá hạn đang xử lý | Trực tuyến % | Toàn trình % | TT trực tuyến % | Số hóa HS % | Số hóa KQ %");
        void Line(string name, KpiFigures f) => o.WriteLine(
            $"{name} | {f.Received} | {f.Resolved} | {P(f.OnTimeRate)} | {f.OverdueInProgress} | {P(f.OnlineRate)} | {P(f.FullyOnlineRate)} | {P(f.OnlinePaymentRate)} | {P(f.DigitisedInputsRate)} | {P(f.DigitisedResultsRate)}");
        Line("Toàn tỉnh", r.Province);
        foreach (var a in r.Agencies)
            Line(a.Agency, new KpiFigures(a.Received, a.Resolved, a.OnTime, a.Late, a.OnTimeRate, a.OverdueInProgress, a.OnlineRate,
                a.FullyOnlineRate, a.OnlinePaymentRate, a.DigitisedInputsRate, a.DigitisedResultsRate));
    }

    static string P(decimal? rate) => rate?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    static int Fail(TextWriter stderr, string? message)
    {
        if (message is not null) stderr.WriteLine($"Lỗi: {message}");
        stderr.WriteLine(Usage);
        return 2;
    }
}
