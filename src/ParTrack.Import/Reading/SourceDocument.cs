namespace ParTrack.Import.Reading;

/// <summary>
/// A document reduced to what the layouts need: its text lines (for text, PDF and prose layouts)
/// and, when the format has real tables (HTML, DOCX, XLSX), those tables with merged cells already
/// expanded so every row has the same number of cells.
/// </summary>
public sealed record SourceDocument(
    SourceFormat Format,
    IReadOnlyList<string> Lines,
    IReadOnlyList<SourceTable> Tables)
{
    /// <summary>For PDF: the index of the first line of pages 2, 3, … (empty for other formats).</summary>
    public IReadOnlyList<int> PageStarts { get; init; } = [];

    /// <summary>1-based page of a line, for warnings such as "trang 3"; null when the format has no pages.</summary>
    public int? PageOf(int lineIndex)
    {
        if (Format != SourceFormat.Pdf) return null;
        var page = 1;
        foreach (var start in PageStarts)
            if (lineIndex >= start) page++;
        return page;
    }
}

public enum SourceFormat { Text, Html, Docx, Pdf, Xlsx }

/// <summary>A real table. Rows hold cell texts; a vertically merged cell repeats its text and is marked in
/// <see cref="SourceTable.Continued"/>. Index counts tables from 1 in document order ("bảng 1" in warnings).</summary>
public sealed record SourceTable(int Index, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<IReadOnlyList<bool>> Continued);
