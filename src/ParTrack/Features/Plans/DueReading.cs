using System.Text.RegularExpressions;
using ParTrack.Import;
using ParTrack.Import.Parsing;

namespace ParTrack.Features.Plans;

/// <summary>
/// An activity's deadline text read with the importer's own parser (DueParser), so an edited text and the
/// tracked dates never disagree. A date that does not exist ("30/02/2025") is refused outright; text the
/// parser cannot read may still be saved with a window the user sets explicitly.
/// </summary>
public static partial class DueReading
{
    /// <param name="Due">The window understood (null when the text could not be read).</param>
    /// <param name="Error">Why the text is refused or could not be read, in Vietnamese.</param>
    /// <param name="Impossible">A date in the text does not exist: refuse even with an explicit window.</param>
    public sealed record Result(Due? Due, string? Error, bool Impossible);

    public static Result Read(string? text, int planYear)
    {
        foreach (Match m in DateLike().Matches(text ?? ""))
        {
            var (d, mo, y) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
            if (mo is < 1 or > 12 || d < 1 || y < 1 || d > DateTime.DaysInMonth(y, mo))
                return new(null, $"Ngày \"{m.Value}\" không có trên lịch. Hãy sửa lại thời gian hoàn thành.", Impossible: true);
        }
        return DueParser.TryParse(text, planYear, out var due)
            ? new(due, null, false)
            : new(null, $"Chưa đọc được thời gian \"{text?.Trim()}\". Hãy viết như trong văn bản (ví dụ \"Quý I/2025\", \"Trước 30/6/2025\", " +
                        "\"Tháng 12/2025\"), hoặc chọn loại thời hạn và nhập ngày rồi bấm Lưu lần nữa.", false);
    }

    /// <summary>"01/01/2025 – 31/03/2025", "đến 30/06/2025", or the kind alone when it has no dates.</summary>
    public static string Describe(Due due) =>
        due.Start is { } s && due.End is { } e ? $"{s:dd/MM/yyyy} – {e:dd/MM/yyyy}"
        : due.End is { } end ? $"đến {end:dd/MM/yyyy}"
        : "không có ngày cụ thể";

    [GeneratedRegex(@"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")]
    private static partial Regex DateLike();
}
