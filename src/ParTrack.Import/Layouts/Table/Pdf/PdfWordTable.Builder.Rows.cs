using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

// Rows of a run of body lines: boundaries between leaf cells, merged cells, rows cut by a page break.
internal static partial class PdfWordTable
{
    private sealed partial class Builder
    {
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

    }
}
