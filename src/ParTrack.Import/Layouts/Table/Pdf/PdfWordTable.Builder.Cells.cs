using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

// Cells of one column (blocks of lines), line pitch, and where a row boundary lies between two leaf cells.
internal static partial class PdfWordTable
{
    private sealed partial class Builder
    {
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

        /// <summary>Cells of one column: its words line by line, split where lines are apart by more than
        /// a third of a line or where a TT value, target or task code opens a line.</summary>
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
}
