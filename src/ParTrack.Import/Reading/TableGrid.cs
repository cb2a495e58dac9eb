namespace ParTrack.Import.Reading;

/// <summary>
/// Builds a rectangular table from cells with row and column spans. A merged cell's text is repeated
/// in every grid position it covers; every position but its top-left one is marked continued — both
/// rows covered from above (rowspan/vMerge) and columns covered from the left (colspan/gridSpan), so a
/// reader that skips continued cells sees each merged cell once, and one that reads them all sees the text.
/// </summary>
internal sealed class TableGrid
{
    // Guards against absurd spans in hostile files; real plan tables have a few dozen rows and 8–10 columns.
    private const int MaxSpan = 1000, MaxColumns = 200;

    private readonly List<List<(string Text, bool Continued)?>> rows = [];

    private int current = -1;

    /// <summary>Starts the next row (it may already hold cells spanned down from above).</summary>
    public void AddRow()
    {
        current++;
        while (rows.Count <= current) rows.Add([]);
    }

    /// <summary>Places a cell in the current (last) row at the first free column; returns that column.</summary>
    public int Place(string text, int rowSpan, int colSpan)
    {
        var r = current;
        var c = FirstFree(r);
        rowSpan = Math.Clamp(rowSpan, 1, MaxSpan);
        colSpan = Math.Clamp(colSpan, 1, Math.Max(1, MaxColumns - c));
        for (var dr = 0; dr < rowSpan; dr++)
            for (var dc = 0; dc < colSpan; dc++)
                Set(r + dr, c + dc, (text, dr > 0 || dc > 0));
        return c;
    }

    /// <summary>A DOCX vMerge "continue" cell: repeats the text above it, marked continued.</summary>
    public void PlaceContinuation(int colSpan)
    {
        var r = current;
        var c = FirstFree(r);
        var above = r > 0 && c < rows[r - 1].Count ? rows[r - 1][c]?.Text ?? "" : "";
        colSpan = Math.Clamp(colSpan, 1, Math.Max(1, MaxColumns - c));
        for (var dc = 0; dc < colSpan; dc++) Set(r, c + dc, (above, true));
    }

    /// <summary>Empty positions before the first cell (DOCX gridBefore).</summary>
    public void Skip(int columns)
    {
        var r = current;
        for (var i = 0; i < Math.Min(columns, MaxColumns); i++) Set(r, FirstFree(r), ("", false));
    }

    public SourceTable ToTable(int index)
    {
        // Rows created only by a rowspan reaching past the last real row are dropped.
        if (rows.Count > current + 1) rows.RemoveRange(current + 1, rows.Count - current - 1);
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var texts = new List<IReadOnlyList<string>>();
        var continued = new List<IReadOnlyList<bool>>();
        foreach (var row in rows)
        {
            texts.Add(Enumerable.Range(0, width).Select(c => c < row.Count ? row[c]?.Text ?? "" : "").ToList());
            continued.Add(Enumerable.Range(0, width).Select(c => c < row.Count && (row[c]?.Continued ?? false)).ToList());
        }
        return new SourceTable(index, texts, continued);
    }

    private int FirstFree(int r)
    {
        var row = rows[r];
        var c = 0;
        while (c < row.Count && row[c] is not null) c++;
        return c;
    }

    private void Set(int r, int c, (string, bool) value)
    {
        while (rows.Count <= r) rows.Add([]);
        var row = rows[r];
        while (row.Count <= c) row.Add(null);
        row[c] ??= value;
    }
}
