using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Features.Satisfaction;

/// <summary>The campaign report (DOCX): the province's index, the formula, the units' table, top/bottom five, expectations.</summary>
public static class SurveyDocx
{
    static readonly CultureInfo Vi = new("vi-VN");

    public static byte[] Write(CampaignResults r, IReadOnlyList<SurveyFactor> factors)
    {
        string P(decimal? v) => v?.ToString("0.00", Vi) ?? "—";
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para($"BÁO CÁO KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG NĂM {r.Campaign.Year}", bold: true, center: true));
            body.Append(Para($"({r.Campaign.Title})", center: true));
            body.Append(Para($"Thời gian khảo sát: {r.Campaign.OpensOn:dd/MM/yyyy} – {r.Campaign.ClosesOn:dd/MM/yyyy}. Số phiếu hợp lệ: {r.Province.Responses.ToString("N0", Vi)}."));
            body.Append(Para($"Chỉ số hài lòng chung của tỉnh: {P(r.Province.Index)}%." + (r.Spread is { } s ? $" Các đơn vị từ {P(s.Min)}% đến {P(s.Max)}%." : "")));
            body.Append(Para($"Cách tính: {r.FormulaText}"));
            body.Append(Para("1. Kết quả theo đơn vị", bold: true));
            body.Append(Table(["Hạng", "Đơn vị", "Số phiếu", .. factors.Select(f => f.Title), "Chỉ số (%)"],
                r.Units.Select(u => (IReadOnlyList<string>)[u.Index.Rank?.ToString(Vi) ?? "—", u.Agency + (u.Index.TooFewResponses ? " (chưa đủ phiếu)" : ""),
                    u.Index.Responses.ToString("N0", Vi), .. factors.Select(f => P(u.Index.Factors.FirstOrDefault(x => x.FactorKey == f.Key)?.Percent)), P(u.Index.Index)])));
            body.Append(Para("2. Năm đơn vị cao nhất: " + string.Join("; ", r.TopFive.Select(u => $"{u.Agency} ({P(u.Index.Index)}%)"))));
            body.Append(Para("3. Năm đơn vị thấp nhất: " + string.Join("; ", r.BottomFive.Select(u => $"{u.Agency} ({P(u.Index.Index)}%)"))));
            foreach (var e in r.Expectations)
            {
                body.Append(Para($"Mong đợi: {e.Text}", bold: true));
                body.Append(Table(["Lựa chọn", "Số người chọn", "Tỉ lệ (%)"], e.Shares.Select(x => (IReadOnlyList<string>)[x.Option, x.Chosen.ToString(Vi), P(x.Percent)])));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    static Paragraph Para(string text, bool bold = false, bool center = false)
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

    static Table Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(headers.Select(_ => new GridColumn())));
        table.Append(Row(headers, true));
        foreach (var r in rows) table.Append(Row(r, false));
        return table;
    }

    static TableRow Row(IEnumerable<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells) row.Append(new TableCell(new Paragraph(Run(c, bold))));
        return row;
    }
}
