using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;

// Column boundaries (the gutters between header cells) and what a line is: section row, page number, text after the table.
internal static partial class PdfWordTable
{
    private sealed partial class Builder
    {
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
        /// (not an item) after it; a short title may fit in one column, so crossing is not required. In a table
        /// without a TT column the numeral opens the first cell's text ("II. Cải cách chế / độ công vụ" over the
        /// task and activity columns), so its title may start in the first column too.</summary>
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

    }
}
