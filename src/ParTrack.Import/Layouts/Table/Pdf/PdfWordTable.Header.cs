using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

// The header band of a PDF table and its cells (labels named by ColumnMap).
internal static partial class PdfWordTable
{
    internal sealed record HeaderCell(List<PdfWord> Words, Col? Col)
    {
        public double X0 { get; } = Words.Min(w => w.X0);
        public double X1 { get; } = Words.Max(w => w.X1);
        public double Y0 { get; } = Words.Min(w => w.Y0);
        public double Y1 { get; } = Words.Max(w => w.Y1);
        public string Label { get; } = string.Join(" ", LinesOf(Words).Select(l => string.Join(" ", l.Select(w => w.Text))));
    }

    internal sealed record Header(List<HeaderCell> Cells, double Bottom, double Top);

    /// <summary>The header band: from a line, the following lines at line pitch up to the first data line.
    /// The shortest band naming the most columns is kept, then extended by lines that only continue
    /// header cells ("phẩm", "hoàn thành" under centred labels).</summary>
    internal static Header? FindHeader(List<List<PdfWord>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Any(w => ColumnMap.Classify(w.Text) is not null || KeywordStart(w.Text))) continue;
            var (best, bestCount, end) = Band(lines, i);
            if (best is null || bestCount < 4) continue;
            // A title right above the table at line pitch ("II. NHIỆM VỤ") joins the first header cell and hides
            // its column: a band starting on a later line that names more columns is the header.
            var start = i;
            for (var j = i + 1; j <= end; j++)
                if (Band(lines, j) is { Best: not null } later && later.Count > bestCount) (best, bestCount, end, start) = (later.Best, later.Count, later.End, j);
            // Lines that only continue header cells: every word under a header cell, no item code.
            for (var k = end + 1; k < lines.Count && k <= end + 4; k++)
            {
                if (lines[k][0].Y0 - lines[k - 1][0].Y0 > 1.3 * lines[k - 1][0].H || IsDataLine(lines[k])) break;
                if (!lines[k].All(w => best.Cells.Any(c => w.X0 < c.X1 + 2 && w.X1 > c.X0 - 2))) break;
                var cells = Cells(lines.GetRange(start, k - start + 1));
                if (cells.Select(c => c.Col).Where(c => c is not null).Distinct().Count() < bestCount) break;
                best = new Header(cells, lines[k].Max(w => w.Y1), best.Top);
            }
            return best;
        }
        return null;
    }

    /// <summary>The band of lines from line i, up to 8 at line pitch and before a data line, naming the most columns.</summary>
    private static (Header? Best, int Count, int End) Band(List<List<PdfWord>> lines, int i)
    {
        Header? best = null;
        var bestCount = 0;
        var end = i;
        for (var k = i; k < lines.Count && k < i + 8; k++)
        {
            if (k > i && (lines[k][0].Y0 - lines[k - 1][0].Y0 > 1.6 * lines[k - 1][0].H || IsDataLine(lines[k]))) break;
            var cells = Cells(lines.GetRange(i, k - i + 1));
            var count = cells.Select(c => c.Col).Where(c => c is not null).Distinct().Count();
            if (count > bestCount)
            {
                bestCount = count;
                best = new Header(cells, lines[k].Max(w => w.Y1), lines[i].Min(w => w.Y0));
                end = k;
            }
        }
        return (best, bestCount, end);
    }

    // "Chủ", "Phối", "Thời", "Kết", "Hoạt" wrap away from the rest of their label.
    private static bool KeywordStart(string word) =>
        word.ToLowerInvariant().TrimStart('(', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '.', ')', ' ') is
            "tt" or "stt" or "hoạt" or "kết" or "sản" or "chủ" or "phối" or "thời" or "tiến" or "kinh" or "mục" or "chỉ" or "nhiệm" or "nội" or "ghi" or "cơ";

    /// <summary>A line opening a body row: a TT value or item code at its start, or "(1) (2) (3)" column numbers.</summary>
    private static bool IsDataLine(List<PdfWord> line)
    {
        var first = line[0].Text.TrimEnd('.');
        if (first.Length > 0 && Codes.LooksLikeTt(first) && line.Count >= 2 && line.Skip(1).Any(w => char.IsLetter(w.Text[0]) && char.IsUpper(w.Text[0]))) return true;
        if (line.Any(w => Codes.StartsWithCode(w.Text + " x", 1) || Codes.StartsWithCode(w.Text + " x", 2) || Codes.StartsWithCode(w.Text + " x", 3))) return true;
        return line.Count >= 4 && line.Count(w => w.Text.Trim('(', ')', '.').All(char.IsDigit)) >= line.Count - 1;
    }

    /// <summary>Header words clustered into cells: words on a line less than half a line height apart form a
    /// phrase; phrases on consecutive lines that overlap join, unless one overlaps two or more on the other
    /// line (a group label over sub-columns). A group label above two or more cells is then dropped.</summary>
    private static List<HeaderCell> Cells(List<List<PdfWord>> band)
    {
        var phrases = new List<(List<PdfWord> Words, int Line)>();
        for (var li = 0; li < band.Count; li++)
        {
            List<PdfWord>? current = null;
            foreach (var w in band[li])
            {
                if (current is null || w.X0 - current[^1].X1 >= 0.45 * Math.Min(w.H, current[^1].H))
                {
                    current = [];
                    phrases.Add((current, li));
                }
                current.Add(w);
            }
        }
        phrases = phrases.SelectMany(ph => SplitLabels(ph.Words).Select(words => (words, ph.Line))).ToList();
        static bool Overlap(List<PdfWord> a, List<PdfWord> b) => a[0].X0 < b[^1].X1 && b[0].X0 < a[^1].X1;
        // The next line of the same cell: starts below, less than half a line under (centred cells interleave lines).
        static bool Next(List<PdfWord> a, List<PdfWord> b) =>
            b[0].Y0 > a[0].Y0 + 0.3 * a[0].H && b[0].Y0 - a[0].Y1 < 0.5 * a[0].H && Overlap(a, b);
        var parent = Enumerable.Range(0, phrases.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        // Plain loops: this runs for every candidate header band of every page.
        for (var a = 0; a < phrases.Count; a++)
        {
            var (below, belowCount) = (-1, 0);
            for (var b = 0; b < phrases.Count && belowCount < 2; b++)
                if (Next(phrases[a].Words, phrases[b].Words)) (below, belowCount) = (b, belowCount + 1);
            if (belowCount != 1) continue;
            var above = 0;
            for (var x = 0; x < phrases.Count && above < 2; x++)
                if (Next(phrases[x].Words, phrases[below].Words)) above++;
            if (above == 1) parent[Find(a)] = Find(below);
        }
        var cells = phrases.Select((ph, i) => (ph.Words, Root: Find(i))).GroupBy(x => x.Root)
            .Select(g => new HeaderCell(g.SelectMany(x => x.Words).ToList(), null)).ToList();
        // A group label ("Cơ quan thực hiện") sits above two or more cells centred under it.
        cells.RemoveAll(c => cells.Count(o => o != c && o.Y0 >= c.Y1 - 1
            && o.Words.Average(w => w.Xc) > c.X0 - (c.X1 - c.X0) / 2 && o.Words.Average(w => w.Xc) < c.X1 + (c.X1 - c.X0) / 2) >= 2);
        cells.Sort((a, b) => a.X0.CompareTo(b.X0));
        // Pieces of one label that did not touch (a gap line) but share its width are one cell.
        for (var k = cells.Count - 1; k > 0; k--)
            if (cells[k].X0 < cells[k - 1].X1 - 2)
            {
                cells[k - 1] = new HeaderCell([.. cells[k - 1].Words, .. cells[k].Words], null);
                cells.RemoveAt(k);
            }
        var seen = new HashSet<Col>();
        return cells.Select(c =>
        {
            var col = ColumnMap.Classify(c.Label);
            return c with { Col = col is { } x && seen.Add(x) ? x : null };
        }).ToList();
    }

    /// <summary>Two labels packed close on one line ("Sản phẩm Đơn vị chủ trì" when the columns are narrow) are two
    /// cells: split before a capitalised word when both sides name different columns. One label never starts a
    /// second capital name of another column ("Kết quả, sản phẩm", "Kinh phí thực hiện" stay whole).</summary>
    private static IEnumerable<List<PdfWord>> SplitLabels(List<PdfWord> phrase)
    {
        for (var j = 1; j < phrase.Count; j++)
        {
            if (!char.IsUpper(phrase[j].Text[0])) continue;
            var left = ColumnMap.Classify(string.Join(" ", phrase.Take(j).Select(w => w.Text)));
            var right = ColumnMap.Classify(string.Join(" ", phrase.Skip(j).Select(w => w.Text)));
            if (left is null || right is null || left == right) continue;
            return [phrase[..j], .. SplitLabels(phrase[j..])];
        }
        return [phrase];
    }
}
