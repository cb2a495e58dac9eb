using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParTrack.Import.Layouts.Table;
using Text = ParTrack.Import.Parsing.Text;

namespace ParTrack.Import.Reading;

/// <summary>
/// XLSX: provinces often issue the framework annex (Phụ lục) as a workbook. Each visible worksheet, in
/// tab order, becomes one table in the same model as DOCX: merged ranges are expanded (the text repeated,
/// every position but the first marked continued), hidden sheets, rows and columns are skipped, and rows
/// and columns without any text of their own are dropped. The table starts at the framework header row
/// (or, without one, at the first row with two cells); rows above it ("PHỤ LỤC", "(Kèm theo Kế hoạch
/// số …)", the issuer and number side by side) and single-cell notes below it become text lines, so
/// the document fields can still be read. Numbers and dates are
/// rendered as text: 380, 1.1, 95%, 31/12/2024, Tháng 12/2024.
/// The sheet XML is streamed, and a sheet is refused past <see cref="MaxCells"/> cells with text.
/// </summary>
internal static partial class XlsxReader
{
    /// <summary>Cells with text per sheet; a real annex has a few thousand.</summary>
    public const int MaxCells = 200_000;

    /// <summary>Columns per sheet, as <see cref="TableGrid"/> allows; a framework table has 8–10.</summary>
    public const int MaxColumns = 200;

    /// <summary>Kept rows × kept columns per sheet, bounding the memory of the expanded grid.</summary>
    private const long MaxGrid = 2_000_000;

    internal const string Corrupt = "Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ; hãy mở bằng Excel, lưu lại rồi tải lên lại.";
    private const string Bomb = "Tệp Excel (.xlsx) có nội dung nén bất thường (giải nén quá lớn); tệp có thể bị hỏng hoặc độc hại, hãy lưu lại từ Excel rồi tải lên lại.";

