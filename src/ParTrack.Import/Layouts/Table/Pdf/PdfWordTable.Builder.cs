using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

// One table from its header to its end: pages, section rows, where it ends.
internal static partial class PdfWordTable
{
    private sealed partial class Builder(IReadOnlyList<PdfPage> pages, int headerPage, Header header, int index)
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

    }
}
