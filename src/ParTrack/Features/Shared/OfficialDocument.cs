using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ParTrack.Features.Shared;

/// <summary>The top of an administrative document (Decree 30/2020/NĐ-CP, Appendix I).</summary>
/// <param name="ParentBody">The body above the issuer, e.g. "ỦY BAN NHÂN DÂN" (upper case, regular), or null.</param>
/// <param name="IssuingBody">The issuer, e.g. "TỈNH HÀ TĨNH" or "SỞ NỘI VỤ" (upper case, bold, a short line under it).</param>
/// <param name="NumberSymbol">The symbol after "Số: …/", e.g. "BC-UBND" (the number left blank for the clerk), or a whole number "12/BC-UBND".</param>
/// <param name="Place">The place in the date line, e.g. "Hà Tĩnh".</param>
/// <param name="Date">The date, or null to leave "ngày … tháng … năm" blank to be filled when signed.</param>
/// <param name="Kind">The document kind in capitals, e.g. "BÁO CÁO".</param>
/// <param name="Subject">The subject line (trích yếu) under the kind.</param>
public sealed record OfficialHeader(string? ParentBody, string IssuingBody, string NumberSymbol, string Place, DateOnly? Date, int Year,
    string Kind, string Subject);

/// <summary>The bottom of the document: recipients on the left, the signer's authority and name on the right.</summary>
/// <param name="Authority">Lines above the signature, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".</param>
public sealed record OfficialSignature(IReadOnlyList<string> Recipients, IReadOnlyList<string> Authority, string? SignerName = null);

/// <summary>
/// Writes Vietnamese administrative documents laid out per Decree 30/2020/NĐ-CP: A4 with margins 20/20/30/20 mm,
/// Times New Roman 14 pt, the header table (issuing body over a short line; number and symbol; the national motto
/// underlined; place and date in italics), kind and subject, numbered headings (Word heading styles, so the
/// navigation pane shows the outline), page numbers centred at the top from page 2, tables as wide as the text,
/// "Nơi nhận" with the signature block, and annexes on new pages. Every text goes through
/// <see cref="SafeText.ForXml"/>, so control characters pasted from Word cannot break the file. One builder for
/// every generated document (reports, inspection conclusions …): call in reading order, then <see cref="ToBytes"/>.
/// </summary>
public sealed class OfficialDocument
{
    /// <summary>Text width in twentieths of a point: A4 (11906) less the left 30 mm and right 20 mm margins.</summary>
    public const int TextWidth = 11906 - LeftMargin - RightMargin;
    const int LeftMargin = 1701, RightMargin = 1134, TopMargin = 1134, BottomMargin = 1134;
    const string Font = "Times New Roman";
    const int Body = 28, Small = 24, Tiny = 22; // half-points: 14, 12 and 11 pt

    readonly List<OpenXmlElement> elements = [];

    public OfficialDocument(OfficialHeader header)
    {
        elements.Add(HeaderTable(header));
        elements.Add(Para(header.Kind, Style.Centered(bold: true, before: 360, after: 0)));
        elements.Add(Para(header.Subject, Style.Centered(bold: true, after: 0)));
        elements.Add(ShortLine(before: 0, after: 240, indent: TextWidth / 2 - 900));
    }

    /// <summary>"Kính gửi: …" under the subject, for a report sent to one body.</summary>
    public OfficialDocument Addressee(string to)
    {
        elements.Add(Para($"Kính gửi: {to}.", Style.Centered(after: 240)));
        return this;
    }

    /// <summary>A numbered heading: level 1 "I. KẾT QUẢ …", level 2 "1. Công tác …", level 3 "1.1. …" (the caller numbers).</summary>
    public OfficialDocument Heading(string text, int level)
    {
        var p = Para(text, new Style(Bold: true, Italic: level >= 3, Before: level == 1 ? 180 : 120, Indent: 567));
        // Schema order: the style, then keep-with-next, before the spacing Para wrote.
        p.ParagraphProperties!.PrependChild(new W.KeepNext());
        p.ParagraphProperties.PrependChild(new W.ParagraphStyleId { Val = $"Heading{Math.Clamp(level, 1, 3)}" });
        elements.Add(p);
        return this;
    }

    /// <summary>Body text, justified with a first-line indent; each line of the text is its own paragraph.</summary>
    public OfficialDocument Paragraph(string? text, bool italic = false)
    {
        foreach (var line in Lines(text))
            elements.Add(Para(line, new Style(Italic: italic, Indent: 567)));
        return this;
    }

