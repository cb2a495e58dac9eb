using System.Text;
using System.Text.RegularExpressions;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Reading;

/// <summary>
/// A plain-text file printed to PDF (a web page's table copied as text, then "Print to PDF" or LibreOffice's
/// export): every word in one fixed-width font, long lines wrapped at the right margin. Such a PDF must read
/// like the text itself, so its lines are rebuilt from the word boxes — each gap of n character widths is n
/// spaces — and a line the printer wrapped is joined back to the next: it was wrapped when the next line's
/// first word would not have fitted after it. (`pdftotext -layout` keeps the wrapped lines, and the table
/// layouts then see a cell broken into pieces: seed 000 printed gave 2 activities instead of 95.)
/// </summary>
internal static partial class PrintedText
{
    /// <summary>Share of words whose width per character must match the common one for the font to be fixed-width.</summary>
    private const double FixedShare = 0.95;

    /// <summary>The text with pages separated by form feeds (as `pdftotext` writes them), or null when the
    /// PDF is not set in one fixed-width font.</summary>
    public static string? Text(IReadOnlyList<PdfPage> pages)
    {
        if (CharWidth(pages) is not { } cw) return null;
        var lines = pages.Select(p => p.Lines).ToList();
        var all = lines.SelectMany(l => l).ToList();
        if (all.Count == 0) return null;
        var left = all.Min(l => l[0].X0);
        var right = all.Max(l => l[^1].X1);

        var text = new StringBuilder();
        for (var p = 0; p < lines.Count; p++)
        {
            if (p > 0) text.Append('\f');
            for (var i = 0; i < lines[p].Count; i++)
            {
                var line = lines[p][i];
                var next = i + 1 < lines[p].Count ? lines[p][i + 1] : p + 1 < lines.Count ? lines[p + 1].FirstOrDefault() : null;
                var wrapped = next is not null && line[^1].X1 + cw * (1 + next[0].Text.Length) > right + cw / 2
                    && !EndsLine(line[^1].Text, next[0].Text) && !OpensItem(next);
                // A continuation's own indent is the printer's, not the text's.
                var continues = text.Length > 0 && text[^1] is ' ' or '\u00AD';
                if (!continues) text.Append(' ', Math.Max(0, (int)Math.Round((line[0].X0 - left) / cw)));
                for (var w = 0; w < line.Count; w++)
                {
                    if (w > 0) text.Append(' ', Math.Max(1, (int)Math.Round((line[w].X0 - line[w - 1].X1) / cw)));
                    text.Append(line[w].Text);
                }
                // A word broken after its hyphen ("2021-" / "2030") is joined without a space.
                if (wrapped && line[^1].Text is [_, .., '-']) text.Append('\u00AD');
                else text.Append(wrapped ? ' ' : '\n');
            }
        }
        // The soft hyphen only marked a join without a space.
        return text.Replace("\u00AD", "").ToString();
    }

    /// <summary>Where geometry cannot tell (the next word would just not have fitted), the text decides: a
    /// cell's closing "|" or a sentence's end before a capital ends the line; wrapping them would merge table cells.</summary>
    private static bool EndsLine(string last, string next) =>
        last.EndsWith('|') || (last[^1] is '.' or ';' or '!' or '?' && char.IsUpper(next[0]));

    /// <summary>A line opening an item ("- …", "+ …", "2.1. …", "2.1 …", "II. …") starts a line of its own.
    /// (A lone "|" does not: it may be the wrapped end of a cell.)</summary>
    private static bool OpensItem(List<PdfWord> line) =>
        line[0].Text is "-" or "+" or "•" or "*" || ItemCode().IsMatch(line[0].Text);

    [GeneratedRegex(@"^(\d+\.|\d+(\.\d+)+\.?|[IVXLC]+\.)$")]
    private static partial Regex ItemCode();

    /// <summary>The one character width of a fixed-width font, or null when words of three or more characters
    /// differ in width per character (a proportional font, as Word and every office suite print documents).</summary>
    private static double? CharWidth(IReadOnlyList<PdfPage> pages)
    {
        var ratios = pages.SelectMany(p => p.Words).Where(w => w.Text.Length >= 3)
            .Select(w => (w.X1 - w.X0) / w.Text.Length).ToList();
        if (ratios.Count < 20) return null;
        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        if (median <= 0) return null;
        var same = ratios.Count(r => Math.Abs(r - median) <= 0.04 * median);
        return same >= FixedShare * ratios.Count ? median : null;
    }
}
