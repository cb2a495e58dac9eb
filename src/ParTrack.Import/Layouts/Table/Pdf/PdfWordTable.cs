using System.Text.RegularExpressions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Table;


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

    [GeneratedRegex(@"^(TỔ CHỨC THỰC HIỆN|KINH PHÍ|CHẾ ĐỘ BÁO CÁO|TRÁCH NHIỆM|ĐIỀU KHOẢN)", RegexOptions.IgnoreCase)]
    private static partial Regex PlanSectionTitle();
}
