namespace ParTrack.Import.Reading;

/// <summary>
/// The first visible sheet of an uploaded XLSX as rows of cell text, read with the importer's bounds: the zip
/// is checked for bombs before the SDK opens it, the sheet XML is streamed, at most
/// <see cref="XlsxReader.MaxCells"/> cells with text, columns up to <see cref="XlsxReader.MaxColumns"/> and rows
/// up to <see cref="MaxRows"/>. Every XLSX the web app reads outside the importer (criteria sets, survey
/// scores) comes through here, so a 1.5 KB file padded with column references cannot make the server allocate
/// hundreds of MB. Refusals are <see cref="ImportException"/> with a Vietnamese message.
/// </summary>
public static class XlsxRows
{
    public const int MaxRows = 100_000;

    /// <summary>Row r (0-based) holds the cells of sheet row r + 1, column c of the list is sheet column c + 1.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FirstSheet(byte[] content) => XlsxReader.FirstSheetRows(content);
}

internal static partial class XlsxReader
{
    internal static IReadOnlyList<IReadOnlyList<string>> FirstSheetRows(byte[] content)
    {
        ZipPackage.Check(content, Corrupt, Bomb);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart ?? throw new ImportException(Corrupt);
            var workbook = book.Workbook ?? throw new ImportException(Corrupt);
            var sheet = workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault(s => s.State is null
                || s.State.Value == DocumentFormat.OpenXml.Spreadsheet.SheetStateValues.Visible);
            if (sheet?.Id?.Value is not { } id || !book.TryGetPartById(id, out var part) || part is not DocumentFormat.OpenXml.Packaging.WorksheetPart worksheet)
                return [];
            var cells = ReadSheet(worksheet, SharedStrings(book), NumberFormats(book), workbook.WorkbookProperties?.Date1904?.Value ?? false,
                sheet.Name?.Value ?? "");
            if (cells.Values.Count == 0) return [];
            var lastColumn = cells.Values.Keys.Max(k => k.Col);
            var lastRow = cells.Values.Keys.Max(k => k.Row);
            if (lastColumn > MaxColumns)
                throw new ImportException($"Trang tính có chữ ở cột thứ {lastColumn:N0}, quá {MaxColumns} cột; hãy dùng đúng tệp mẫu rồi tải lên lại.");
            if (lastRow > XlsxRows.MaxRows)
                throw new ImportException($"Trang tính có chữ ở dòng {lastRow:N0}, quá {XlsxRows.MaxRows:N0} dòng; hãy dùng đúng tệp mẫu rồi tải lên lại.");
            var rows = new List<IReadOnlyList<string>>(lastRow);
            IReadOnlyList<string> empty = [];
            foreach (var group in cells.Values.GroupBy(c => c.Key.Row).OrderBy(g => g.Key))
            {
                while (rows.Count < group.Key - 1) rows.Add(empty);
                var row = new string[group.Max(c => c.Key.Col)];
                Array.Fill(row, "");
                foreach (var ((_, col), text) in group) row[col - 1] = text;
                rows.Add(row);
            }
            return rows;
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException
                                      or IOException or FileFormatException or InvalidOperationException or FormatException
                                      or OverflowException or ArgumentException or KeyNotFoundException)
        {
            throw new ImportException(Corrupt);
        }
    }
}
