using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParTrack.Import.Parsing;
using Text = ParTrack.Import.Parsing.Text;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ParTrack.Import.Reading;

/// <summary>
/// DOCX: body paragraphs in order become lines; each top-level w:tbl becomes a table with gridSpan and
/// vMerge expanded (<see cref="TableGrid"/>) and also one pipe line per row, as for HTML. Tables nested
/// in a cell are flattened into the cell's text. Before the SDK touches the package, the zip is checked
/// by <see cref="ZipPackage.Check"/> so a zip bomb is refused quickly.
/// </summary>
internal static class DocxReader
{
    internal const string Corrupt = "Tệp DOCX bị hỏng hoặc không đầy đủ; hãy mở bằng Word, lưu lại rồi tải lên lại.";
    private const string Bomb = "Tệp DOCX có nội dung nén bất thường (giải nén quá lớn); tệp có thể bị hỏng hoặc độc hại, hãy lưu lại từ Word rồi tải lên lại.";

    public static SourceDocument Read(byte[] content, List<ImportWarning> warnings)
    {
        ZipPackage.Check(content, Corrupt, Bomb);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new ImportException("Tệp DOCX không có nội dung văn bản (thiếu word/document.xml); hãy kiểm tra lại tệp.");
            var lines = new List<string>();
            var tables = new List<SourceTable>();
            ReadBlocks(body.ChildElements, lines, tables);
            return new SourceDocument(SourceFormat.Docx, lines, tables);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                      or FileFormatException or InvalidOperationException)
        {
            throw new ImportException(Corrupt);
        }
    }

    private static void ReadBlocks(IEnumerable<OpenXmlElement> elements, List<string> lines, List<SourceTable> tables)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph p:
                    foreach (var line in DocumentReader.SplitLines(ParagraphText(p)))
                    {
                        var clean = Text.Clean(line);
                        if (clean.Length > 0) lines.Add(clean);
                    }
                    break;
                case Table t:
                    ReadTable(t, lines, tables);
                    break;
                case SdtBlock sdt:
                    ReadBlocks(sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>(), lines, tables);
                    break;
                case CustomXmlBlock custom:
                    ReadBlocks(custom.ChildElements, lines, tables);
                    break;
            }
        }
    }

    private static void ReadTable(Table table, List<string> lines, List<SourceTable> tables)
    {
        var grid = new TableGrid();
        var any = false;
        foreach (var row in RowsOf(table))
        {
            any = true;
            grid.AddRow();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            if (before > 0) grid.Skip(before);
            var pipe = new StringBuilder();
            foreach (var cell in CellsOf(row))
            {
                var props = cell.TableCellProperties;
                var span = props?.GridSpan?.Val?.Value ?? 1;
                var merge = props?.VerticalMerge;
                // <w:vMerge/> without a value, or val="continue", continues the cell above.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                if (continues)
                {
                    grid.PlaceContinuation(span);
                    pipe.Append(" | ");
                }
                else
                {
                    var text = CellText(cell);
                    grid.Place(text, 1, span);
                    pipe.Append(text.Replace('\n', ' ')).Append(" | ");
                }
            }
            var rowLine = Text.Clean(pipe.ToString());
            if (rowLine.Trim('|', ' ').Length > 0) lines.Add(rowLine);
        }
        if (any) tables.Add(grid.ToTable(tables.Count + 1));
    }

    // Rows and cells may sit inside content controls or custom XML wrappers.
    private static IEnumerable<TableRow> RowsOf(Table table) =>
        table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().FirstOrDefault() == table);

    private static IEnumerable<TableCell> CellsOf(TableRow row) =>
        row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().FirstOrDefault() == row);

    /// <summary>Paragraphs of a cell, one per line; a nested table's rows are flattened into lines.</summary>
    private static string CellText(TableCell cell)
    {
        var lines = new List<string>();
        foreach (var p in cell.Descendants<Paragraph>())
        {
            foreach (var line in DocumentReader.SplitLines(ParagraphText(p)))
            {
                var clean = Text.Clean(line);
                if (clean.Length > 0) lines.Add(clean);
            }
        }
        return string.Join("\n", lines);
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case WordText t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }
}
