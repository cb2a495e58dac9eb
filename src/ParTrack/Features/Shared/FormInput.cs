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

    /// <summary>
    /// The largest form without files a page accepts: far above any real one (a report's texts at their limits
    /// stay under it), far below what would hold a server busy. Larger posts end in 413 before the form is read.
    /// </summary>
    public const long TextFormBytes = 4 * 1024 * 1024;

    public const string TooLargeMessage = "Nội dung gửi lên quá lớn (quá 4 MB chữ). Chưa có gì được lưu. " +
        "Mỗi ô nhập có giới hạn độ dài; hãy rút gọn nội dung, phần chi tiết đưa vào tệp minh chứng.";

    /// <summary>Middleware: a page post without files over <see cref="TextFormBytes"/> answers 413 (the error page says why).</summary>
    public static Task RefuseOversizedTextForms(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        // Not when the error page is shown for this very request (status code pages run it again).
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpMethods.IsPost(request.Method) && !request.Path.StartsWithSegments("/api") && request.HasFormContentType
            && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            if (request.ContentLength > TextFormBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            // Without a length (chunked), reading past the limit ends in the same 413.
            if (request.ContentLength is null) request.Body = new LimitedStream(request.Body, TextFormBytes);
        }
        return next(http);
    }

    /// <summary>A number typed as Vietnamese users do (85,5) or with a point (85.5); null when it cannot be read.</summary>
    public static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out value);

    /// <summary>Formats a date field accepts: what people type (05/03/2025, 5/3/2025) and ISO for old clients and the API.</summary>
    static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>A date typed day/month/year (or yyyy-MM-dd), whatever the interface language; false when it cannot be read.</summary>
    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out value);
}
