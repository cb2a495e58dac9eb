using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// `pdftotext -layout` text, where a table keeps its columns by horizontal position. Column starts
/// come from the header line (where each header word begins); every later line is cut into pieces
/// at runs of 2+ spaces and each piece goes to the column it starts in. A row begins when the TT,
/// target or task column opens with a value or code, or the activity column opens a "3.x" code on
/// a line whose output or lead column starts with a capital (cells are top-aligned).
/// </summary>
internal static partial class PositionedTextLayout
{
    public static List<TableRow>? Read(IReadOnlyList<string> lines, List<ImportWarning> warnings)
    {
        var (headerLine, starts, cols) = FindHeader(lines);
        if (headerLine < 0) return null;
        var map = ColumnMapFrom(cols);
        var where = new Locations(lines);
        map.WarnMissing(where.Of(headerLine + 1), warnings);

        var rows = new List<TableRow>();
        Dictionary<Col, string>? cells = null;
        var rowLine = 0;
        void Flush()
        {
            if (cells is null) return;
            var row = new TableRow(where.Of(rowLine));
            foreach (var col in Enum.GetValues<Col>())
                if (cells.TryGetValue(col, out var v)) row[col] = Text.Clean(v);
                else if (col >= Col.Output && map.Has(col)) row[col] = "";
            rows.Add(row);
            cells = null;
        }

        for (var i = headerLine + 1; i < lines.Count; i++)
        {
            var line = lines[i].Replace('\u00A0', ' ');
            if (line.Trim().Length == 0 || line.Trim().StartsWith('\f')) continue;
            // Skip the header's own continuation lines ("tiêu/nội dung", "hoàn thành").
            if (i <= headerLine + 3 && cells is null && !Pieces(line).Any(p => ColumnAt(p.Start, starts, cols) is { } c && LooksLikeRowStart(c, p.Text))) continue;

            // Text under an unnamed column is dropped rather than pushed into a neighbour.
            var pieces = Pieces(line).Select(p => (Col: ColumnAt(p.Start, starts, cols), p.Text))
                .Where(p => p.Col is not null).Select(p => (Col: p.Col!.Value, p.Text)).ToList();
            if (pieces.Count == 0) continue;
            if (pieces.Count <= 2 && pieces[0].Col == Col.Tt && Codes.LooksLikeTt(pieces[0].Text) && !pieces[0].Text.Contains('.')
                && pieces.Count == 2 && !Codes.StartsWithCode(pieces[1].Text, 1))
            {
                Flush();
                rows.Add(TableRow.SectionRow(where.Of(i + 1), pieces[0].Text, pieces[1].Text));
                continue;
            }
            var startsRow = pieces.Any(p => LooksLikeRowStart(p.Col, p.Text))
                || pieces.Any(p => p.Col == Col.Activity && Codes.StartsWithCode(p.Text, 3))
                   && pieces.Any(p => p.Col is Col.Output or Col.Lead && char.IsUpper(p.Text[0]));
            if (startsRow || cells is null)
            {
                Flush();
                cells = [];
                rowLine = i + 1;
            }
            foreach (var (col, text) in pieces)
            {
                // Left-hand text under a row opened further right ("soát" under a new "3.2" row)
                // is the end of the merged cell above it.
                if (col is Col.Tt or Col.Target or Col.Task && !cells.ContainsKey(col) && !LooksLikeRowStart(col, text)
                    && rows.LastOrDefault(r => r[col] is not null && r.Section is null) is { } above)
                {
                    above[col] = above[col] + " " + text;
                    continue;
                }
                cells[col] = cells.TryGetValue(col, out var prev) ? prev + " " + text : text;
            }
        }
        Flush();
        return rows;
    }

    private static bool LooksLikeRowStart(Col col, string text) => col switch
    {
        Col.Tt => Codes.LooksLikeTt(text),
        Col.Target => Codes.StartsWithCode(text, 1),
        Col.Task => Codes.StartsWithCode(text, 2),
        _ => false,
    };

    private static ColumnMap ColumnMapFrom(List<Col?> cols) => ColumnMap.FromHeader(cols.Select(c => c switch
    {
        Col.Tt => "TT",
        Col.Target => "Mục tiêu",
        Col.Task => "Nhiệm vụ",
        Col.Activity => "Hoạt động",
        Col.Output => "Kết quả",
        Col.Lead => "Chủ trì",
        Col.Support => "Phối hợp",
        Col.Due => "Thời gian",
        Col.Budget => "Kinh phí",
        Col.Note => "Ghi chú",
        _ => "",
    }).ToList());

    /// <summary>The header line: at least four framework column names. A header cell often wraps
    /// ("4- Kết / quả, sản phẩm", "7- Thời / gian"), so the next lines' pieces are added to the column
    /// they start under before the labels are classified. Unnamed columns stay, so their text is not
    /// pushed into a neighbour.</summary>
    private static (int Line, List<int> Starts, List<Col?> Cols) FindHeader(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var pieces = Pieces(lines[i]).ToList();
            if (pieces.Count < 4 || pieces.Count(p => ColumnMap.Classify(p.Text) is not null) < 3) continue;
            var starts = pieces.Select(p => p.Start).ToList();
            var labels = pieces.Select(p => p.Text).ToList();
            for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
            {
                var next = Pieces(lines[j]).ToList();
                // Stop at the first data row: a TT value in the first column or an item code.
                if (next.Any(p => (p.Start <= starts[0] + 2 && Codes.LooksLikeTt(p.Text)) || Codes.StartsWithCode(p.Text, 1)
                    || Codes.StartsWithCode(p.Text, 2) || Codes.StartsWithCode(p.Text, 3))) break;
                foreach (var p in next)
                {
                    var k = starts.FindLastIndex(s => s <= p.Start + 2);
                    if (k >= 0) labels[k] += " " + p.Text;
                }
            }
            var cols = new List<Col?>();
            foreach (var label in labels)
            {
                var c = ColumnMap.Classify(label);
                cols.Add(c is { } col && !cols.Contains(col) ? col : null);
            }
            if (cols.Count(c => c is not null) >= 4) return (i, starts, cols);
        }
        return (-1, [], []);
    }

    /// <summary>The column a piece starting at x belongs to: the last column starting at or before x (2 characters of slack).</summary>
    private static Col? ColumnAt(int x, List<int> starts, List<Col?> cols)
    {
        var index = 0;
        for (var k = 0; k < starts.Count; k++) if (starts[k] <= x + 2) index = k;
        return cols[index];
    }

    private static IEnumerable<(int Start, string Text)> Pieces(string line)
    {
        foreach (Match m in Piece().Matches(line)) yield return (m.Index, m.Value.Trim());
    }

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex Piece();
}