    public static SourceDocument Read(byte[] content, List<ImportWarning> warnings)
    {
        ZipPackage.Check(content, Corrupt, Bomb);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart ?? throw new ImportException(Corrupt);
            var workbook = book.Workbook ?? throw new ImportException(Corrupt);
            var strings = SharedStrings(book);
            var formats = NumberFormats(book);
            var date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;

            var lines = new List<string>();
            var tables = new List<SourceTable>();
            foreach (var sheet in workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.State is not null && sheet.State.Value != SheetStateValues.Visible) continue;
                // Chart sheets and dangling ids have no cells to read.
                if (sheet.Id?.Value is not { } id || !book.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet) continue;
                var cells = ReadSheet(worksheet, strings, formats, date1904, sheet.Name?.Value ?? "");
                AddSheet(cells, lines, tables);
            }
            if (lines.Count == 0 && tables.Count == 0)
                throw new ImportException("Tệp Excel không có ô nào có chữ (các trang tính đều trống hoặc bị ẩn); hãy kiểm tra lại tệp.");
            return new SourceDocument(SourceFormat.Xlsx, lines, tables);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                      or FileFormatException or InvalidOperationException or FormatException
                                      or OverflowException or ArgumentException or KeyNotFoundException)
        {
            throw new ImportException(Corrupt);
        }
    }

    // ---- Reading one sheet

    /// <summary>A merged range, 1-based and inclusive.</summary>
    private sealed record Merge(int Top, int Left, int Bottom, int Right);

    /// <summary>The cells of a sheet with text, by (row, column), 1-based; plus merges and what is hidden.</summary>
    private sealed class SheetCells
    {
        public Dictionary<(int Row, int Col), string> Values { get; } = [];
        public List<Merge> Merges { get; } = [];
        public HashSet<int> HiddenRows { get; } = [];
        public List<(int Min, int Max)> HiddenColumns { get; } = [];

        public bool ColumnHidden(int c) => HiddenColumns.Any(h => c >= h.Min && c <= h.Max);
    }

    private static SheetCells ReadSheet(WorksheetPart part, List<string> strings, List<NumberKind> formats, bool date1904, string name)
    {
        var sheet = new SheetCells();
        var rowIndex = 0;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (!reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }
            // LoadCurrentElement leaves the reader on the next element, so do not Read() again after it.
            if (reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                rowIndex = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) : rowIndex + 1;
                if (row.Hidden?.Value == true) sheet.HiddenRows.Add(rowIndex);
                ReadRow(row, rowIndex, sheet, strings, formats, date1904, name);
            }
            else if (reader.ElementType == typeof(Column))
            {
                var col = (Column)reader.LoadCurrentElement()!;
                if (col.Hidden?.Value == true && col.Min?.Value is { } min)
                    sheet.HiddenColumns.Add(((int)min, (int)(col.Max?.Value ?? min)));
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (ParseRange(merge.Reference?.Value) is { } m) sheet.Merges.Add(m);
            }
            else
            {
                more = reader.Read();
                continue;
            }
            more = !reader.EOF;
        }
        return sheet;
    }

    private static void ReadRow(Row row, int rowIndex, SheetCells sheet, List<string> strings, List<NumberKind> formats, bool date1904, string name)
    {
        var col = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            col = ParseReference(cell.CellReference?.Value) is { } at ? at.Col : col + 1;
            var text = DocumentReader.CleanCell(CellText(cell, strings, formats, date1904));
            if (text.Length == 0) continue;
            if (sheet.Values.Count >= MaxCells)
                throw new ImportException($"Trang tính \"{name}\" quá lớn (hơn {MaxCells:N0} ô có chữ); hãy chỉ giữ lại bảng khung nhiệm vụ rồi tải lên lại.");
            sheet.Values[(rowIndex, col)] = text;
        }
    }

    /// <summary>The text a cell shows: its string, or its number rendered by its number format.</summary>
    private static string CellText(Cell cell, List<string> strings, List<NumberKind> formats, bool date1904)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? ItemText(inline) : raw;
        if (type == CellValues.String || type == CellValues.Error)
            return Unescape(raw);
        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";

        var style = cell.StyleIndex?.Value is { } s && s < formats.Count ? formats[(int)s] : NumberKind.Plain;
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? RenderDate(d, style) : raw;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return raw;
        switch (style)
        {
            case NumberKind.Percent:
                return RenderNumber(Math.Round(value * 100, 10)) + "%";
            case NumberKind.Plain:
                return RenderNumber(value);
            default:
                // Excel serial dates: days since 1899-12-30 (1900 system) or 1904-01-01.
                var serial = value + (date1904 ? 1462 : 0);
                if (!(serial >= 0 && serial <= 2_958_465)) return RenderNumber(value); // outside DateTime (or NaN)
                var date = DateTime.FromOADate(serial);
                return RenderDate(date, style);
        }
    }

    /// <summary>Whole numbers as they are, without thousands separators (so "1.500" is never mistaken for
    /// 1,5); fractions with a decimal point, as Excel shows a typed "1.1": in a TT or code cell that is an
    /// item code, which a decimal comma would break.</summary>
    private static string RenderNumber(double value)
    {
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string RenderDate(DateTime d, NumberKind kind) => kind switch
    {
        // "Tháng 12/2024", as plans write a month due (a bare "12/2024" reads as a day and month).
        NumberKind.MonthYear => "Tháng " + d.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        NumberKind.DayMonth => d.ToString("dd/MM", CultureInfo.InvariantCulture),
        NumberKind.Time => d.ToString("HH:mm", CultureInfo.InvariantCulture),
        NumberKind.DateTime => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    // ---- Shared strings and number formats

    private static List<string> SharedStrings(WorkbookPart book)
    {
        var list = new List<string>();
        var table = book.SharedStringTablePart?.SharedStringTable;
        if (table is null) return list;
        foreach (var item in table.Elements<SharedStringItem>()) list.Add(ItemText(item));
        return list;
    }

    /// <summary>A string item: plain text or rich-text runs; phonetic hints (rPh) are not part of the text.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is DocumentFormat.OpenXml.Spreadsheet.Text t) sb.Append(t.Text);
            else if (child is Run run) sb.Append(run.Text?.Text);
        }
        return Unescape(sb.ToString());
    }

    /// <summary>OOXML writes characters XML cannot hold as _xHHHH_ (Excel writes a cell's CR as _x000D_).</summary>
    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedChar().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    private enum NumberKind { Plain, Percent, Date, MonthYear, DayMonth, DateTime, Time }

    /// <summary>The kind of number format of each cell style (cellXfs index).</summary>
    private static List<NumberKind> NumberFormats(WorkbookPart book)
    {
        var stylesheet = book.WorkbookStylesPart?.Stylesheet;
        var custom = new Dictionary<uint, string>();
        foreach (var f in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
            if (f.NumberFormatId?.Value is { } id) custom[id] = f.FormatCode?.Value ?? "";
        var kinds = new List<NumberKind>();
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            kinds.Add(custom.TryGetValue(id, out var code) ? KindOfCode(code) : KindOfBuiltIn(id));
        }
        return kinds;
    }

    private static NumberKind KindOfBuiltIn(uint id) => id switch
    {
        9 or 10 => NumberKind.Percent,
        14 or 15 or (>= 27 and <= 36) or (>= 50 and <= 58) => NumberKind.Date,
        16 => NumberKind.DayMonth,
        17 => NumberKind.MonthYear,
        22 => NumberKind.DateTime,
        (>= 18 and <= 21) or (>= 45 and <= 47) => NumberKind.Time,
        _ => NumberKind.Plain,
    };

    /// <summary>A custom format code: dates have d or y, times h or s, percents %; quoted text, escapes and
    /// [colour/locale] sections do not count. Only the first section (positive numbers) is looked at.</summary>
    private static NumberKind KindOfCode(string code)
    {
        var c = FormatNoise().Replace(code, "").Split(';')[0].ToLowerInvariant();
        if (c.Contains('%')) return NumberKind.Percent;
        if (c.Contains("general")) return NumberKind.Plain;
        bool hasDay = c.Contains('d'), hasYear = c.Contains('y'), hasTime = c.Contains('h') || c.Contains('s');
        if (hasDay && hasYear) return hasTime ? NumberKind.DateTime : NumberKind.Date;
        if (hasYear) return NumberKind.MonthYear;
        if (hasDay) return NumberKind.DayMonth;
        return hasTime ? NumberKind.Time : NumberKind.Plain;
    }

    // ---- Cell references

    private static (int Row, int Col)? ParseReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var i = 0;
        long col = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (col > 16384) return null;
            i++;
        }
        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1) return null;
        return (row, (int)col);
    }

    private static Merge? ParseRange(string? range)
    {
        var parts = range?.Split(':');
        if (parts is not { Length: 2 } || ParseReference(parts[0]) is not { } a || ParseReference(parts[1]) is not { } b) return null;
        return new Merge(Math.Min(a.Row, b.Row), Math.Min(a.Col, b.Col), Math.Max(a.Row, b.Row), Math.Max(a.Col, b.Col));
    }

    // ---- From cells to lines and a table

    /// <summary>
    /// Keeps the visible rows and columns that hold text of their own, expands merges over them, then
    /// splits off single-cell rows above and below the table as lines.
    /// </summary>
    private static void AddSheet(SheetCells sheet, List<string> lines, List<SourceTable> tables)
    {
        var own = sheet.Values.Where(v => !sheet.HiddenRows.Contains(v.Key.Row) && !sheet.ColumnHidden(v.Key.Col))
            .ToDictionary(v => v.Key, v => v.Value);
        if (own.Count == 0) return;
        var rows = own.Keys.Select(k => k.Row).Distinct().Order().ToList();
        var cols = own.Keys.Select(k => k.Col).Distinct().Order().ToList();
        if (cols.Count > MaxColumns)
            throw new ImportException($"Trang tính có quá nhiều cột ({cols.Count}); bảng khung nhiệm vụ chỉ có khoảng 10 cột, hãy xóa các cột thừa rồi tải lên lại.");
        if ((long)rows.Count * cols.Count > MaxGrid)
            throw new ImportException($"Trang tính quá lớn ({rows.Count} hàng × {cols.Count} cột có chữ); hãy chỉ giữ lại bảng khung nhiệm vụ rồi tải lên lại.");

        var texts = new string[rows.Count, cols.Count];
        var continued = new bool[rows.Count, cols.Count];
        var origin = new int[rows.Count, cols.Count]; // where the text comes from: a merge's number, or -1 - position
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < cols.Count; c++)
            {
                texts[r, c] = own.GetValueOrDefault((rows[r], cols[c]), "");
                origin[r, c] = -1 - (r * cols.Count + c);
            }
        // A merge's text fills every kept position it covers (Excel keeps it in the top-left cell; values left
        // under a merge are stale and overwritten); positions after the first kept one are continued.
        long work = 0;
        for (var m = 0; m < sheet.Merges.Count; m++)
        {
            var merge = sheet.Merges[m];
            if (!own.TryGetValue((merge.Top, merge.Left), out var text)) continue; // empty or hidden: adds nothing
            var first = true;
            for (var r = LowerBound(rows, merge.Top); r < rows.Count && rows[r] <= merge.Bottom; r++)
                for (var c = LowerBound(cols, merge.Left); c < cols.Count && cols[c] <= merge.Right; c++)
                {
                    // Merges never overlap in a sound file; many overlapping ones would only burn time.
                    if (++work > 2 * MaxGrid) throw new ImportException(Corrupt);
                    texts[r, c] = text;
                    continued[r, c] = !first;
                    origin[r, c] = m;
                    first = false;
                }
        }

        // A "text row" shows one cell of its own (a title, a note); the table runs from the first row that
        // is not one to the last. Title rows merged across the sheet are text rows too.
        var isText = new bool[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var sources = new HashSet<int>();
            var startsHere = true;
            for (var c = 0; c < cols.Count; c++)
            {
                if (texts[r, c].Length == 0) continue;
                sources.Add(origin[r, c]);
                if (continued[r, c] && r > 0 && origin[r - 1, c] == origin[r, c]) startsHere = false;
            }
            isText[r] = sources.Count <= 1 && startsHere;
        }
        // The table starts at the framework header when there is one: above it a sheet often has the
        // issuer and number side by side ("UBND TỈNH … | CỘNG HÒA …"), which is not part of the table.
        var top = -1;
        for (var r = 0; r < rows.Count && top < 0; r++)
            if (!isText[r] && ColumnMap.HeaderScore(Enumerable.Range(0, cols.Count).Select(c => texts[r, c])) >= 4) top = r;
        if (top < 0) top = Array.IndexOf(isText, false);
        // Below the table only a note counts as text: a single cell in the first column or spread over
        // several; a lone cell further right (an activity whose other cells are blank) is still a table row.
        var bottom = rows.Count - 1;
        while (bottom > top && isText[bottom] && IsNote(bottom)) bottom--;

        bool IsNote(int r)
        {
            var cells = Enumerable.Range(0, cols.Count).Where(c => texts[r, c].Length > 0).ToList();
            return cells.Count > 1 || (cells.Count == 1 && cells[0] == 0);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (top < 0 || r < top || r > bottom)
            {
                // Outside the table each cell is its own line(s), in column order, a merged cell once.
                for (var c = 0; c < cols.Count; c++)
                    if (texts[r, c].Length > 0 && !continued[r, c]) lines.AddRange(texts[r, c].Split('\n'));
                continue;
            }
            // As for DOCX: one pipe line per row, a merged cell once, a cell merged from above left empty.
            var pipe = new StringBuilder();
            for (var c = 0; c < cols.Count; c++)
            {
                if (continued[r, c] && c > 0 && origin[r, c - 1] == origin[r, c]) continue;
                pipe.Append(continued[r, c] ? "" : texts[r, c].Replace('\n', ' ')).Append(" | ");
            }
            var rowLine = Text.Clean(pipe.ToString());
            if (rowLine.Trim('|', ' ').Length > 0) lines.Add(rowLine);
        }
        if (top < 0) return;

        var tableRows = new List<IReadOnlyList<string>>();
        var tableContinued = new List<IReadOnlyList<bool>>();
        for (var r = top; r <= bottom; r++)
        {
            tableRows.Add(Enumerable.Range(0, cols.Count).Select(c => texts[r, c]).ToList());
            tableContinued.Add(Enumerable.Range(0, cols.Count).Select(c => continued[r, c]).ToList());
        }
        tables.Add(new SourceTable(tables.Count + 1, tableRows, tableContinued));
    }

    /// <summary>Index of the first item ≥ value in a sorted list.</summary>
    private static int LowerBound(List<int> sorted, int value)
    {
        var i = sorted.BinarySearch(value);
        return i >= 0 ? i : ~i;
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedChar();

    // Quoted literals, backslash escapes, [Red]/[$-42A] sections, and _/* spacing characters.
    [GeneratedRegex(@"""[^""]*""|\\.|\[[^\]]*\]|[_*].")]
    private static partial Regex FormatNoise();
}
