using System.Text;
using FluentAssertions;
using ParTrack.Import.Layouts.Table;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>A plain-text file printed to PDF (fixed-width font, long lines wrapped by the printer) reads like
/// the text itself; word boxes are streamed from `pdftotext -bbox-layout`.</summary>
public class PrintedTextPdfTests
{
    private const double Cw = 6;     // character width of the fixed-width font, points
    private const double Left = 56;  // left margin

    /// <summary>Words of a fixed-width line placed as a printer places them: one character width per letter and space.</summary>
    private static List<PdfWord> Line(string text, int row, double indentChars = 0)
    {
        var words = new List<PdfWord>();
        var x = Left + indentChars * Cw;
        foreach (var part in text.Split(' '))
        {
            if (part.Length > 0) words.Add(new PdfWord(part, x, 50 + 12 * row, x + part.Length * Cw, 60 + 12 * row));
            x += (part.Length + 1) * Cw;
        }
        return words;
    }

    private static PdfPage Page(params List<PdfWord>[] lines) => new(595, 842, lines.SelectMany(l => l).ToList());

    // 40 characters a line: the longest line below reaches the margin.
    private const string Full = "Tổ chức tập huấn nghiệp vụ cho công chức";

    [Fact]
    public void LineTheNextWordWouldNotHaveFitted_IsJoinedToIt()
    {
        var text = PrintedText.Text([Page(Line(Full, 0), Line("cấp xã năm 2025 |", 1), Line("Sở Nội vụ |", 2), Line(Full, 3), Line(Full, 4), Line(Full, 5), Line(Full, 6))]);

        text.Should().StartWith("Tổ chức tập huấn nghiệp vụ cho công chức cấp xã năm 2025 |\nSở Nội vụ |\n");
    }

    [Fact]
    public void ShortLineOrCellEnd_IsNotJoined()
    {
        var text = PrintedText.Text([Page(Line("Kế hoạch năm 2025", 0), Line("Tổ chức tập huấn nghiệp vụ cho cấp xã |", 1), Line("Sở", 2), Line(Full, 3), Line(Full, 4), Line(Full, 5))]);

        text!.Split('\n')[..3].Should().Equal("Kế hoạch năm 2025", "Tổ chức tập huấn nghiệp vụ cho cấp xã |", "Sở");
    }

    [Fact]
    public void NextLineOpeningAnItem_IsNotJoined()
    {
        var text = PrintedText.Text([Page(Line(Full, 0), Line("2.1. Ban hành kế hoạch", 1), Line(Full, 2), Line(Full, 3), Line(Full, 4), Line(Full, 5))]);

        text!.Split('\n')[..2].Should().Equal(Full, "2.1. Ban hành kế hoạch");
    }

    [Fact]
    public void WordBrokenAfterItsHyphen_IsJoinedWithoutSpace()
    {
        var text = PrintedText.Text([Page(Line("Chương trình tổng thể giai đoạn 2021-", 0), Line("2030 của tỉnh", 1), Line(Full, 2), Line(Full, 3), Line(Full, 4), Line(Full, 5))]);

        text!.Split('\n')[0].Should().Be("Chương trình tổng thể giai đoạn 2021-2030 của tỉnh");
    }

    [Fact]
    public void PagesAndIndents_AreKept()
    {
        var text = PrintedText.Text([Page(Line("I. MỤC ĐÍCH", 0), Line("- công khai", 1, indentChars: 4), Line("Sở Nội vụ |", 2)), Page(Line(Full, 0), Line(Full, 1), Line(Full, 2), Line(Full, 3))]);

        text.Should().StartWith("I. MỤC ĐÍCH\n    - công khai\nSở Nội vụ |\n\f" + Full + " " + Full);
    }

    [Fact]
    public void ProportionalFont_IsNotPrintedText()
    {
        // Word and LibreOffice documents: "i" and "m" differ in width.
        var words = Enumerable.Range(0, 30).Select(i => new PdfWord(i % 2 == 0 ? "iii" : "mmm", Left, 50 + 12 * i, Left + (i % 2 == 0 ? 8 : 30), 60 + 12 * i)).ToList();

        PrintedText.Text([new PdfPage(595, 842, words)]).Should().BeNull();
    }

    [Fact]
    public void BoxStream_DecodesEntitiesAndNormalisesAndKeepsEmptyPages()
    {
        const string xhtml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title></title></head><body><doc>
              <page width="595.3" height="841.9"><flow><block xMin="1" yMin="2" xMax="3" yMax="4"><line xMin="1" yMin="2" xMax="3" yMax="4">
                <word xMin="56.8" yMin="55.6" xMax="86.8" yMax="68.6">Sở&amp;Ban</word><word xMin="90" yMin="55.6" xMax="110" yMax="68.6">DECOMPOSED</word>
              </line></block></flow></page>
              <page width="595.3" height="841.9"></page>
            </doc></body></html>
            """;

        // Some fonts map "ỉ" to "i" and a combining hook: the words are compared in NFC, like all text.
        var pages = PdfBoxes.Read(new StringReader(xhtml.Replace("DECOMPOSED", "Tỉnh".Normalize(NormalizationForm.FormD))));

        pages.Should().HaveCount(2);
        pages[0].Words.Select(w => w.Text).Should().Equal("Sở&Ban", "Tỉnh".Normalize(NormalizationForm.FormC));
        pages[0].Words[0].Should().Be(new PdfWord("Sở&Ban", 56.8, 55.6, 86.8, 68.6));
        pages[1].Words.Should().BeEmpty();
    }

    [SofficeFact]
    public void Seed000PrintedToPdf_ReadsLikeTheTextItself()
    {
        var text = File.ReadAllText(TestPaths.Seed("000"));
        var fromText = PlanImporter.Import(Encoding.UTF8.GetBytes(text), "000.txt").Plan;

        var fromPdf = PlanImporter.Import(LibreOffice.PrintText(text), "000.pdf").Plan;

        fromPdf.Activities.Should().HaveCount(95);
        PlanJsonSerializer.Serialize(fromPdf).Should().Be(PlanJsonSerializer.Serialize(fromText));
    }
}
