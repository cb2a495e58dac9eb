using System.Globalization;
using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// Real tables from HTML or DOCX. The reader has already expanded merged cells (each repeats its
/// text and is flagged Continued); a continued cell becomes null, meaning "same as the row above".
/// The header row is the first row naming at least four framework columns; up to two rows below it
/// that only name sub-columns ("Chủ trì" | "Phối hợp" under a merged "Cơ quan thực hiện") belong to
/// the header (<see cref="HeaderRowCount"/>). A row numbering the columns ("(1) (2) (3)") is skipped.
/// A table may continue in later tables with the same width (a page break in DOCX), which then need
/// no header.
/// </summary>
internal static partial class RealTableLayout
{
    public static List<TableRow>? Read(IReadOnlyList<SourceTable> tables, List<ImportWarning> warnings)
    {
        List<TableRow>? rows = null;
        ColumnMap? map = null;
        foreach (var table in tables)
        {
            var headerIndex = FindHeader(table);
            if (headerIndex >= 0)
            {
                var count = HeaderRowCount(table, headerIndex);
                map = ColumnMap.FromHeaderRows(table.Rows.Skip(headerIndex).Take(count).ToList());
                map.WarnMissing($"bảng {table.Index} hàng {headerIndex + 1}", warnings);
                rows ??= [];
                AddRows(table, headerIndex + count, map, rows);
            }
            else if (map is not null && rows is not null && table.Rows.Count > 0 && table.Rows[0].Count == map.Count)
            {
                AddRows(table, 0, map, rows);
            }
        }
        return rows;
    }

    /// <summary>The first row naming four framework columns, alone or with its sub-header rows (a top
    /// row "TT | Nhiệm vụ | Tổ chức thực hiện" needs the "Chủ trì" | "Phối hợp" row below it).</summary>
    private static int FindHeader(SourceTable table)
    {
        for (var r = 0; r < Math.Min(table.Rows.Count, 5); r++)
        {
            if (ColumnMap.HeaderScore(table.Rows[r]) >= 4) return r;
            // A title merged across the table is one text, not a header.
            if (table.Rows[r].Select(c => Text.Clean(c)).Where(t => t.Length > 0).Distinct().Count() < 2) continue;
            var count = HeaderRowCount(table, r);
            if (count > 1 && ColumnMap.FromHeaderRows(table.Rows.Skip(r).Take(count).ToList()).Physical.OfType<Col>().Distinct().Count() >= 4)
                return r;
        }
        return -1;
    }

    /// <summary>
    /// How many rows the header takes (1–3). A row below belongs to it when its own cells (not merged
    /// from above) are short header names ("Chủ trì", "Bắt đầu", "Nguồn") or sit under a header cell
    /// spanning several columns (or an empty one), and the header visibly continues into it: one of
    /// its cells is under such a spanning cell, or a header cell reaches down into it (rowspan).
    /// </summary>
    internal static int HeaderRowCount(SourceTable table, int header)
    {
        var count = 1;
        while (count < 3 && header + count < table.Rows.Count && IsSubHeader(table, header, header + count)) count++;
        return count;
    }

    private static bool IsSubHeader(SourceTable table, int header, int r)
    {
        var texts = table.Rows[r].Select(c => Text.Clean(c)).ToList();
        if (IsColumnNumbering(texts)) return false;
        var own = Enumerable.Range(0, texts.Count).Where(c => texts[c].Length > 0 && !IsContinued(table, r, c)).ToList();
        if (own.Count == 0) return false;

        // A header cell spanning several columns, or an empty one, in a header row above.
        bool UnderGroup(int c) => Enumerable.Range(header, r - header).Any(k =>
        {
            var above = table.Rows[k];
            var t = Text.Clean(above[c]);
            if (t.Length == 0) return true;
            var spansLeft = c > 0 && IsContinued(table, k, c) && Text.Clean(above[c - 1]) == t;
            var spansRight = c + 1 < above.Count && IsContinued(table, k, c + 1) && Text.Clean(above[c + 1]) == t;
            return spansLeft || spansRight;
        });

        if (own.Any(c => texts[c].Length > 60 || !(ColumnMap.IsHeaderWord(texts[c]) || UnderGroup(c)))) return false;
        if (!own.Any(c => ColumnMap.IsHeaderWord(texts[c]))) return false;
        var reachesDown = Enumerable.Range(0, texts.Count).Any(c =>
            IsContinued(table, r, c) && texts[c].Length > 0 && texts[c] == Text.Clean(table.Rows[r - 1][c]));
        return own.Any(UnderGroup) || reachesDown;
    }

    private static bool IsContinued(SourceTable table, int r, int c) =>
        r < table.Continued.Count && c < table.Continued[r].Count && table.Continued[r][c];

