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