    /// <summary>A bordered table as wide as the text; <paramref name="weights"/> share the width between columns.</summary>
    public OfficialDocument Table(IReadOnlyList<string> columns, IReadOnlyList<int> weights, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => TextWidth * w / total).ToArray();
        var table = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = TextWidth.ToString(), Type = W.TableWidthUnitValues.Dxa },
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
            // Fixed layout: a long word or URL wraps inside its column instead of widening the table past the margin.
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableCellMarginDefault(new W.TopMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellLeftMargin { Width = 70, Type = W.TableWidthValues.Dxa },
                new W.BottomMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                new W.TableCellRightMargin { Width = 70, Type = W.TableWidthValues.Dxa })));
        table.Append(new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString() })));
        table.Append(Row(columns, widths, header: true));
        foreach (var row in rows) table.Append(Row(row, widths, header: false));
        elements.Add(table);
        elements.Add(Para("", new Style(After: 0, Size: 12)));
        return this;
    }

    /// <summary>Recipients and signature block, after the body and before any annex.</summary>
    public OfficialDocument Closing(OfficialSignature signature)
    {
        var left = new List<W.Paragraph> { Para("Nơi nhận:", new Style(Bold: true, Italic: true, Size: Small, Before: 240, After: 0, Justify: false)) };
        left.AddRange(signature.Recipients.Select(r => Para(r, new Style(Size: Tiny, After: 0, Justify: false))));
        var right = signature.Authority.Select((a, i) => Para(a, Style.Centered(bold: true, before: i == 0 ? 240 : 0, after: 0))).ToList();
        // Space for the signature and seal, then the name.
        right.Add(Para("", new Style(After: 0, Before: 1200)));
        right.Add(Para(signature.SignerName ?? "", Style.Centered(bold: true, after: 0)));
        elements.Add(LayoutTable([(45, left), (55, right)]));
        return this;
    }

    /// <summary>An annex on a new page: "Phụ lục I", its title, and a note tying it to the document.</summary>
    public OfficialDocument Annex(string number, string title, string? note = null)
    {
        elements.Add(new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })));
        elements.Add(Para($"Phụ lục {number}", Style.Centered(bold: true, after: 0)));
        elements.Add(Para(title.ToUpperInvariant(), Style.Centered(bold: true, after: 0)));
        if (note is not null) elements.Add(Para(note, new Style(Italic: true, Center: true, After: 120)));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageNumberHeader();
            var firstHeader = main.AddNewPart<HeaderPart>();
            firstHeader.Header = new W.Header(new W.Paragraph());
            var body = new W.Body(elements.Select(e => e.CloneNode(true)));
            body.Append(new W.SectionProperties(
                new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
                new W.PageSize { Width = 11906U, Height = 16838U },
                new W.PageMargin { Top = TopMargin, Bottom = BottomMargin, Left = LeftMargin, Right = RightMargin, Header = 567U, Footer = 567U, Gutter = 0U },
                // Decree 30: no page number on the first page.
                new W.TitlePage()));
            main.Document = new W.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    // ----- parts -----

    static W.Table HeaderTable(OfficialHeader h)
    {
        var left = new List<W.Paragraph>();
        if (h.ParentBody is not null) left.Add(Para(h.ParentBody.ToUpperInvariant(), Style.Centered(size: 26, after: 0)));
        left.Add(Para(h.IssuingBody.ToUpperInvariant(), Style.Centered(bold: true, size: 26, after: 0)));
        left.Add(ShortLine(before: 0, after: 120, indent: 1100));
        // A number already given ("12/TB-SNV") is printed; a bare symbol leaves the number blank for the clerk.
        left.Add(Para(h.NumberSymbol.Contains('/') ? $"Số: {h.NumberSymbol}" : $"Số:        /{h.NumberSymbol}", Style.Centered(size: 26, after: 0)));
        var date = h.Date is { } d ? $"{h.Place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : $"{h.Place}, ngày      tháng      năm {h.Year}";
        var right = new List<W.Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style.Centered(bold: true, size: 24, after: 0)),
            Para("Độc lập - Tự do - Hạnh phúc", new Style(Bold: true, Center: true, After: 0, Underline: true)),
            Para("", new Style(After: 120, Size: 12)),
            Para(date, new Style(Italic: true, Center: true, After: 0)),
        };
        return LayoutTable([(37, left), (63, right)]);
    }

    /// <summary>A borderless two-column table for the header and the signature block.</summary>
    static W.Table LayoutTable(IReadOnlyList<(int Percent, List<W.Paragraph> Content)> columns)
    {
        var none = new W.TableBorders(new W.TopBorder { Val = W.BorderValues.None }, new W.LeftBorder { Val = W.BorderValues.None },
            new W.BottomBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
            new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None });
        var widths = columns.Select(c => TextWidth * c.Percent / 100).ToArray();
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = TextWidth.ToString(), Type = W.TableWidthUnitValues.Dxa }, none,
            new W.TableLayout { Type = W.TableLayoutValues.Fixed }));
        table.Append(new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString() })));
        var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = widths[i].ToString(), Type = W.TableWidthUnitValues.Dxa }));
            cell.Append(columns[i].Content.Select(p => p.CloneNode(true)));
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    static W.TableRow Row(IReadOnlyList<string?> cells, int[] widths, bool header)
    {
        var row = new W.TableRow();
        if (header) row.Append(new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()));
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Count ? cells[c] : "";
            var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = widths[c].ToString(), Type = W.TableWidthUnitValues.Dxa }));
            var lines = Lines(text).ToList();
            if (lines.Count == 0) lines.Add("");
            foreach (var line in lines)
                cell.Append(Para(line, new Style(Bold: header, Center: header, Size: Small, After: 0, Justify: false)));
            row.Append(cell);
        }
        return row;
    }

    /// <summary>A short horizontal rule: an empty paragraph with a top border, narrowed by indents.</summary>
    static W.Paragraph ShortLine(int before, int after, int indent) => new(new W.ParagraphProperties(
        new W.ParagraphBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 6, Space = 1 }),
        new W.SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = "120", LineRule = W.LineSpacingRuleValues.Exact },
        new W.Indentation { Left = indent.ToString(), Right = indent.ToString() }));

    sealed record Style(bool Bold = false, bool Italic = false, bool Center = false, int Size = Body, int Before = 0, int After = 120,
        int Indent = 0, bool Justify = true, bool Underline = false)
    {
        public static Style Centered(bool bold = false, int size = Body, int before = 0, int after = 120) =>
            new(Bold: bold, Center: true, Size: size, Before: before, After: after);
    }

    static W.Paragraph Para(string text, Style s)
    {
        var run = new W.RunProperties(new W.RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (s.Bold) run.Append(new W.Bold());
        if (s.Italic) run.Append(new W.Italic());
        run.Append(new W.FontSize { Val = s.Size.ToString() }, new W.FontSizeComplexScript { Val = s.Size.ToString() });
        if (s.Underline) run.Append(new W.Underline { Val = W.UnderlineValues.Single });
        var props = new W.ParagraphProperties(new W.SpacingBetweenLines { Before = s.Before.ToString(), After = s.After.ToString() });
        if (s.Indent > 0 && !s.Center) props.Append(new W.Indentation { FirstLine = s.Indent.ToString() });
        props.Append(new W.Justification { Val = s.Center ? W.JustificationValues.Center : s.Justify ? W.JustificationValues.Both : W.JustificationValues.Left });
        return new W.Paragraph(props, new W.Run(run, new W.Text(SafeText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The text's lines (vertical tab and form feed count as line breaks), blank ones dropped.</summary>
    static IEnumerable<string> Lines(string? text) =>
        SafeText.ForXml(text).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static W.Header PageNumberHeader()
    {
        var run = new W.RunProperties(new W.RunFonts { Ascii = Font, HighAnsi = Font }, new W.FontSize { Val = "26" });
        return new W.Header(new W.Paragraph(new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }),
            new W.Run(run.CloneNode(true), new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
            new W.Run(run.CloneNode(true), new W.FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new W.Run(run.CloneNode(true), new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
            new W.Run(run.CloneNode(true), new W.Text("2")),
            new W.Run(run.CloneNode(true), new W.FieldChar { FieldCharType = W.FieldCharValues.End })));
    }

    /// <summary>Normal in Times New Roman 14 pt; Heading1–3 with outline levels so the outline is the document's own.</summary>
    static W.Styles Styles()
    {
        W.Style Heading(int level) => new(
            new W.StyleName { Val = $"heading {level}" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" },
            new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.KeepNext(), new W.OutlineLevel { Val = level - 1 }),
            new W.StyleRunProperties(new W.Bold(), new W.Color { Val = "000000" }, new W.FontSize { Val = Body.ToString() }))
        { Type = W.StyleValues.Paragraph, StyleId = $"Heading{level}" };
        return new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new W.FontSize { Val = Body.ToString() }, new W.FontSizeComplexScript { Val = Body.ToString() },
                    new W.Languages { Val = "vi-VN" })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
                    new W.SpacingBetweenLines { After = "120", Line = "264", LineRule = W.LineSpacingRuleValues.Auto }))),
            new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle()) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading(1), Heading(2), Heading(3));
    }
}
