using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// Real tables from HTML or DOCX. The reader has already expanded merged cells (each repeats its
/// text and is flagged Continued); a continued cell becomes null, meaning "same as the row above".
/// The header row is the first row naming at least four framework columns; a table may continue
/// in later tables with the same width (a page break in DOCX), which then need no header.
/// </summary>
internal static class RealTableLayout
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
                var labels = table.Rows[headerIndex].ToList();
                var dataFrom = headerIndex + 1;
                if (SubHeader(table, headerIndex, labels)) dataFrom++;
                map = ColumnMap.FromHeader(labels);
                map.WarnMissing($"bảng {table.Index} hàng {headerIndex + 1}", warnings);
                rows ??= [];
                AddRows(table, dataFrom, map, rows);
            }
            else if (map is not null && rows is not null && table.Rows.Count > 0 && table.Rows[0].Count == map.Count)
            {
                AddRows(table, 0, map, rows);
            }
        }
        return rows;
    }

    /// <summary>A second header row under a group label ("Cơ quan thực hiện" spread over "Chủ trì" and
    /// "Phối hợp"): its labels replace the group's in <paramref name="labels"/>. True when there is one.</summary>
    private static bool SubHeader(SourceTable table, int headerIndex, List<string> labels)
    {
        if (headerIndex + 1 >= table.Rows.Count) return false;
        var header = table.Rows[headerIndex];
        var next = table.Rows[headerIndex + 1];
        var cont = table.Continued[headerIndex + 1];
        var headerCont = table.Continued[headerIndex];
        bool InGroup(int c) => (c < headerCont.Count && headerCont[c]) || (c + 1 < header.Count && c + 1 < headerCont.Count && headerCont[c + 1] && header[c + 1] == header[c]);
        var sub = new List<int>();
        for (var c = 0; c < next.Count && c < labels.Count; c++)
            if (!(c < cont.Count && cont[c]) && ColumnMap.Classify(next[c]) is not null && InGroup(c)) sub.Add(c);
        // Every other cell of the second row is the header above reaching down (rowspan) or empty.
        var isSubHeader = sub.Count > 0 && Enumerable.Range(0, next.Count)
            .All(c => sub.Contains(c) || (c < cont.Count && cont[c]) || Text.Clean(next[c]).Length == 0);
        if (isSubHeader)
            foreach (var c in sub) labels[c] = next[c];
        return isSubHeader;
    }

    private static int FindHeader(SourceTable table)
    {
        for (var r = 0; r < Math.Min(table.Rows.Count, 5); r++)
            if (ColumnMap.HeaderScore(table.Rows[r]) >= 4) return r;
        return -1;
    }

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
            for (var c = 0; c < texts.Count && c < map.Count; c++)
            {
                if (map.Physical[c] is not { } col) continue;
                var isContinued = c < continued.Count && continued[c];
                row[col] = isContinued ? null : texts[c];
            }
            rows.Add(row);
        }
    }

    /// <summary>A row "(1) (2) (3) …" or "1 2 3 …" that only numbers the columns.</summary>
    private static bool IsColumnNumbering(List<string> texts) =>
        texts.Count >= 4 && texts.Select((t, i) => t.Trim('(', ')', '.') == (i + 1).ToString()).Count(x => x) >= texts.Count - 1;

    /// <summary>"I | CẢI CÁCH THỂ CHẾ": a short code in the first cell and one title in the rest.
    /// A digit code ("1" subsection in 000 VII) counts only when the title is merged across the row.</summary>
    private static (string Code, string Title)? SectionOf(List<string> texts)
    {
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
}
