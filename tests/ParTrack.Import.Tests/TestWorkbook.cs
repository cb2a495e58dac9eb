using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Import.Tests;

/// <summary>
/// Builds a real .xlsx with the OpenXml SDK, as Excel lays it out: text in the shared string table (or
/// inline), numbers with a style index, merged ranges, hidden sheets, rows and columns.
/// </summary>
internal sealed class TestWorkbook
{
    /// <summary>Style indexes (cellXfs) the built workbook defines.</summary>
    public const uint General = 0, ShortDate = 1, Percent = 2, MonthYear = 3, VietnameseDate = 4;

    private readonly List<TestSheet> sheets = [];

    public TestSheet Sheet(string name, bool hidden = false)
    {
        var sheet = new TestSheet(name, hidden);
        sheets.Add(sheet);
        return sheet;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            AddStyles(book);
            var strings = new List<string>();
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet.ToWorksheet(strings);
                var entry = new Sheet { Name = sheet.Name, SheetId = id++, Id = book.GetIdOfPart(part) };
                if (sheet.Hidden) entry.State = SheetStateValues.Hidden;
                book.Workbook.Sheets!.Append(entry);
            }
            var sst = book.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        }
        return ms.ToArray();
    }

    private static void AddStyles(WorkbookPart book)
    {
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "mm/yyyy" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "[$-42A]dd/mm/yyyy;@" }),
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));
    }
}

internal sealed class TestSheet(string name, bool hidden)
{
    public string Name { get; } = name;
    public bool Hidden { get; } = hidden;

    private readonly SortedDictionary<int, SortedDictionary<int, Func<List<string>, Cell>>> rows = [];
    private readonly List<string> merges = [];
    private readonly HashSet<int> hiddenRows = [];
    private readonly List<int> hiddenColumns = [];

    /// <summary>A row of text cells from column A; null leaves a cell out, a double is a number.</summary>
    public TestSheet Row(int row, params object?[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            switch (cells[c])
            {
                case null: break;
                case string s: Text(Reference(row, c + 1), s); break;
                case double d: Number(Reference(row, c + 1), d); break;
                case int i: Number(Reference(row, c + 1), i); break;
                default: throw new ArgumentException("cells are strings, numbers or null");
            }
        }
        return this;
    }

    /// <summary>Text through the shared string table (what Excel writes).</summary>
    public TestSheet Text(string reference, string text) =>
        Put(reference, strings =>
        {
            strings.Add(text);
            return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) };
        });

    /// <summary>Text stored in the cell itself (what some generators write).</summary>
    public TestSheet Inline(string reference, string text) =>
        Put(reference, _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    public TestSheet Number(string reference, double value, uint style = TestWorkbook.General) =>
        Put(reference, _ => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });

    public TestSheet Merge(string range)
    {
        merges.Add(range);
        return this;
    }

    public TestSheet HideRow(int row)
    {
        hiddenRows.Add(row);
        return this;
    }

    public TestSheet HideColumn(int column)
    {
        hiddenColumns.Add(column);
        return this;
    }

    public Worksheet ToWorksheet(List<string> strings)
    {
        var worksheet = new Worksheet();
        if (hiddenColumns.Count > 0)
            worksheet.Append(new Columns(hiddenColumns.Order().Select(c => new Column { Min = (uint)c, Max = (uint)c, Width = 10, CustomWidth = true, Hidden = true })));
        var data = new SheetData();
        foreach (var (r, cells) in rows)
        {
            var row = new Row { RowIndex = (uint)r };
            if (hiddenRows.Contains(r)) row.Hidden = true;
            foreach (var make in cells.Values) row.Append(make(strings));
            data.Append(row);
        }
        worksheet.Append(data);
        if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        return worksheet;
    }

    private TestSheet Put(string reference, Func<List<string>, Cell> make)
    {
        var (r, c) = Parse(reference);
        if (!rows.TryGetValue(r, out var row)) rows[r] = row = [];
        row[c] = make;
        return this;
    }

    public static string Reference(int row, int column) => $"{(char)('A' + column - 1)}{row}";

    private static (int Row, int Col) Parse(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsLetter).ToArray());
        var col = letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        return (int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), col);
    }
}
