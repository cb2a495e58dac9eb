using System.Globalization;
using System.Text;
using C = ParTrack.Domain.Kpis.DossierColumns;

namespace ParTrack.Domain.Kpis;

/// <summary>
/// One data row → a <see cref="DossierRow"/>, or the Vietnamese reason it is refused (a missing required value,
/// an unreadable date, an unknown value). The agency name is kept as written: whether the registry knows it is
/// the importer's question, not the file's.
/// </summary>
public static class DossierRowParser
{
    /// <summary>District level ended with the two-level local government (DOMAIN §7).</summary>
    public static readonly DateOnly DistrictLevelEnds = new(2025, 7, 1);

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
         "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm"];

    public static DossierRow? Parse(IReadOnlyList<string> cells, C columns, out string? reason)
    {
        var errors = new List<string>();
        string Text(string column) => columns.Cell(cells, column).Normalize(NormalizationForm.FormC);
        string RequiredText(string column)
        {
            var value = Text(column);
            if (value.Length == 0) errors.Add($"Thiếu {column}");
            return value;
        }
        DateOnly? Date(string column, bool required)
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                if (required) errors.Add($"Thiếu {column}");
                return null;
            }
            if (TryDate(value, out var day)) return day;
            errors.Add($"Cột {column}: \"{Short(value)}\" không phải ngày (dùng yyyy-MM-dd hoặc dd/MM/yyyy)");
            return null;
        }
        bool Flag(string column)
        {
            var value = Text(column);
            if (value is "" or "0") return false;
            if (value == "1") return true;
            errors.Add($"Cột {column}: \"{Short(value)}\" phải là 1 hoặc 0");
            return false;
        }
        T? Choice<T>(string column, Func<string, T?> read, bool required, string allowed) where T : struct
        {
            var value = Text(column);
            if (value.Length == 0)
            {
                if (required) errors.Add($"Thiếu {column}");
                return null;
            }
            var parsed = read(value.ToLowerInvariant());
            if (parsed is null) errors.Add($"Cột {column}: \"{Short(value)}\" không hợp lệ (chấp nhận: {allowed})");
            return parsed;
        }

        var code = RequiredText(C.DossierCode);
        var procedure = RequiredText(C.ProcedureCode);
        var agency = RequiredText(C.Agency);
        var received = Date(C.ReceivedAt, required: true);
        var due = Date(C.DueAt, required: false);
        var resolved = Date(C.ResolvedAt, required: false);
        var returned = Date(C.ReturnedAt, required: false);
        var channel = Choice(C.Channel, ReadChannel, true, "truc_tiep, truc_tuyen, buu_chinh");
        var serviceLevel = Choice(C.ServiceLevel, ReadServiceLevel, false, "toan_trinh, mot_phan hoặc để trống");
        var status = Choice(C.Status, ReadStatus, true, "dang_xu_ly, da_giai_quyet, tra_lai, rut, tam_dung");
        var level = Choice(C.Level, ReadLevel, false, "tinh, huyen, xa hoặc để trống");
        var fee = Flag(C.FeeRequired);
        var paid = Flag(C.PaidOnline);
        var digitisedInputs = Flag(C.DigitisedInputs);
        var digitisedResult = Flag(C.DigitisedResult);
        var suspendedText = Text(C.SuspendedDays);
        var suspended = 0;
        if (suspendedText.Length > 0 && (!int.TryParse(suspendedText, NumberStyles.None, CultureInfo.InvariantCulture, out suspended) || suspended > 3650))
            errors.Add($"Cột {C.SuspendedDays}: \"{Short(suspendedText)}\" phải là số ngày nguyên từ 0");
        if (level == ServiceTier.District && received >= DistrictLevelEnds)
            errors.Add("Cấp huyện không còn từ 01/07/2025 (chính quyền địa phương hai cấp)");

        if (errors.Count > 0 || received is null || channel is null || status is null)
        {
            reason = string.Join("; ", errors) + ".";
            return null;
        }
        reason = null;
        return new DossierRow(code, procedure, NullIfEmpty(Text(C.ProcedureName)), NullIfEmpty(Text(C.Field)), agency, level,
            received.Value, due, resolved, returned, channel.Value, serviceLevel ?? ServiceLevel.None,
            fee, paid, digitisedInputs, digitisedResult, status.Value, suspended);
    }

    /// <summary>yyyy-MM-dd, yyyy-MM-dd HH:mm (Vietnam time: the day as written) or dd/MM/yyyy.</summary>
    public static bool TryDate(string text, out DateOnly day)
    {
        day = default;
        if (!DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            return false;
        day = DateOnly.FromDateTime(value);
        return true;
    }

    private static Channel? ReadChannel(string v) => v switch
    {
        "truc_tiep" or "trực tiếp" => Channel.InPerson,
        "truc_tuyen" or "trực tuyến" => Channel.Online,
        "buu_chinh" or "bưu chính" or "bcci" => Channel.Post,
        _ => null,
    };

    private static ServiceLevel? ReadServiceLevel(string v) => v switch
    {
        "toan_trinh" => ServiceLevel.Full,
        "mot_phan" => ServiceLevel.Partial,
        _ => null,
    };

    private static DossierStatus? ReadStatus(string v) => v switch
    {
        "dang_xu_ly" => DossierStatus.InProgress,
        "da_giai_quyet" => DossierStatus.Resolved,
        "tra_lai" => DossierStatus.Returned,
        "rut" => DossierStatus.Withdrawn,
        "tam_dung" => DossierStatus.Suspended,
        _ => null,
    };

    private static ServiceTier? ReadLevel(string v) => v switch
    {
        "tinh" => ServiceTier.Province,
        "huyen" => ServiceTier.District,
        "xa" => ServiceTier.Commune,
        _ => null,
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
