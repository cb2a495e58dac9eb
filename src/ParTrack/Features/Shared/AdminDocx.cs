using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ParTrack.Features.Shared;

/// <summary>Who issues an administrative document and how it is signed (Decree 30/2020/NĐ-CP, appendix I).</summary>
/// <param name="Parent">The body above the issuer ("UBND TỈNH HÀ TĨNH"), or null for the People's Committee itself.</param>
/// <param name="Issuer">"SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH".</param>
/// <param name="Number">"Số: 12/KH-SNV" as it should read (blank digits while unnumbered).</param>
/// <param name="SignatureLines">Authority and title above the signer ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").</param>
public sealed record DocumentHead(string? Parent, string Issuer, string Number, string Place, DateOnly? Date,
    IReadOnlyList<string> Recipients, IReadOnlyList<string> SignatureLines, string? Signer = null);

/// <summary>
/// The administrative-document form in DOCX: the header table with the issuing body and the national motto,
/// number, place and date, Times New Roman 13 pt on A4 with the usual margins, "Nơi nhận" and the signature
/// block. Writers add their title and body between <see cref="Begin"/> and <see cref="End"/>.
/// </summary>
public static class AdminDocx
{
    /// <summary>A paragraph in Times New Roman; size in half-points (26 = 13 pt).</summary>
    public static W.Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int size = 26, int before = 0, int after = 60)
    {
        var runProps = new W.RunProperties(new W.RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold) runProps.Append(new W.Bold());
        if (italic) runProps.Append(new W.Italic());
        runProps.Append(new W.FontSize { Val = size.ToString() });
        var props = new W.ParagraphProperties(new W.SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
        props.Append(new W.Justification { Val = center ? W.JustificationValues.Center : W.JustificationValues.Both });
        return new W.Paragraph(props, new W.Run(runProps, new W.Text(SafeText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>Writes a whole document: header, then <paramref name="body"/>'s paragraphs, then Nơi nhận and the signature.</summary>
    public static byte[] Write(DocumentHead head, Action<W.Body> body)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var b = new W.Body();
            main.Document = new W.Document(b);
            b.Append(Header(head));
            body(b);
            b.Append(Signature(head));
            b.Append(A4());
            main.Document.Save();
        }
        return stream.ToArray();
    }

    static W.Table Header(DocumentHead h)
    {
        var left = new List<W.Paragraph>();
        if (h.Parent is { } parent) left.Add(Para(parent, center: true, after: 0));
        left.Add(Para(h.Issuer, bold: true, center: true, after: 0));
        left.Add(Para(h.Number, center: true));
        var date = h.Date is { } d ? $"{h.Place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : $"{h.Place}, ngày      tháng      năm";
        return Borderless(Cell("1750", [.. left]),
            Cell("3250", Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 24, after: 0),
                Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, after: 0), Para(date, italic: true, center: true)));
    }

    static W.Table Signature(DocumentHead h)
    {
        var recipients = new List<W.Paragraph> { Para("Nơi nhận:", bold: true, italic: true, size: 24, after: 0, before: 240) };
        recipients.AddRange(h.Recipients.Select(r => Para("- " + r, size: 22, after: 0)));
        var sign = h.SignatureLines.Select((l, i) => Para(l, bold: true, center: true, after: 0, before: i == 0 ? 240 : 0)).ToList();
        sign.Add(Para("", after: 1200));
        if (h.Signer is { } s) sign.Add(Para(s, bold: true, center: true));
        return Borderless(Cell("2500", [.. recipients]), Cell("2500", [.. sign]));
    }

    static W.TableCell Cell(string width, params W.Paragraph[] paras)
    {
        var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = width, Type = W.TableWidthUnitValues.Pct }));
        cell.Append(paras);
        return cell;
    }

    static W.Table Borderless(params W.TableCell[] cells)
    {
        var table = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
            new W.TableBorders(new W.TopBorder { Val = W.BorderValues.None }, new W.BottomBorder { Val = W.BorderValues.None },
                new W.LeftBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
                new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None })));
        table.Append(new W.TableRow(cells));
        return table;
    }

    /// <summary>A4 with the decree's margins: top and bottom 20 mm, left 30 mm, right 20 mm.</summary>
    public static W.SectionProperties A4() => new(
        new W.PageSize { Width = 11906U, Height = 16838U },
        new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 720U, Footer = 720U, Gutter = 0U });
}
