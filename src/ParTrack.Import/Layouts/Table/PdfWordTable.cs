using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

/// <summary>One word of a PDF page with its box (points, y grows downwards), from `pdftotext -bbox-layout`.</summary>
internal sealed record PdfWord(string Text, double X0, double Y0, double X1, double Y1)
{
    public double Xc => (X0 + X1) / 2;
    public double Yc => (Y0 + Y1) / 2;
    public double H => Y1 - Y0;
}

internal sealed record PdfPage(double Width, double Height, IReadOnlyList<PdfWord> Words)
{
    private List<List<PdfWord>>? lines;

    /// <summary>The page's visual lines, computed once: the table builder looks at each page several times.
    /// Callers filter it into new lists and never change it.</summary>
    public List<List<PdfWord>> Lines => lines ??= PdfWordTable.LinesOf(Words);
}

/// <summary>
/// Rebuilds the framework table of a PDF from word boxes, as a real table (<see cref="SourceTable"/>)
/// that <see cref="RealTableLayout"/> reads like a DOCX table. Word-made PDFs centre header cells,
/// often centre merged cells vertically and pack cells close together, which character columns
/// (`pdftotext -layout`) cannot separate; coordinates can:
/// - header: the first band of lines whose word clusters name at least four framework columns;
///   a cluster above two others ("Cơ quan thực hiện" over "Chủ trì", "Phối hợp") is a group label;
/// - column boundaries: between two header cells, where the fewest body words lie (the gutter);
/// - rows: from the gaps between the cells of the activity column (else task); a cell of another
///   column spans the rows its text overlaps, widened to the rows that centre it (merged cells);
/// - a roman numeral (or letter) and a title, or a line crossing the column boundaries that starts with
///   a number, is a section row ("I  CẢI CÁCH THỂ CHẾ"); any other crossing line ends the table;
/// - a page repeating the header continues below it; a row cut by a page break is joined back;
/// - after a table ends, the next header starts the next table (appendices).
/// Returns no table when no header is found, so the caller falls back to the text layouts.
/// </summary>
internal static partial class PdfWordTable
{
    private const double Shrink = 0.2;

    private static readonly Col[] MergeCols = [Col.Tt, Col.Target, Col.Task, Col.Lead, Col.Due];

    /// <summary>Every framework table of the document (appendices "Phụ lục I", "Phụ lục II" … each with its
    /// own header), in order; empty when none is found.</summary>
    public static List<SourceTable> Build(IReadOnlyList<PdfPage> pages)
    {
        var tables = new List<SourceTable>();
        var (page, fromY) = (0, double.MinValue);
        while (page < pages.Count)
        {
            Header? header = null;
            var p = page;
            for (; p < pages.Count && header is null; p++)
            {
                var y = p == page ? fromY : double.MinValue;
                header = FindHeader(y == double.MinValue ? pages[p].Lines : LinesOf(pages[p].Words.Where(w => w.Y0 >= y)));
            }
            if (header is null) break;
            var builder = new Builder(pages, p - 1, header, tables.Count + 1);
            if (builder.Build() is { } table) tables.Add(table);
            // Look for the next table from where this one ended (always past this header).
            if (builder.End is not { } end || (end.Page == p - 1 && end.Y <= header.Bottom)) break;
            (page, fromY) = end;
        }
        return tables;
    }

