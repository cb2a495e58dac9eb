using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ParTrack.Features;

/// <summary>
/// Dates and numbers a form posted that could not be read. Model binding leaves such a field at its default
/// (01/01/0001, null) and only notes the failure, so a handler that saved without asking here stored that
/// default, or erased a stored value, and said "Đã lưu". Every handler that binds a date or a number asks
/// first and refuses the whole post with these messages.
/// </summary>
public static class FormInput
{
    public const string NothingSaved = "Chưa có gì được lưu.";

    /// <summary>Field key → message, for the fields under <paramref name="prefix"/> that did not convert.</summary>
    public static Dictionary<string, string> Unreadable(ModelStateDictionary state, IReadOnlyDictionary<string, string> labels, string prefix = "")
    {
        var result = new Dictionary<string, string>();
        foreach (var (key, entry) in state)
        {
            if (entry.ValidationState != ModelValidationState.Invalid || !key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var field = key[prefix.Length..];
            var label = labels.TryGetValue(field, out var l) ? l : labels.FirstOrDefault(x => field.EndsWith("." + x.Key, StringComparison.Ordinal)).Value ?? field;
            result[key] = Message(label, entry.AttemptedValue);
        }
        return result;
    }

    public static string Message(string label, string? attempted) => string.IsNullOrWhiteSpace(attempted)
        ? $"{label}: chưa nhập. Hãy nhập rồi lưu lại. {NothingSaved}"
        : $"{label}: không đọc được \"{attempted}\". Ngày ghi dạng ngày/tháng/năm (chọn trên lịch), số ghi bằng chữ số, ví dụ 12 hoặc 12,5. {NothingSaved}";

    /// <summary>A number typed as Vietnamese users do (85,5) or with a point (85.5); null when it cannot be read.</summary>
    public static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out value);
}
