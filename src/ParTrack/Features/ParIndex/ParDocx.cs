using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// The results as a DOCX annex (phụ lục) to the decision announcing them: a heading and one table per
/// group, landscape A4, Times New Roman as official documents use.
/// </summary>
public static class ParDocx
{
    public static readonly string[] Headers =
        ["Xếp hạng", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", "Chỉ số (%)", "Xếp loại"];

    public static byte[] Write(RoundResults results)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph("PHỤ LỤC", bold: true, center: true));
            body.Append(Paragraph($"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {results.Round.Year}", bold: true, center: true));
            body.Append(Paragraph($"({results.Round.Title})", center: true));
            foreach (var group in results.Rows.GroupBy(r => r.Group))
            {
                body.Append(Paragraph(ParLabels.Of(group.Key), bold: true));
                // Child order follows the schema (width before borders) so Word opens the file without repair.
                var table = new Table(new TableProperties(
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                        new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
                // Column widths in twentieths of a point over the landscape A4 text width (about 14570).
                int[] widths = [1100, 4800, 1500, 1500, 1500, 1400, 1400, 1100];
                table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
                table.Append(Row(Headers, bold: true));
                foreach (var r in group)
                    table.Append(Row([r.Result.Rank.ToString(), r.Name, ParFormat.Num(r.Result.SelfScore), ParFormat.Num(r.Result.AppraisedScore),
                        ParFormat.Num(r.Result.SurveyPoints), ParFormat.Num(r.Result.Total), ParFormat.Num(r.Result.IndexPercent), r.Result.Class], bold: false));
                body.Append(table);
                body.Append(Paragraph(""));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    static Paragraph Paragraph(string text, bool bold = false, bool center = false)
    {
        var props = new ParagraphProperties();
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(props, Run(text, bold));
    }

    static Run Run(string text, bool bold)
    {
        var rp = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = "26" });
        return new Run(rp, new Text(SafeText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    static TableRow Row(IEnumerable<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells) row.Append(new TableCell(new Paragraph(Run(c, bold))));
        return row;
    }
}