    /// <summary>Words grouped into visual lines (same height on the page), each sorted left to right.</summary>
    internal static List<List<PdfWord>> LinesOf(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        var sum = 0.0;  // of the last line's word centres: its average without summing it again for every word
        foreach (var w in words.OrderBy(w => w.Yc).ThenBy(w => w.X0))
        {
            var last = lines.Count > 0 ? lines[^1] : null;
            if (last is not null && Math.Abs(sum / last.Count - w.Yc) < 0.35 * Math.Min(w.H, last[0].H))
            {
                last.Add(w);
                sum += w.Yc;
            }
            else
            {
                lines.Add([w]);
                sum = w.Yc;
            }
        }
        foreach (var l in lines) l.Sort((a, b) => a.X0.CompareTo(b.X0));
        return lines;
    }

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
            if (best is null || bestCount < 4) continue;
            // Lines that only continue header cells: every word under a header cell, no item code.
            for (var k = end + 1; k < lines.Count && k <= end + 4; k++)
            {
                if (lines[k][0].Y0 - lines[k - 1][0].Y0 > 1.3 * lines[k - 1][0].H || IsDataLine(lines[k])) break;
                if (!lines[k].All(w => best.Cells.Any(c => w.X0 < c.X1 + 2 && w.X1 > c.X0 - 2))) break;
                var cells = Cells(lines.GetRange(i, k - i + 1));
                if (cells.Select(c => c.Col).Where(c => c is not null).Distinct().Count() < bestCount) break;
                best = new Header(cells, lines[k].Max(w => w.Y1), best.Top);
            }
            return best;
        }
        return null;
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

    private sealed class Builder(IReadOnlyList<PdfPage> pages, int headerPage, Header header, int index)
    {
        /// <summary>Where the table ended before the last page's end (page, y of the first line after it).</summary>
        public (int Page, double Y)? End { get; private set; }

        private readonly List<string[]> texts = [];
        private readonly List<bool[]> continued = [];
        private double[] bounds = [];   // x of the boundary after each column but the last
        private Col?[] cols = [];
        private int leaf;

        public SourceTable? Build()
        {
            cols = header.Cells.Select(c => c.Col).ToArray();
            var n = cols.Length;
            bounds = Boundaries();
            leaf = Array.IndexOf(cols, Col.Activity) is >= 0 and var a ? a
                : Array.IndexOf(cols, Col.Task) is >= 0 and var t ? t : Math.Max(0, Array.IndexOf(cols, Col.Target));
            texts.Add(header.Cells.Select(c => c.Label).ToArray());
            continued.Add(new bool[n]);

            var ended = false;
            for (var p = headerPage; p < pages.Count && !ended; p++)
            {
                var page = pages[p];
                var lines = page.Lines;
                var top = p == headerPage ? header.Bottom : double.MinValue;
                // A repeated header sits at the top of the page.
                if (p > headerPage && FindHeader(lines.Where(l => l[0].Y0 < page.Height * 0.4).ToList()) is { } repeated)
                {
                    if (repeated.Cells.Count != n)
                    {
                        // Another table's header: this table ended on the page before.
                        End = (p, repeated.Top - 0.1);
                        break;
                    }
                    top = repeated.Bottom;
                }
                lines = lines.Where(l => l[0].Y0 > top - 0.5 && !IsPageNumber(l, page)).ToList();

                var segment = new List<List<PdfWord>>();
                // A page opening right after a section row continues no cell.
                var firstSegment = p > headerPage && !IsSectionRow(texts.Count - 1);
                double? lastBottom = null;
                // The line above the segment's first row (header or section row), when known: rows are measured from it.
                double? ceiling = top > double.MinValue ? top : null;
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    if (lastBottom is { } lb && line[0].Y0 - lb > 3 * line[0].H && texts.Count > 1) { ended = true; End = (p, line[0].Y0 - 0.1); break; }
                    // Words in the TT column that are no TT value ("Nơi nhận:") are the text after the table.
                    if (cols[0] == Col.Tt && ColumnOf(line[0]) == 0 && line[0].Text.Length > 2 && line[0].Text.Any(char.IsLetter) && !Codes.LooksLikeTt(line[0].Text.TrimEnd('.')))
                    {
                        ended = true;
                        End = (p, line[0].Y0 - 0.1);
                        break;
                    }
                    if (IsSectionLine(line) || Crosses(line)
                        || IsLoneSectionCode(line, segment.Count > 0 ? segment[^1] : null, i + 1 < lines.Count ? lines[i + 1] : null))
                    {
                        var code = line[0].Text.TrimEnd('.');
                        if (ColumnOf(line[0]) != 0 || code.Length == 0 || code.Contains('.') || !Codes.LooksLikeTt(code) || IsPlanSection(line))
                        {
                            ended = true;
                            End = (p, line[0].Y0 - 0.1);
                            break;
                        }
                        // A long section title wraps onto lines that cross the columns too, or stay in its
                        // column in capitals ("… VÀ HIỆN ĐẠI HÓA / NỀN HÀNH CHÍNH"); a centred "II" may sit on
                        // a middle line of it, so its first lines can already be in the segment.
                        var title = new List<PdfWord>();
                        while (segment.Count > 0 && IsTitleLine(segment[^1]) && line[0].Y0 - segment[^1].Max(w => w.Y1) < 0.5 * line[0].H * (title.Count + 1))
                        {
                            title.InsertRange(0, segment[^1]);
                            segment.RemoveAt(segment.Count - 1);
                        }
                        AddSegment(segment, firstSegment, ceiling, (title.Count > 0 ? title : line).Min(w => w.Y0));
                        segment = [];
                        firstSegment = false;
                        title.AddRange(line.Skip(1));
                        while (i + 1 < lines.Count && lines[i + 1][0].Y0 - lines[i].Max(w => w.Y1) < 0.5 * line[0].H
                               && (Crosses(lines[i + 1]) || IsTitleLine(lines[i + 1])))
                            title.AddRange(lines[++i]);
                        AddSection(code, string.Join(" ", title.Select(w => w.Text)));
                        lastBottom = lines[i].Max(w => w.Y1);
                        ceiling = lastBottom;
                        continue;
                    }
                    segment.Add(line);
                    lastBottom = line.Max(w => w.Y1);
                }
                if (!ended || segment.Count > 0) AddSegment(segment, firstSegment, ceiling, null);
            }
            if (texts.Count < 2) return null;
            return new SourceTable(index, texts.Select(r => (IReadOnlyList<string>)r).ToList(), continued.Select(r => (IReadOnlyList<bool>)r).ToList());
        }

        /// <summary>Between two header cells, the middle of the widest x-run with the fewest body words.</summary>
        private double[] Boundaries()
        {
            // The first body lines (up to 60), until another table's header: later tables have other columns.
            // Section titles ("I  CÔNG TÁC TRIỂN KHAI …") run across the gutters: they are left out.
            var body = new List<PdfWord>();
            var count = 0;
            for (var p = headerPage; p < pages.Count && count < 60; p++)
            {
                var lines = p > headerPage ? pages[p].Lines : LinesOf(pages[p].Words.Where(w => w.Y0 > header.Bottom));
                for (var i = 0; i < lines.Count && count < 60; i++)
                {
                    // A header here that is not this table's repeated one starts another table.
                    if (lines[i].Any(w => KeywordStart(w.Text)) && FindHeader(lines.GetRange(i, Math.Min(8, lines.Count - i))) is { } other
                        && other.Top <= lines[i][0].Y1 && !(p > headerPage && other.Cells.Count == header.Cells.Count))
                    {
                        count = 60;
                        break;
                    }
                    if (LooksLikeSection(lines[i])) continue;
                    body.AddRange(lines[i]);
                    count++;
                }
            }
            var cells = header.Cells;
            var result = new double[cells.Count - 1];
            for (var k = 0; k + 1 < cells.Count; k++)
            {
                double lo = cells[k].X1, hi = cells[k + 1].X0;
                if (hi - lo < 1) { result[k] = (lo + hi) / 2; continue; }
                var near = body.Where(w => w.X1 > lo && w.X0 < hi).ToList();
                int? best = null;
                double bestStart = lo, bestLength = -1, runStart = lo;
                int? runValue = null;
                for (var x = lo; x <= hi + 0.5; x += 0.5)
                {
                    var cover = x > hi ? int.MaxValue : near.Count(w => w.X0 < x && w.X1 > x);
                    if (cover != runValue)
                    {
                        if (runValue is { } v && (best is null || v < best || (v == best && x - runStart > bestLength)))
                            (best, bestStart, bestLength) = (v, runStart, x - runStart);
                        (runValue, runStart) = (cover, x);
                    }
                }
                result[k] = bestStart + Math.Max(0, bestLength - 0.5) / 2;
            }
            return result;
        }

        private int ColumnOf(PdfWord w)
        {
            var c = 0;
            while (c < bounds.Length && w.Xc > bounds[c]) c++;
            return c;
        }

        /// <summary>"II  CẢI CÁCH THỂ CHẾ": a roman numeral or letter alone in the first column and a title
        /// (not an item) after it; a short title may fit in one column, so crossing is not required.</summary>
        /// In a table without a TT column the numeral opens the first cell's text ("II. Cải cách chế / độ công vụ"
        /// over the task and activity columns), so its title may start in the first column too.
        private bool IsSectionLine(List<PdfWord> line) =>
            LooksLikeSection(line) && ColumnOf(line[0]) == 0
            && (!line.Skip(1).Any(w => ColumnOf(w) == 0) || (cols[0] != Col.Tt && line[0].Text.EndsWith('.')));

        /// <summary>"III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ": the plan's sections after its task table, never an area
        /// row of it; a short one fits the table's width, so only its words tell.</summary>
        private static bool IsPlanSection(List<PdfWord> line) =>
            PlanSectionTitle().IsMatch(string.Join(" ", line.Skip(1).Select(w => w.Text)));

        /// <summary>A roman numeral alone on its line, centred beside a title wrapped over an even number of lines.</summary>
        private bool IsLoneSectionCode(List<PdfWord> line, List<PdfWord>? before, List<PdfWord>? after) =>
            line.Count == 1 && ColumnOf(line[0]) == 0 && Codes.IsRoman(line[0].Text.TrimEnd('.'))
            && before is not null && after is not null && IsTitleLine(before) && IsTitleLine(after);

        /// <summary>A line of a section title wrapped in its column: capitals starting in the second column.</summary>
        private bool IsTitleLine(List<PdfWord> line) =>
            ColumnOf(line[0]) == 1 && line.SelectMany(w => w.Text).Where(char.IsLetter).All(char.IsUpper)
            && line.Count(w => w.Text.Count(char.IsLetter) >= 2) >= 1;

        private static bool LooksLikeSection(List<PdfWord> line)
        {
            var code = line[0].Text.TrimEnd('.');
            if (line.Count < 2 || (!Codes.IsRoman(code) && !(code.Length == 1 && char.IsUpper(code[0])))) return false;
            var rest = string.Join(" ", line.Skip(1).Select(w => w.Text));
            return !Codes.StartsWithCode(rest, 1) && !Codes.StartsWithCode(rest, 2) && !Codes.StartsWithCode(rest, 3);
        }

        /// <summary>A word reaching well across a column boundary: a section title or text after the table.</summary>
        private bool Crosses(List<PdfWord> line) => line.Any(w => bounds.Any(b => w.X0 < b - 2 && w.X1 > b + 2));

        private static bool IsPageNumber(List<PdfWord> line, PdfPage page) =>
            line.Count <= 3 && (line[0].Y0 > page.Height * 0.92 || line[^1].Y1 < page.Height * 0.08)
            && line.Any(w => w.Text.Any(char.IsDigit)) && line.All(w => w.Text.All(c => char.IsDigit(c) || c is '-' or '/' or '.') || w.Text.Equals("Trang", StringComparison.OrdinalIgnoreCase));

        private bool IsSectionRow(int r) => r > 0 && continued[r].Skip(2).All(x => x) && continued[r].Length > 2 && texts[r][1] == texts[r][^1];

        private void AddSection(string code, string title)
        {
            var n = cols.Length;
            var row = new string[n];
            var cont = new bool[n];
            row[0] = code;
            for (var c = 1; c < n; c++) { row[c] = title; cont[c] = c > 1; }
            texts.Add(row);
            continued.Add(cont);
        }

        /// <summary>A cell's lines in one column; its measures are read many times while rows are placed, so they
        /// are computed once (the lines are complete when the block is made).</summary>
        private sealed class Block(List<List<PdfWord>> lines)
        {
            public double Y0 { get; } = lines[0].Min(w => w.Y0);
            public double Y1 { get; } = lines[^1].Max(w => w.Y1);
            public double Yc => (Y0 + Y1) / 2;
            public double H { get; } = lines[0].Max(w => w.H);
            public string Text { get; } = string.Join(" ", lines.SelectMany(l => l).Select(w => w.Text));
        }

        /// <summary>Turns a run of body lines (between sections or page edges) into rows.</summary>
        private void AddSegment(List<List<PdfWord>> lines, bool atPageTop, double? ceiling, double? floor)
        {
            if (lines.Count == 0) return;
            var n = cols.Length;
            var h = Median(lines.SelectMany(l => l).Select(w => w.H));
            var blocks = new List<Block>[n];
            var pitch = LinePitch(lines, h);
            for (var c = 0; c < n; c++) blocks[c] = Blocks(lines, c, h, pitch);

            // Row boundaries: the gaps between cells of the leaf column, moved to free space when there is some.
            var edges = new List<double> { Math.Min(ceiling ?? double.MaxValue, lines[0].Min(w => w.Y0) - 0.1) };
            var leafBlocks = blocks[leaf];
            // At a page top, text above the first leaf cell is the rest of the row the page break cut
            // (the leaf cell itself ended on the page before): it gets a row of its own, joined back below.
            var cutRow = false;
            if (atPageTop && leafBlocks.Count > 0 && LeafCoded() && !OpensItem(leaf, leafBlocks[0].Text))
            {
                // The leaf cell itself runs on from the page before: its rest is the first row.
                cutRow = true;
            }
            else if (atPageTop && leafBlocks.Count > 0)
            {
                var firstLeaf = leafBlocks[0];
                var above = blocks.SelectMany(x => x).Where(x => x.Y1 - Shrink * x.H < firstLeaf.Y0 + Shrink * firstLeaf.H).ToList();
                if (above.Count > 0)
                {
                    edges.Add(FreeSpot(above.Max(x => x.Y1 - Shrink * x.H), firstLeaf.Y0 + Shrink * firstLeaf.H, blocks, null, firstLeaf));
                    cutRow = true;
                }
            }
            for (var i = 0; i + 1 < leafBlocks.Count; i++)
                edges.Add(FreeSpot(GapBetween(blocks, leafBlocks[i], leafBlocks[i + 1], h), blocks, leafBlocks[i], leafBlocks[i + 1]));
            edges.Add(Math.Max(floor ?? double.MinValue, lines[^1].Max(w => w.Y1) + 0.1));
            var rows = edges.Count - 1;
            double Top(int r) => edges[r];
            double Bottom(int r) => edges[r + 1];

            var topAligned = IsTopAligned(blocks, edges, h);
            // Where each row's text starts (its tallest or top-aligned cells): "starts at the top of its row".
            var textTop = Enumerable.Range(0, rows).Select(r => blocks.SelectMany(x => x)
                .Where(x => x.Y0 >= Top(r) - 0.5 && x.Y0 < Bottom(r)).Select(x => x.Y0).DefaultIfEmpty(Top(r)).Min()).ToArray();
            var rowText = new string[rows, n];
            var rowCont = new bool[rows, n];
            var owned = new bool[rows, n];
            for (var c = 0; c < n; c++)
            {
                var merge = cols[c] is { } col && MergeCols.Contains(col);
                var list = blocks[c];
                var prevEnd = cutRow ? 0 : -1;
                for (var b = 0; b < list.Count; b++)
                {
                    var block = list[b];
                    if (cutRow && block.Yc < edges[1])
                    {
                        // The rest of a cell cut by the page break: only the first row, never spanned.
                        rowText[0, c] = owned[0, c] ? rowText[0, c] + " " + Text.Clean(block.Text) : Text.Clean(block.Text);
                        owned[0, c] = true;
                        continue;
                    }
                    if (atPageTop && b == 0 && cols[c] is Col.Target or Col.Task && texts.Count > 1
                        && !Codes.StartsWithCode(block.Text, cols[c] == Col.Target ? 1 : 2))
                    {
                        // A merged target or task cell whose text ran on past the page break: the rows up to the
                        // next cell continue it (filled in below).
                        AppendToOwner(c, Text.Clean(block.Text));
                        continue;
                    }
                    var over = Enumerable.Range(0, rows).Where(r => block.Y0 + Shrink * block.H < Bottom(r) && block.Y1 - Shrink * block.H > Top(r)).ToList();
                    var first = over.Count > 0 ? over[0] : Math.Clamp(edges.FindLastIndex(e => e <= block.Yc), 0, rows - 1);
                    var last = over.Count > 0 ? over[^1] : first;
                    if (b > 0 && over.Count == 1 && over[0] == prevEnd && rowCont[prevEnd, c] == false
                        && OneCell(list[b - 1], block, Top(prevEnd), Bottom(prevEnd), textTop[prevEnd], h))
                    {
                        // A further paragraph of the cell above, inside that cell's row: the same cell.
                        rowText[prevEnd, c] += (cols[c] is Col.Lead or Col.Support ? "\n" : " ") + Text.Clean(block.Text);
                        continue;
                    }
                    first = Math.Max(first, prevEnd + 1);
                    last = Math.Max(last, first);
                    if (first >= rows) first = last = rows - 1;
                    var nextFirst = rows;
                    if (b + 1 < list.Count)
                    {
                        var nb = list[b + 1];
                        var nf = Enumerable.Range(0, rows).FirstOrDefault(r => nb.Y0 + Shrink * nb.H < Bottom(r) && nb.Y1 - Shrink * nb.H > Top(r), rows);
                        nextFirst = Math.Max(nf, last + 1);
                    }
                    var (s, e) = (first, last);
                    // TT, target and task cells spanning rows are often top-aligned even in a centred table
                    // (LibreOffice, many Word files): text starting at its row's top runs down to the next cell.
                    var itemCol = cols[c] is Col.Tt or Col.Target or Col.Task;
                    var nextAtTop = b + 1 >= list.Count || nextFirst >= rows || list[b + 1].Y0 - textTop[nextFirst] < 0.8 * h;
                    // Rows left above it in this column mean it is centred on a span that includes them.
                    if (topAligned || (itemCol && first == prevEnd + 1 && block.Y0 - textTop[first] < 0.8 * h && nextAtTop))
                    {
                        if (merge) e = nextFirst - 1;
                    }
                    else
                    {
                        // The span whose middle is nearest the text's middle: a merged cell is centred on its rows.
                        var bestScore = double.MaxValue;
                        for (var ss = prevEnd + 1; ss <= first; ss++)
                        for (var ee = last; ee < nextFirst; ee++)
                        {
                            var score = Math.Abs((Top(ss) + Bottom(ee)) / 2 - block.Yc);
                            var tolerance = (merge ? 0.75 : 0.25) * h;
                            var better = score < bestScore - tolerance
                                || (Math.Abs(score - bestScore) <= tolerance && (merge ? ee - ss > e - s : ee - ss < e - s));
                            if (better) { (bestScore, s, e) = (Math.Min(score, bestScore), ss, ee); }
                        }
                    }
                    var text = Text.Clean(block.Text);
                    for (var r = s; r <= e; r++)
                    {
                        // Paragraphs of one lead or support cell are one body each, as in a DOCX cell.
                        if (owned[r, c]) { rowText[r, c] += (cols[c] is Col.Lead or Col.Support ? "\n" : " ") + text; continue; }
                        owned[r, c] = true;
                        rowText[r, c] = text;
                        rowCont[r, c] = r > s;
                    }
                    prevEnd = e;
                }
                // A merged column's rows at a page top with no text of their own continue the cell above.
                if (atPageTop && merge)
                    for (var r = cutRow ? 1 : 0; r < rows && !owned[r, c]; r++) { owned[r, c] = true; rowCont[r, c] = true; rowText[r, c] = ""; }
            }

            for (var r = 0; r < rows; r++)
            {
                var row = new string[n];
                var cont = new bool[n];
                for (var c = 0; c < n; c++) { row[c] = rowText[r, c] ?? ""; cont[c] = rowCont[r, c]; }
                // The first row of a page that opens no item is the rest of the row cut by the page break.
                if (r == 0 && atPageTop && texts.Count > 1 && !OpensItem(row, cont))
                {
                    JoinToPrevious(row, cont);
                    continue;
                }
                texts.Add(row);
                continued.Add(cont);
            }
        }

        /// <summary>Whether this table numbers its leaf cells ("3.1", "2.4"): most leaf cells read so far open with a code.</summary>
        private bool LeafCoded()
        {
            var cells = texts.Skip(1).Where((r, i) => !continued[i + 1][leaf] && r[leaf].Length > 0 && !IsSectionRow(i + 1)).Select(r => r[leaf]).ToList();
            return cells.Count > 0 && cells.Count(c => OpensItem(leaf, c)) >= 0.8 * cells.Count;
        }

        private bool OpensItem(int c, string text) => cols[c] switch
        {
            Col.Tt => Codes.LooksLikeTt(text.TrimEnd('.')),
            Col.Target => Codes.StartsWithCode(text, 1),
            Col.Task => Codes.StartsWithCode(text, 2),
            Col.Activity => Codes.StartsWithCode(text, 3),
            _ => false,
        };

        private bool OpensItem(string[] row, bool[] cont)
        {
            for (var c = 0; c < cols.Length; c++)
            {
                if (!cont[c] && row[c].Length > 0 && OpensItem(c, row[c])) return true;
            }
            return false;
        }

        private void JoinToPrevious(string[] row, bool[] cont)
        {
            for (var c = 0; c < cols.Length; c++)
            {
                if (cont[c] || row[c].Length == 0) continue;
                AppendToOwner(c, row[c]);
            }
        }

        /// <summary>Appends to the cell that owns column c: the nearest row above that is not continued.</summary>
        private void AppendToOwner(int c, string text)
        {
            var r = texts.Count - 1;
            while (r > 0 && continued[r][c]) r--;
            if (r <= 0) return;
            texts[r][c] = (texts[r][c] + " " + text).Trim();
        }

        /// <summary>Cells of one column: its words line by line, split where lines are apart by more than
        /// a third of a line or where a TT value, target or task code opens a line.</summary>
        /// <summary>The usual distance between two lines of one cell (single, 1.15, 1.5 spacing …): the most
        /// common step between consecutive lines of a column.</summary>
        private double LinePitch(List<List<PdfWord>> lines, double h)
        {
            var steps = new List<double>();
            for (var c = 0; c < cols.Length; c++)
            {
                var ys = lines.Where(l => l.Any(w => ColumnOf(w) == c)).Select(l => l.Where(w => ColumnOf(w) == c).Min(w => w.Y0)).ToList();
                for (var i = 1; i < ys.Count; i++)
                    if (ys[i] - ys[i - 1] < 2.5 * h) steps.Add(ys[i] - ys[i - 1]);
            }
            return steps.Count == 0 ? h : Math.Max(0.8 * h, Median(steps));
        }

        private List<Block> Blocks(List<List<PdfWord>> lines, int c, double h, double pitch)
        {
            var cells = new List<List<List<PdfWord>>>();
            List<List<PdfWord>>? current = null;
            foreach (var line in lines)
            {
                var words = line.Where(w => ColumnOf(w) == c).ToList();
                if (words.Count == 0) continue;
                var text = string.Join(" ", words.Select(w => w.Text));
                var opens = cols[c] switch
                {
                    Col.Tt => Codes.LooksLikeTt(words[0].Text.TrimEnd('.')),
                    Col.Target => Codes.StartsWithCode(text, 1),
                    Col.Task => Codes.StartsWithCode(text, 2),
                    _ => false,
                };
                if (current is null || opens || words.Min(w => w.Y0) - current[^1].Min(w => w.Y0) > pitch + 0.3 * h)
                {
                    current = [];
                    cells.Add(current);
                }
                current.Add(words);
            }
            return cells.Select(c => new Block(c)).ToList();
        }

        /// <summary>A row boundary between two leaf cells: where the fewest other cells lie (glyph boxes shrunk,
        /// so cells packed with no padding still leave a gap), nearest the middle of the gap. A cell aligned
        /// with either leaf cell (same top, or same middle) is that row's own cell and is cut only as a last
        /// resort; a merged cell spanning both rows may be cut.</summary>
        private static double FreeSpot((double Lo, double Hi) gap, List<Block>[] blocks, Block? upper, Block? lower) =>
            FreeSpot(gap.Lo, gap.Hi, blocks, upper, lower);

        private static double FreeSpot(double lo, double hi, List<Block>[] blocks, Block? upper, Block? lower)
        {
            var mid = (lo + hi) / 2;
            if (hi - lo < 1) return mid;
            bool AlignedWith(Block x, Block? leaf) => leaf is not null && x != leaf
                && (Math.Abs(x.Y0 - leaf.Y0) < 0.5 * leaf.H || Math.Abs(x.Yc - leaf.Yc) < 0.5 * leaf.H);
            var covers = blocks.SelectMany(b => b)
                .Select(b => (Y0: b.Y0 + Shrink * b.H, Y1: b.Y1 - Shrink * b.H, Weight: AlignedWith(b, upper) || AlignedWith(b, lower) ? 10 : 1))
                .Where(b => b.Y1 > lo && b.Y0 < hi).ToList();
            (int Count, double From, double To)? best = null;
            (int Count, double From)? run = null;
            void Close(double to)
            {
                if (run is not { } r) return;
                double Distance(double f, double t) => Math.Max(0, Math.Max(f - mid, mid - t));
                if (best is not { } b || r.Count < b.Count || (r.Count == b.Count && Distance(r.From, to) < Distance(b.From, b.To)))
                    best = (r.Count, r.From, to);
            }
            for (var y = lo; y <= hi; y += 0.5)
            {
                var count = covers.Where(c => c.Y0 < y && c.Y1 > y).Sum(c => c.Weight);
                if (run is { } r && r.Count == count) continue;
                Close(y);
                run = (count, y);
            }
            Close(hi);
            return best is { } found ? (found.From + found.To) / 2 : mid;
        }

        /// <summary>The gap between two leaf cells where the row boundary may lie, narrowed by paragraphs of other cells
        /// that lie in it: a cell of several paragraphs (support bodies one per paragraph in a narrow column) that is
        /// centred on a leaf cell only with its paragraph in the gap keeps that paragraph in its row.</summary>
        private (double Lo, double Hi) GapBetween(List<Block>[] blocks, Block upper, Block lower, double h)
        {
            var (lo, hi) = (upper.Y1, lower.Y0);
            for (var c = 0; c < blocks.Length; c++)
            {
                if (c == leaf) continue;
                var list = blocks[c];
                for (var k = 0; k + 1 < list.Count; k++)
                {
                    var (a, b) = (list[k], list[k + 1]);
                    if (Overlaps(a, upper) && b.Y0 < lower.Y0 - 0.5 * h && b.Y1 > upper.Y1 && CentredOn(a.Y0, b.Y1, upper)) lo = Math.Max(lo, b.Y1);
                    if (Overlaps(b, lower) && a.Y1 > upper.Y1 + 0.5 * h && a.Y0 < lower.Y0 && CentredOn(a.Y0, b.Y1, lower)) hi = Math.Min(hi, a.Y0);
                }
            }
            return lo < hi ? (lo, hi) : (upper.Y1, lower.Y0);

            static bool Overlaps(Block x, Block l) => x.Y0 < l.Y1 && x.Y1 > l.Y0;
            static bool CentredOn(double y0, double y1, Block l) => Math.Abs((y0 + y1) / 2 - l.Yc) < 0.5 * l.H;
        }

        /// <summary>Two paragraphs of one column in one row are one cell when together they sit as a cell does: centred
        /// on the row, or starting at the top of its text.</summary>
        private static bool OneCell(Block above, Block below, double top, double bottom, double textTop, double h) =>
            Math.Abs((above.Y0 + below.Y1) / 2 - (top + bottom) / 2) < 0.75 * h || Math.Abs(above.Y0 - textTop) < 0.5 * h;

        /// <summary>Top-aligned cells leave their slack below the text; centred cells split it.</summary>
        private static bool IsTopAligned(List<Block>[] blocks, List<double> edges, double h)
        {
            var above = new List<double>();
            var below = new List<double>();
            foreach (var b in blocks.SelectMany(x => x))
            {
                var r = edges.FindLastIndex(e => e <= b.Y0 + 0.5);
                if (r < 0 || r + 1 >= edges.Count || b.Y1 > edges[r + 1] + 0.5) continue;
                var (a, d) = (b.Y0 - edges[r], edges[r + 1] - b.Y1);
                if (a + d < 1.5 * h) continue;
                above.Add(a);
                below.Add(d);
            }
            if (above.Count == 0) return true;
            return Median(above) < 0.5 * Median(below);
        }

        private static double Median(IEnumerable<double> values)
        {
            var v = values.OrderBy(x => x).ToList();
            return v.Count == 0 ? 0 : v[v.Count / 2];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(TỔ CHỨC THỰC HIỆN|KINH PHÍ|CHẾ ĐỘ BÁO CÁO|TRÁCH NHIỆM|ĐIỀU KHOẢN)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PlanSectionTitle();
}
