using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// A framework table copied from a web page as text: one line per row, cells separated by tabs. The copy
/// drops what the page merged: a cell spanning several rows appears only in its first row, so the rows
/// below are short and their cells are the right-hand ones; a cell of several lines breaks its row over
/// several lines. This rebuilds the table — short rows right-aligned under the header with the dropped
/// cells taken as merged from above, broken rows joined while they are too short or the next line cannot
/// be a row of its own — and hands it to <see cref="RealTableLayout"/> like an HTML table.
/// </summary>
internal static partial class TabTextLayout
{
    public static List<SourceTable> Tables(IReadOnlyList<string> lines)
    {
        var start = -1;
        for (var i = 0; i < lines.Count && start < 0; i++)
            if (lines[i].Contains('\t') && ColumnMap.HeaderScore(Cells(lines[i])) >= 4) start = i;
        if (start < 0) return [];

        var header = Cells(lines[start]);
        var next = start + 1;
        var sub = next < lines.Count ? Cells(lines[next]) : [];
        var headerRows = new List<List<string>>();
        if (sub.Count > 0 && sub.Count < header.Count && sub.All(ColumnMap.IsHeaderWord) && Expand(header, sub) is { } expanded)
        {
            headerRows.AddRange(expanded);
            next++;
        }
        else headerRows.Add(header);
        var width = headerRows[0].Count;
        var map = ColumnMap.FromHeaderRows(headerRows);
        // The cells a rowspan can drop: the leading TT / target / task columns.
        var droppable = 0;
        while (droppable < width && map.Physical[droppable] is Col.Tt or Col.Target or Col.Task) droppable++;
        var shortest = Math.Max(1, width - droppable);

        var grid = headerRows.Select(r => (IReadOnlyList<string>)r).ToList();
        // Header cells spanning columns or rows are marked merged, as an HTML table's would be.
        var continued = headerRows.Select((r, k) => (IReadOnlyList<bool>)r.Select((t, c) =>
            (c > 0 && r[c - 1] == t) || (k > 0 && headerRows[k - 1][c] == t)).ToList()).ToList();
        for (var i = next; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = Cells(lines[i]);
            if (cells.Count == 1 && !IsAreaRow(cells[0], lines, i)) break;   // the text after the table
            if (IsArea(cells))
            {
                var title = cells.Count == 1 ? cells[0] : string.Join(" ", cells.Skip(1).Where(c => c.Length > 0));
                grid.Add(cells.Count == 1 ? Enumerable.Repeat(cells[0], width).ToList() : [cells[0].Trim(), .. Enumerable.Repeat(title, width - 1)]);
                continued.Add(Enumerable.Range(0, width).Select(c => c > 0).ToList());
                continue;
            }
            // Join the lines of a row broken inside a cell.
            while (i + 1 < lines.Count && lines[i + 1].Trim().Length > 0)
            {
                var following = Cells(lines[i + 1]);
                var rowOfItsOwn = following.Count >= shortest || IsArea(following) || (following.Count == 1 && IsAreaRow(following[0], lines, i + 1));
                if (cells.Count >= shortest && rowOfItsOwn) break;
                if (cells.Count + following.Count - 1 > width) break;
                cells[^1] = cells[^1] + "\n" + following[0];
                cells.AddRange(following.Skip(1));
                i++;
            }
            if (cells.Count > width) cells = cells.Take(width).ToList();
            var dropped = width - cells.Count;
            var above = grid[^1];
            grid.Add([.. Enumerable.Range(0, dropped).Select(c => c < above.Count ? above[c] : ""), .. cells]);
            continued.Add(Enumerable.Range(0, width).Select(c => c < dropped).ToList());
        }
        return grid.Count > headerRows.Count ? [new SourceTable(1, grid, continued)] : [];
    }

    static List<string> Cells(string line) => line.Split('\t').Select(c => c.Trim()).ToList();

    // "I	CẢI CÁCH THỂ CHẾ" or "II. Cải cách thủ tục hành chính": an area row across the table.
    static bool IsArea(List<string> cells) =>
        (cells.Count <= 2 && Codes.IsRoman(cells[0].TrimEnd('.')) && cells.Skip(1).Any(c => c.Length > 0))
        || (cells.Count(c => c.Length > 0) == 1 && RomanTitle().IsMatch(cells[0]));

    /// <summary>A line without tabs is an area row only when a table row follows it; otherwise the table has ended.</summary>
    static bool IsAreaRow(string cell, IReadOnlyList<string> lines, int at)
    {
        if (!RomanTitle().IsMatch(cell)) return false;
        for (var j = at + 1; j < lines.Count; j++)
            if (lines[j].Trim().Length > 0) return lines[j].Contains('\t');
        return false;
    }

    /// <summary>Two header rows from a top row and its sub-header ("Chủ trì | Phối hợp" under "Cơ quan thực hiện").</summary>
    static List<List<string>>? Expand(List<string> top, List<string> sub)
    {
        var upper = new List<string>();
        var lower = new List<string>();
        var s = 0;
        foreach (var t in top)
        {
            var taken = 0;
            while (s < sub.Count && Belongs(t, sub[s])) { upper.Add(t); lower.Add(sub[s]); s++; taken++; }
            if (taken == 0) { upper.Add(t); lower.Add(t); }
        }
        return s == sub.Count ? [upper, lower] : null;
    }

    static bool Belongs(string parent, string child)
    {
        var p = Text.Clean(parent).ToLowerInvariant();
        var c = Text.Clean(child).ToLowerInvariant();
        return (p.Contains("thực hiện") && (c.Contains("chủ trì") || c.Contains("phối hợp")))
            || (ColumnMap.Classify(p) == Col.Due && ColumnMap.IsDuePart(c))
            || (ColumnMap.Classify(p) == Col.Budget && ColumnMap.Classify(c) is null or Col.Budget);
    }

    [GeneratedRegex(@"^[IVX]{1,5}\.\s+\S")]
    private static partial Regex RomanTitle();
}