    private static void AddRows(SourceTable table, int from, ColumnMap map, List<TableRow> rows)
    {
        for (var r = from; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r];
            var location = $"bảng {table.Index} hàng {r + 1}";
            var texts = cells.Select(c => Text.Clean(c)).ToList();
            if (texts.All(t => t.Length == 0)) continue;
            if (IsColumnNumbering(texts)) continue;

            var continued = r < table.Continued.Count ? table.Continued[r] : [];
            if (SectionOf(texts) is { } section)
            {
                rows.Add(TableRow.SectionRow(location, section.Code, section.Title));
                continue;
            }

            var row = new TableRow(location);
            foreach (var col in map.Physical.OfType<Col>().Distinct())
            {
                var columns = Enumerable.Range(0, Math.Min(texts.Count, map.Count)).Where(c => map.Physical[c] == col).ToList();
                if (columns.Count == 0) continue;
                // All cells merged with the row above: null, "same as above".
                if (columns.All(c => c < continued.Count && continued[c])) { row[col] = null; continue; }
                // A body cell keeps its own line breaks: one body per paragraph.
                row[col] = columns.Count == 1 ? (col is Col.Lead or Col.Support ? Text.CleanLines(cells[columns[0]]) ?? "" : texts[columns[0]])
                    : col == Col.Due ? TickedPeriods(columns, texts, map)
                    : JoinParts(columns, texts, map);
            }
            rows.Add(row);
        }
    }

    /// <summary>Budget sub-columns ("Nguồn" | "Dự toán" under "Kinh phí") as one text: "Nguồn: Ngân sách tỉnh; Dự toán: 50 triệu đồng".</summary>
    private static string JoinParts(List<int> columns, List<string> texts, ColumnMap map) =>
        string.Join("; ", columns.Where(c => texts[c].Length > 0).Select(c => $"{map.Labels[c]}: {texts[c]}"));

    /// <summary>
    /// Period columns under "Thời gian" ("Quý I | Quý II | Quý III | Quý IV") with the row's periods
    /// ticked ("x"): the due is the first to the last ticked period, written as DueParser reads it
    /// ("Quý II - Quý III", "Tháng 3 - Tháng 5/2025", "Năm 2024-2025"). Ticks need not be contiguous;
    /// the window then covers the gap. No tick: empty, so the row is warned about as a blank due.
    /// </summary>
    private static string TickedPeriods(List<int> columns, List<string> texts, ColumnMap map)
    {
        var ticked = columns.Where(c => texts[c].Length > 0).Select(c => map.Labels[c]).ToList();
        if (ticked.Count <= 1) return ticked.FirstOrDefault() ?? "";
        string first = ticked[0], last = ticked[^1];
        if (first.StartsWith("Năm ", StringComparison.OrdinalIgnoreCase) && last.StartsWith("Năm ", StringComparison.OrdinalIgnoreCase))
            return $"{first}-{last[4..].Trim()}";
        // One year for both ("Quý I/2025", "Quý III/2025"): written once, at the end.
        var slash = first.LastIndexOf('/');
        if (slash > 0 && last.EndsWith(first[slash..], StringComparison.Ordinal)) first = first[..slash];
        return $"{first} - {last}";
    }

    /// <summary>
    /// A row "(1) (2) (3) …" or "1 2 3 …" that only numbers the columns: at least three cells, each
    /// non-empty one a number (in brackets or not, "(4)=(2)+(3)" too) larger than the one before.
    /// A merged cell counts once.
    /// </summary>
    internal static bool IsColumnNumbering(List<string> texts)
    {
        if (texts.Count >= 4 && texts.Select((t, i) => t.Trim('(', ')', '.') == (i + 1).ToString()).Count(x => x) >= texts.Count - 1)
            return true;
        var numbers = new List<int>();
        var previous = "";
        foreach (var t in texts)
        {
            // Empty cells, and a merged cell's text repeated in the columns it spans, are skipped.
            if (t.Length == 0 || t == previous) continue;
            previous = t;
            if (NumberOf(t) is not { } n) return false;
            numbers.Add(n);
        }
        return numbers.Count >= 3 && numbers.Count * 2 >= texts.Count && numbers.Zip(numbers.Skip(1)).All(p => p.Second > p.First);
    }

    private static int? NumberOf(string cell)
    {
        var m = ColumnNumber().Match(cell);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\(?(\d{1,2})\)?\.?(\s*=\s*[()\d\s+\-x*]+)?$")]
    private static partial Regex ColumnNumber();

    /// <summary>"I | CẢI CÁCH THỂ CHẾ": a short code in the first cell and one title in the rest.
    /// A digit code ("1" subsection in 000 VII) counts only when the title is merged across the row.</summary>
    private static (string Code, string Title)? SectionOf(List<string> texts)
    {
        // One cell across the width, "I. Cải cách thể chế" (a table without a TT column).
        var across = texts.Where(t => t.Length > 0).Distinct().ToList();
        if (across.Count == 1 && texts.Count(t => t.Length > 0) * 2 > texts.Count && RomanTitle().Match(across[0]) is { Success: true } rt)
            return (rt.Groups["code"].Value, rt.Groups["title"].Value);
        if (texts.Count < 2) return null;
        var code = texts[0].TrimEnd('.');
        if (code.Length == 0 || !Codes.LooksLikeTt(code) || code.Contains('.')) return null;
        var filled = texts.Skip(1).Where(t => t.Length > 0).ToList();
        var distinct = filled.Distinct().ToList();
        if (distinct.Count != 1) return null;
        var title = distinct[0];
        if (Codes.StartsWithCode(title, 1) || Codes.StartsWithCode(title, 2) || Codes.StartsWithCode(title, 3)) return null;
        if (Codes.IsRoman(code) || (code.Length == 1 && char.IsLetter(code[0]))) return (code, title);
        return filled.Count >= 2 ? (code, title) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<code>[IVX]{1,5})\.\s+(?<title>\S.*)$")]
    private static partial System.Text.RegularExpressions.Regex RomanTitle();
}
