using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FluentAssertions;
using ParTrack.Features.Reporting.Documents;
using ParTrack.Features.Shared;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Tests.Reporting;

/// <summary>The Decree 30 document builder and the sheet writer on their own: layout parts, and bad text that must not break the file.</summary>
public sealed class OfficialDocumentTests
{
    static OfficialDocument Sample(string text, string name) => new OfficialDocument(
            new OfficialHeader("Ủy ban nhân dân", "Tỉnh Hà Tĩnh", "BC-UBND", "Hà Tĩnh", null, 2025, "BÁO CÁO", "Kết quả " + text))
        .Heading("I. KẾT QUẢ " + text, 1)
        .Paragraph(text)
        .Table(["TT", "Cơ quan", "Nội dung"], [1, 3, 6], [["1", name, text]])
        .Closing(new OfficialSignature(["- " + name + ";", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]))
        .Annex("I", "Phụ lục " + text)
        .Table(["A"], [1], [[text]]);

    static List<string> Errors(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    static List<string> Errors(Sheet sheet, out List<string> cells)
    {
        var bytes = SheetWriter.Write([sheet, sheet with { Name = sheet.Name }]);
        using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        cells = book.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<X.Cell>()).Select(c => c.InnerText).ToList();
        book.WorkbookPart.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value).Should().OnlyHaveUniqueItems();
        return new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    [Fact]
    public void Header_HasIssuerNumberMottoUnderlinedAndDateInItalics_PageSetupPerDecree30()
    {
        var bytes = Sample("quý I năm 2025", "Sở Nội vụ").ToBytes();
        Errors(bytes).Should().BeEmpty();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var header = body.Elements<W.Table>().First();
        var cells = header.Descendants<W.TableCell>().ToList();
        cells[0].InnerText.Should().Contain("ỦY BAN NHÂN DÂN").And.Contain("TỈNH HÀ TĨNH").And.Contain("Số:").And.Contain("/BC-UBND");
        cells[1].InnerText.Should().Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").And.Contain("Hà Tĩnh, ngày");
        cells[1].Descendants<W.Run>().Single(r => r.InnerText == "Độc lập - Tự do - Hạnh phúc").RunProperties!.Underline.Should().NotBeNull();
        cells[1].Descendants<W.Run>().Single(r => r.InnerText.StartsWith("Hà Tĩnh, ngày")).RunProperties!.Italic.Should().NotBeNull();
        // The short line under the issuer is a bordered paragraph inside the left cell.
        cells[0].Descendants<W.ParagraphBorders>().Should().ContainSingle();

        var section = body.Elements<W.SectionProperties>().Single();
        var size = section.GetFirstChild<W.PageSize>()!;
        (size.Width!.Value, size.Height!.Value).Should().Be((11906U, 16838U), "A4");
        var margin = section.GetFirstChild<W.PageMargin>()!;
        // Decree 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (56.7 twips per mm).
        ((int)margin.Top!.Value).Should().BeInRange(1134, 1418);
        ((int)margin.Bottom!.Value).Should().BeInRange(1134, 1418);
        ((int)margin.Left!.Value).Should().BeInRange(1701, 1985);
        ((int)margin.Right!.Value).Should().BeInRange(850, 1134);
        section.GetFirstChild<W.TitlePage>().Should().NotBeNull("no page number on the first page");
        doc.MainDocumentPart.HeaderParts.SelectMany(h => h.Header.Descendants<W.FieldCode>()).Should().Contain(f => f.Text.Contains("PAGE"));
        doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<W.RunFonts>().First().Ascii!.Value.Should().Be("Times New Roman");
        body.Descendants<W.ParagraphStyleId>().Select(s => s.Val!.Value).Should().Contain("Heading1");
        body.Elements<W.Table>().Skip(1).First().GetFirstChild<W.TableProperties>()!.GetFirstChild<W.TableWidth>()!.Width!.Value
            .Should().Be(OfficialDocument.TextWidth.ToString(), "tables are as wide as the text, never wider");
    }

    [Fact]
    public void ControlCharactersFromWord_GiveValidDocxAndXlsx_WordsStayApart()
    {
        const string pasted = "Đã ban hành\vKế hoạch\fsố 12\0/KH-SNV\u0001\u001F xong";
        var bytes = Sample(pasted, "Sở\u000BNội vụ").ToBytes();
        Errors(bytes).Should().BeEmpty();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            doc.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("Kế hoạch").And.Contain("số 12/KH-SNV").And.NotContain("\0");
        Errors(new Sheet("Khung\0nhiệm vụ", pasted, ["A", "B"], [10, 10], [new([pasted, 3])]), out var cells).Should().BeEmpty();
        cells.Should().Contain(c => c.Contains("số 12/KH-SNV"));
    }

    [Fact]
    public void VeryLongTexts_GiveValidDocxAndXlsx_AndTheTableKeepsItsWidth()
    {
        var longText = string.Concat(Enumerable.Repeat("Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính. ", 600));
        var unbroken = new string('x', 5000);
        var bytes = Sample(longText + unbroken, unbroken).ToBytes();
        Errors(bytes).Should().BeEmpty();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            doc.MainDocumentPart!.Document.Body!.Descendants<W.TableLayout>().Should().OnlyContain(l => l.Type! == W.TableLayoutValues.Fixed);
        Errors(new Sheet(new string('S', 80), longText, ["A"], [10], [new([longText + unbroken])]), out var cells).Should().BeEmpty();
        cells.Should().Contain(c => c.Length > 30000);
    }

    [Fact]
    public void NamesWithSymbols_GiveValidDocxAndXlsx_WithTheNamesIntact()
    {
        const string name = "Sở Khoa học & Công nghệ <Ban \"2088\"> [tạm]: 50% / 'TTHC' * ? \\ 🙂";
        var bytes = Sample(name, name).ToBytes();
        Errors(bytes).Should().BeEmpty();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            doc.MainDocumentPart!.Document.Body!.InnerText.Should().Contain(name);
        Errors(new Sheet(name, name, [name], [10], [new([name])]), out var cells).Should().BeEmpty();
        cells.Should().Contain(name);
    }

    [Fact]
    public void HeaderPrintedByLibreOffice_KeepsNationalNameMottoAndDateEachOnOneLine()
    {
        // The longest real names: a commune under a province, the date with a two-word place.
        var docx = new OfficialDocument(new OfficialHeader("UBND tỉnh Thừa Thiên Huế", "Sở Nội vụ", "BC-SNV", "Thừa Thiên Huế",
                new DateOnly(2026, 12, 28), 2026, "BÁO CÁO", "Kết quả"))
            .Paragraph("Nội dung.").ToBytes();
        var dir = Directory.CreateTempSubdirectory("partrack-header-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "header.pdf");
            File.WriteAllBytes(pdf, ParTrack.Import.Reading.OfficeConverter.ToPdf(docx));
            var text = Pdftotext(pdf);
            var lines = text.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\s+", " ").Trim()).ToList();
            lines.Should().Contain(l => l.EndsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "the national name is one line:\n" + text);
            lines.Should().Contain(l => l.EndsWith("Độc lập - Tự do - Hạnh phúc"), "the motto is one line:\n" + text);
            lines.Should().Contain(l => l.EndsWith("Thừa Thiên Huế, ngày 28 tháng 12 năm 2026"), "the date line is one line:\n" + text);
        }
        finally { dir.Delete(recursive: true); }
    }

    static string Pdftotext(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", "-l", "1", pdf, "-"]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
