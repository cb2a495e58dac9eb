using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The first visible sheet of an XLSX export, row by row (the sheet XML is streamed; only the shared-string table
/// is held). Cells formatted as dates become yyyy-MM-dd (HH:mm), so they read like the CSV's; the line number is
/// the sheet's row number.
/// </summary>
public static partial class XlsxRows
{
    private const string Corrupt = "Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ; hãy mở bằng Excel, lưu lại rồi tải lên lại.";

    public static IEnumerable<FileRow> Read(Stream stream)
    {
        SpreadsheetDocument doc;
        try { doc = SpreadsheetDocument.Open(stream, false); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new DossierFileException(Corrupt);
        }
        using (doc)
        {
            var book = doc.WorkbookPart ?? throw new DossierFileException(Corrupt);
            var sheet = book.Workbook?.Sheets?.Elements<Sheet>()
                .FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible);
            if (sheet?.Id?.Value is not { } id || !book.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                throw new DossierFileException("Tệp Excel không có trang tính nào hiển thị để đọc.");
            var strings = SharedStrings(book);
            var dates = DateStyles(book);
            using var reader = OpenXmlReader.Create(worksheet);
            var rowIndex = 0;
            while (reader.Read())
            {
                if (!reader.IsStartElement || reader.ElementType != typeof(Row)) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                rowIndex = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) : rowIndex + 1;
                var cells = Cells(row, strings, dates);
                if (cells.Any(c => c.Length > 0)) yield return new FileRow(rowIndex, cells);
            }
        }
    }

    private static string[] Cells(Row row, List<string> strings, HashSet<int> dates)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var col = Column(cell.CellReference?.Value) ?? cells.Count;
            if (col > 200) continue;   // a dossier export has ~20 columns; far cells are noise
            while (cells.Count < col) cells.Add("");
            cells.Add(Text(cell, strings, dates));
        }
        return [.. cells];
    }

    private static string Text(Cell cell, List<string> strings, HashSet<int> dates)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? raw;
        if (type == CellValues.Boolean) return raw;   // 1 / 0, as the contract's flags
        if (type is null || type == CellValues.Number)
        {
            var styled = cell.StyleIndex?.Value is { } s && dates.Contains((int)s);
            if (styled && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and <= 2_958_465)
            {
                var d = DateTime.FromOADate(serial);
                return d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            }
        }
        return raw;
    }

    /// <summary>"C12" → 2 (zero-based column).</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var col = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            col = col * 26 + (ch - 'A' + 1);
            if (col > 20_000) return null;
        }
        return col == 0 ? null : col - 1;
    }

    private static List<string> SharedStrings(WorkbookPart book)
    {
        var list = new List<string>();
        if (book.SharedStringTablePart is not { } part) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                list.Add(((SharedStringItem)reader.LoadCurrentElement()!).InnerText);
        return list;
    }

    /// <summary>Cell styles (cellXfs indexes) whose number format shows a date.</summary>
    private static HashSet<int> DateStyles(WorkbookPart book)
    {
        var stylesheet = book.WorkbookStylesPart?.Stylesheet;
        var custom = new Dictionary<uint, string>();
        foreach (var f in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (f.NumberFormatId?.Value is { } id) custom[id] = f.FormatCode?.Value ?? "";
        var styles = new HashSet<int>();
        var index = 0;
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            var isDate = custom.TryGetValue(id, out var code)
                ? FormatNoise().Replace(code, "").Split(';')[0].ToLowerInvariant().IndexOfAny(['d', 'y']) >= 0
                : id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 50 and <= 58);
            if (isDate) styles.Add(index);
            index++;
        }
        return styles;
    }

    /// <summary>Quoted text, escaped characters and [colour/locale] sections in a format code.</summary>
    [GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]")]
    private static partial Regex FormatNoise();
}
