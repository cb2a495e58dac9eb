using System.Globalization;
using System.Text.Json;
using ParTrack.Data;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

/// <summary>A rating as read from a file or the API: points per criterion, or only the total.</summary>
public sealed record RatingRow(string DossierCode, string Agency, DateOnly RatedOn, IReadOnlyList<decimal>? Points, decimal? Total);

/// <summary>A data row of a rating file (its line, or position in a JSON array): the rating, or why it was refused.</summary>
public sealed record RatingLine(int Line, RatingRow? Row, string? Reason);

/// <summary>
/// The rating contract (partrack.ratings/v1, docs/satisfaction.md): columns dossier_code, agency, rated_on, then
/// c1 … cN (one per criterion of the scheme in force) or total, in any order; other columns are ignored. CSV or
/// XLSX are told apart by content and streamed row by row (<see cref="DossierFile.Rows"/>); the API's JSON objects
/// use the same keys.
/// </summary>
public static class RatingFile
{
    public const string DossierCode = "dossier_code", Agency = "agency", RatedOn = "rated_on", Total = "total";

    public static string Criterion(int index) => "c" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The header, then every data row; a header that cannot be used throws <see cref="DossierFileException"/>.</summary>
    public static IEnumerable<RatingLine> Read(Stream stream, int criteria)
    {
        using var rows = DossierFile.Rows(stream).GetEnumerator();
        if (!rows.MoveNext()) throw new DossierFileException("Tệp trống: không có dòng tiêu đề và không có đánh giá nào.");
        var header = rows.Current.Cells.Select((name, i) => (Key: Key(name), i)).Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        if (HeaderProblem(header.Keys, criteria) is { } problem) throw new DossierFileException(problem);
        while (rows.MoveNext())
        {
            var cells = rows.Current.Cells;
            yield return Parse(rows.Current.Line, key => header.TryGetValue(key, out var i) && i < cells.Count ? cells[i] : null, criteria);
        }
    }

    /// <summary>A JSON array of objects keyed like the CSV header; the line is the 1-based position in the array.</summary>
    public static IEnumerable<RatingLine> ReadJson(Stream body, int criteria)
    {
        using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        if (json.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("not an array");
        var line = 0;
        foreach (var item in json.RootElement.EnumerateArray())
        {
            line++;
            if (item.ValueKind != JsonValueKind.Object) { yield return new RatingLine(line, null, "Mỗi phần tử phải là một đối tượng đánh giá."); continue; }
            yield return Parse(line, key => item.TryGetProperty(key, out var v) ? Cell(v) : null, criteria);
        }
    }

    /// <summary>What is missing from a header (by its normalised keys), or null when ratings can be read from it.</summary>
    public static string? HeaderProblem(IEnumerable<string> keys, int criteria)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        var missing = new[] { DossierCode, Agency, RatedOn }.Where(k => !set.Contains(k)).ToList();
        if (missing.Count > 0) return $"Thiếu cột {string.Join(", ", missing)} ở dòng tiêu đề (cột cần có: {DossierCode}, {Agency}, {RatedOn}, rồi c1 … c{criteria} hoặc {Total}).";
        var criterionColumns = set.Count(k => k.Length > 1 && k[0] == 'c' && k[1..].All(char.IsAsciiDigit));
        if (criterionColumns == 0 && !set.Contains(Total)) return $"Cần các cột điểm từng tiêu chí c1 … c{criteria} hoặc cột {Total}.";
        if (criterionColumns > 0 && (criterionColumns != criteria || Enumerable.Range(0, criteria).Any(i => !set.Contains(Criterion(i)))))
            return $"Tệp có {criterionColumns} cột tiêu chí, nhưng cách chấm điểm đang dùng có {criteria} tiêu chí (c1 … c{criteria}).";
        return null;
    }

    /// <summary>"Dossier_Code " → "dossier_code": headers are matched trimmed and in lower case.</summary>
    public static string Key(string? name) => (name ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant();

    static RatingLine Parse(int line, Func<string, string?> cell, int criteria)
    {
        string Text(string key) => SafeText.Normalize(cell(key))?.Trim() ?? "";
        var code = Text(DossierCode);
        if (code.Length == 0) return Refused(line, "Thiếu mã hồ sơ (dossier_code).");
        if (code.Length > Limits.ShortText) return Refused(line, $"Mã hồ sơ dài quá {Limits.ShortText} ký tự.");
        var agency = Text(Agency);
        if (agency.Length == 0) return Refused(line, "Thiếu cơ quan giải quyết (agency).");
        if (Day(Text(RatedOn)) is not { } ratedOn) return Refused(line, $"Ngày đánh giá (rated_on) \"{Text(RatedOn)}\" không đọc được; cần dạng yyyy-MM-dd hoặc dd/MM/yyyy.");

        List<decimal>? points = null;
        if (cell(Criterion(0)) is not null && Enumerable.Range(0, criteria).Any(i => Text(Criterion(i)).Length > 0))
        {
            points = [];
            for (var i = 0; i < criteria; i++)
            {
                var text = Text(Criterion(i));
                if (text.Length == 0) return Refused(line, $"Thiếu điểm tiêu chí {Criterion(i)}: cách chấm điểm đang dùng có {criteria} tiêu chí, cần đủ điểm từng tiêu chí.");
                if (!FormInput.TryNumber(text, out var p)) return Refused(line, $"Điểm tiêu chí {Criterion(i)} \"{text}\" không phải là số.");
                points.Add(p);
            }
        }
        decimal? total = null;
        var totalText = Text(Total);
        if (totalText.Length > 0)
        {
            if (!FormInput.TryNumber(totalText, out var t)) return Refused(line, $"Tổng điểm (total) \"{totalText}\" không phải là số.");
            total = t;
        }
        if (points is null && total is null) return Refused(line, "Không có điểm: cần điểm từng tiêu chí hoặc tổng điểm.");
        return new RatingLine(line, new RatingRow(code, agency, ratedOn, points, total), null);
    }

    static RatingLine Refused(int line, string reason) => new(line, null, reason);

    /// <summary>A day as exports write it: ISO (with a time, from XLSX date-times, ignored) or dd/MM/yyyy.</summary>
    static DateOnly? Day(string text)
    {
        if (text.Length > 10 && text[4] == '-' && (text[10] == ' ' || text[10] == 'T')) text = text[..10];
        return FormInput.TryDate(text, out var day) && day.Year is >= 2000 and <= 2100 ? day : null;
    }

    static string? Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };
}
