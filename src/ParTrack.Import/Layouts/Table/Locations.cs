namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// Where a text line is, for warnings: "dòng N", or "trang P, dòng N" when the text keeps
/// pdftotext's form feeds between pages.
/// </summary>
internal sealed class Locations
{
    private readonly int[]? pageOfLine;

    public Locations(IReadOnlyList<string> lines)
    {
        if (!lines.Any(l => l.Contains('\f'))) return;
        pageOfLine = new int[lines.Count];
        var page = 1;
        for (var i = 0; i < lines.Count; i++)
        {
            // A form feed at the start of a line opens the next page.
            page += lines[i].TakeWhile(c => c == '\f').Count();
            pageOfLine[i] = page;
            page += lines[i].SkipWhile(c => c == '\f').Count(c => c == '\f');
        }
    }

    /// <summary>Location of the 1-based line number.</summary>
    public string Of(int lineNumber) =>
        pageOfLine is not null && lineNumber >= 1 && lineNumber <= pageOfLine.Length
            ? $"trang {pageOfLine[lineNumber - 1]}, dòng {lineNumber}"
            : $"dòng {lineNumber}";
}
