using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>
/// The framework table as an XLSX workbook: header row, one merged row per area, targets and tasks
/// merged over their rows as in the document, wrapped text and set widths so it prints as is.
/// Inline strings keep the writer simple and open in Excel and LibreOffice alike. The last column marks an activity
/// cancelled (hủy) in the issued plan with its date and reason, as the page strikes it through: a printed or
/// filtered sheet must not show it as open work.
/// </summary>
public static class PlanXlsx
{
    public static readonly string[] Headers =
        ["TT", "Mục tiêu/Chỉ tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả, sản phẩm", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Kinh phí", "Đã hủy"];
    static readonly double[] Widths = [6, 36, 36, 44, 30, 22, 26, 16, 16, 24];

    const uint BodyStyle = 1, HeaderStyle = 2, AreaStyle = 3;

    public static byte[] Write(Plan plan, IReadOnlyList<FrameworkArea> table)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wbPart = doc.AddWorkbookPart();
            wbPart.Workbook = new Workbook();
            var styles = wbPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var sheetPart = wbPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new List<string>();
            uint r = 1;

            var title = new Row { RowIndex = r };
            title.Append(Text("A", r, plan.Title, AreaStyle));
            data.Append(title);
            merges.Add($"A{r}:{Last}{r}");
            r++;

            var header = new Row { RowIndex = r };
            for (var c = 0; c < Headers.Length; c++) header.Append(Text(Col(c), r, Headers[c], HeaderStyle));
            data.Append(header);
            r++;

            foreach (var area in table)
            {
                var areaRow = new Row { RowIndex = r };
                areaRow.Append(Text("A", r, area.Area?.Code ?? "", AreaStyle));
                areaRow.Append(Text("B", r, area.Area?.Title ?? "Chưa xếp lĩnh vực", AreaStyle));
                for (var c = 2; c < Headers.Length; c++) areaRow.Append(Text(Col(c), r, "", AreaStyle));
                data.Append(areaRow);
                merges.Add($"B{r}:{Last}{r}");
                r++;

                foreach (var row in area.Rows)
                {
                    var a = row.Activity;
                    var cells = new string?[]
                    {
                        row.TargetNumber,
                        row.Target is null ? null : FrameworkTable.Numbered(row.Target.Code, row.Target.Text),
                        row.Task is null ? null : FrameworkTable.Numbered(row.Task.Code, row.Task.Text),
                        a is null ? null : FrameworkTable.Numbered(a.Code, a.Text),
                        a?.Outputs,
                        a is null ? null : FrameworkTable.Names(a, AssignmentRole.Lead),
                        a is null ? null : FrameworkTable.Names(a, AssignmentRole.Support),
                        a?.DueText,
                        a?.Budget,
                        a?.CancelledAtUtc is DateTime at ? Cancelled(at, a.CancelReason) : null,
                    };
                    var line = new Row { RowIndex = r };
                    for (var c = 0; c < cells.Length; c++) line.Append(Text(Col(c), r, cells[c] ?? "", BodyStyle));
                    data.Append(line);
                    if (row.TargetSpan is > 1)
                    {
                        merges.Add($"A{r}:A{r + row.TargetSpan.Value - 1}");
                        merges.Add($"B{r}:B{r + row.TargetSpan.Value - 1}");
                    }
                    if (row.TaskSpan is > 1) merges.Add($"C{r}:C{r + row.TaskSpan.Value - 1}");
                    r++;
                }
            }

            var columns = new Columns();
            for (var c = 0; c < Widths.Length; c++)
                columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Widths[c], CustomWidth = true });

            var worksheet = new Worksheet();
            // Element order matters to Excel: sheetViews, cols, sheetData, mergeCells, pageSetup.
            worksheet.Append(new SheetViews(new SheetView
            {
                WorkbookViewId = 0,
                Pane = new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            }));
            worksheet.Append(columns);
            worksheet.Append(data);
            if (merges.Count > 0)
            {
                var mergeCells = new MergeCells { Count = (uint)merges.Count };
                foreach (var m in merges) mergeCells.Append(new MergeCell { Reference = m });
                worksheet.Append(mergeCells);
            }
            worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9 });
            sheetPart.Worksheet = worksheet;

            var sheets = wbPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = wbPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Khung kế hoạch" });
            wbPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    static string Col(int index) => ((char)('A' + index)).ToString();

    static readonly string Last = Col(Headers.Length - 1);

    /// <summary>"Đã hủy ngày 05/03/2025: lý do" (the day in Vietnam).</summary>
    public static string Cancelled(DateTime atUtc, string? reason) =>
        "Đã hủy ngày " + Domain.VietnamTime.ToLocalDate(atUtc).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason);

    static Cell Text(string col, uint row, string value, uint style) => new()
    {
        CellReference = col + row,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(SafeText.ForXml(value)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }))
        { Count = 2 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7EEF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        Border Thin() => new(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2 };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { FontId = 0, FillId = 0, BorderId = 1, ApplyAlignment = true, ApplyBorder = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyAlignment = true, ApplyBorder = true, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { FontId = 1, FillId = 0, BorderId = 1, ApplyAlignment = true, ApplyBorder = true, ApplyFont = true })
        { Count = 4 };
        return new Stylesheet(fonts, fills, borders, formats);
    }
}
