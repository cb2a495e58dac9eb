using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>A row of a sheet; Group rows (an area's title) are bold, like the framework table's area rows.</summary>
public sealed record SheetRow(IReadOnlyList<object?> Cells, bool Group = false);

public sealed record Sheet(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Writes workbooks of simple sheets: a title row, a bold header row frozen under it, wrapped text, set widths.
/// Numbers stay numbers (the Ministry's software and Excel sums read them), text goes through SafeText.ForXml.
/// </summary>
public static class SheetWriter
{
    const uint Body = 1, Header = 2, Bold = 3;

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new X.Workbook(new X.Sheets());
            wb.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var used = new HashSet<string>();
            foreach (var s in sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                var data = new X.SheetData();
                uint r = 1;
                data.Append(new X.Row(Cell(0, r, s.Title, Bold)) { RowIndex = r++ });
                var header = new X.Row { RowIndex = r };
                for (var c = 0; c < s.Columns.Count; c++) header.Append(Cell(c, r, s.Columns[c], Header));
                data.Append(header);
                r++;
                foreach (var row in s.Rows)
                {
                    var x = new X.Row { RowIndex = r };
                    for (var c = 0; c < row.Cells.Count; c++) x.Append(Cell(c, r, row.Cells[c], row.Group ? Bold : Body));
                    data.Append(x);
                    r++;
                }
                var columns = new X.Columns();
                for (var c = 0; c < s.Widths.Count; c++)
                    columns.Append(new X.Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = s.Widths[c], CustomWidth = true });
                var view = new X.SheetViews(new X.SheetView(new X.Pane { VerticalSplit = 2, TopLeftCell = "A3", State = X.PaneStateValues.Frozen, ActivePane = X.PaneValues.BottomLeft }) { WorkbookViewId = 0 });
                part.Worksheet = new X.Worksheet(view, columns, data);
                wb.Workbook.Sheets!.Append(new X.Sheet { Id = wb.GetIdOfPart(part), SheetId = (uint)used.Count + 1, Name = SheetName(s.Name, used) });
            }
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel refuses names over 31 characters, with []:*?/\ or repeated: trimmed and numbered.</summary>
    static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(SafeText.ForXml(name).Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 28) clean = clean[..28];
        var result = clean;
        for (var i = 2; !used.Add(result.ToUpperInvariant()); i++) result = $"{clean} {i}";
        return result;
    }

    static string Col(int c) => c < 26 ? ((char)('A' + c)).ToString() : Col(c / 26 - 1) + (char)('A' + c % 26);

    static X.Cell Cell(int c, uint row, object? value, uint style) => value switch
    {
        int or long or decimal or double => new X.Cell
        {
            CellReference = Col(c) + row, StyleIndex = style,
            CellValue = new X.CellValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        },
        _ => new X.Cell
        {
            CellReference = Col(c) + row, StyleIndex = style, DataType = X.CellValues.InlineString,
            InlineString = new X.InlineString(new X.Text(SafeText.ForXml(value?.ToString())) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
        },
    };

    static X.Stylesheet Styles() => new(
        new X.Fonts(new X.Font(new X.FontSize { Val = 11 }, new X.FontName { Val = "Times New Roman" }),
            new X.Font(new X.Bold(), new X.FontSize { Val = 11 }, new X.FontName { Val = "Times New Roman" }))
        { Count = 2 },
        new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }),
            new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 }))
        { Count = 2 },
        new X.Borders(new X.Border(), new X.Border(
            new X.LeftBorder { Style = X.BorderStyleValues.Thin }, new X.RightBorder { Style = X.BorderStyleValues.Thin },
            new X.TopBorder { Style = X.BorderStyleValues.Thin }, new X.BottomBorder { Style = X.BorderStyleValues.Thin }, new X.DiagonalBorder()))
        { Count = 2 },
        new X.CellFormats(
            new X.CellFormat(),
            new X.CellFormat(new X.Alignment { WrapText = true, Vertical = X.VerticalAlignmentValues.Top }) { FontId = 0, BorderId = 1, ApplyAlignment = true, ApplyBorder = true },
            new X.CellFormat(new X.Alignment { WrapText = true, Horizontal = X.HorizontalAlignmentValues.Center, Vertical = X.VerticalAlignmentValues.Center })
            { FontId = 1, BorderId = 1, ApplyAlignment = true, ApplyBorder = true, ApplyFont = true },
            new X.CellFormat(new X.Alignment { Vertical = X.VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true })
        { Count = 4 });
}
