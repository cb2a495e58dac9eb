using System.Diagnostics;
using System.Text;
using FluentAssertions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>PDF reading through the real pdftotext and soffice, and the limits that keep the reader safe.</summary>
public class RobustnessTests
{
    private static SourceDocument Read(byte[] bytes, string? name = null) => DocumentReader.Read(bytes, name, []);

    private static void ShouldRefuse(byte[] bytes, string? name, string message) =>
        FluentActions.Invoking(() => Read(bytes, name)).Should().Throw<ImportException>().WithMessage(message);

    // ---- PDF

    /// <summary>Makes a PDF with LibreOffice from HTML.</summary>
    private static byte[] PdfFromHtml(string html, string? filter = null) =>
        Convert(html, filter is null ? "pdf" : "pdf:writer_pdf_Export:" + filter, "pdf");

    private static byte[] Convert(string html, string target, string extension) => LibreOffice.Convert(html, target, extension);

    private const string TwoPages = """
        <html><body><p>Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025</p><p>Trang một có chữ.</p>
        <p style="page-break-before: always">Trang hai: Sở Nội vụ chủ trì.</p></body></html>
        """;

    [Fact]
    public void Pdf_WithText_GivesLinesAndPages()
    {
        var doc = Read(PdfFromHtml(TwoPages), "kehoach.pdf");

        doc.Format.Should().Be(SourceFormat.Pdf);
        var first = doc.Lines.ToList().FindIndex(l => l.Contains("Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025"));
        var second = doc.Lines.ToList().FindIndex(l => l.Contains("Trang hai: Sở Nội vụ chủ trì."));
        first.Should().BeGreaterThanOrEqualTo(0);
        second.Should().BeGreaterThan(first);
        doc.PageOf(first).Should().Be(1);
        doc.PageOf(second).Should().Be(2);
        doc.Lines.Should().NotContain(l => l.Contains('\f'));
    }

    [Fact]
    public void Pdf_PasswordProtected_IsRefused()
    {
        var pdf = PdfFromHtml(TwoPages, """{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"abc"}}""");
        ShouldRefuse(pdf, "kehoach.pdf", "Tệp PDF được bảo vệ bằng mật khẩu*");
    }

    [Fact]
    public void Pdf_WithoutTextLayer_AsksForOcr() =>
        ShouldRefuse(PdfWithoutText(), "scan.pdf", "PDF không có lớp chữ (bản quét); cần nhận dạng ký tự (OCR) trước khi nhập.");

    [Fact]
    public void Pdf_Corrupt_IsRefused() =>
        ShouldRefuse(Encoding.ASCII.GetBytes("%PDF-1.4\nthis is not a pdf body at all\n"), "x.pdf", "Tệp PDF bị hỏng*");

    [Fact]
    public void Pdf_ToolMissing_SaysSo() =>
        FluentActions.Invoking(() => PdfReader.Read(PdfWithoutText(), [], "/nonexistent/pdftotext"))
            .Should().Throw<ImportException>().WithMessage("*chưa cài công cụ pdftotext*");

    /// <summary>One page that only strokes a rectangle: a valid PDF with no text objects, like a scan.</summary>
    private static byte[] PdfWithoutText()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 30 >>\nstream\n100 100 200 300 re S\nQ q\nendstream",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    [Fact]
    public void Docx_SavedByLibreOffice_MergedCellsExpanded()
    {
        var html = """
            <html><body><p>Phụ lục</p><table border="1"><tr><td>TT</td><td colspan="2">Nội dung</td></tr>
            <tr><td rowspan="2">1</td><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><p>Hết</p></body></html>
            """;
        var doc = Read(Convert(html, "docx:MS Word 2007 XML", "docx"), "plan.docx");

        doc.Format.Should().Be(SourceFormat.Docx);
        doc.Lines.Should().Contain("Phụ lục").And.Contain("Hết");
        var t = doc.Tables.Should().ContainSingle().Subject;
        t.Rows.Should().HaveCount(3);
        t.Rows[0].Should().Equal("TT", "Nội dung", "Nội dung");
        t.Rows[1].Should().Equal("1", "a", "b");
        t.Rows[2].Should().Equal("1", "c", "d");
        t.Continued[0].Should().Equal(false, false, true);
        t.Continued[2].Should().Equal(true, false, false);
    }

    // ---- Size limit: a file of exactly 50 MB is read within seconds; one byte more is refused at once.

    [Fact]
    public void FiftyMegabytes_IsReadWithinSeconds()
    {
        var line = Encoding.UTF8.GetBytes("Sở Nội vụ chủ trì, phối hợp các cơ quan.\n");
        var bytes = new byte[DocumentReader.MaxBytes];
        var whole = bytes.Length / line.Length * line.Length;
        for (var i = 0; i < whole; i++) bytes[i] = line[i % line.Length];
        bytes.AsSpan(whole).Fill((byte)' '); // whole lines only, so no letter is cut in half

        var clock = Stopwatch.StartNew();
        var doc = Read(bytes, "big.txt");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
        doc.Lines.Count.Should().Be(whole / line.Length + 1, "every line plus the padding line");
        doc.Lines[0].Should().Be("Sở Nội vụ chủ trì, phối hợp các cơ quan.");
    }

    [Fact]
    public void OverFiftyMegabytes_IsRefusedAtOnce()
    {
        var clock = Stopwatch.StartNew();
        ShouldRefuse(new byte[DocumentReader.MaxBytes + 1], "big.txt", "Tệp quá lớn*");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    // ---- Text normalisation

    [Fact]
    public void Text_IsNfcWithoutNulAndKeepsLineStructure()
    {
        var decomposed = "Sở Nội vụ".Normalize(NormalizationForm.FormD);
        var doc = Read(Encoding.UTF8.GetBytes($"{decomposed}\0\r\n\r\nDòng ba\rDòng bốn\n"));

        doc.Lines.Should().Equal("Sở Nội vụ", "", "Dòng ba", "Dòng bốn");
        doc.Lines[0].IsNormalized(NormalizationForm.FormC).Should().BeTrue();
    }

    [Fact]
    public void GarbageNamedDocx_IsRefusedAsBrokenDocx()
    {
        var bytes = new byte[2000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x80; // not a zip, PDF or OLE signature
        ShouldRefuse(bytes, "kehoach.docx", "Tệp DOCX bị hỏng*");
        ShouldRefuse(bytes, "kehoach.pdf", "Tệp PDF bị hỏng*");
    }

    [Fact]
    public void TextNamedPdf_IsReadAsText()
    {
        var doc = Read(Encoding.UTF8.GetBytes("Kế hoạch CCHC năm 2025"), "kehoach.pdf");
        doc.Format.Should().Be(SourceFormat.Text);
        doc.Lines.Should().Equal("Kế hoạch CCHC năm 2025");
    }

    [Fact]
    public void ScannedImage_AsksForOcr() =>
        ShouldRefuse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "scan.png", "Tệp là ảnh (bản quét)*OCR*");

    [Fact]
    public void Rtf_WithoutLibreOffice_IsRefusedWithAdvice() =>
        FluentActions.Invoking(() => DocumentReader.Read(Encoding.ASCII.GetBytes("{\\rtf1\\ansi hello}"), "a.rtf", [], "/nonexistent/soffice"))
            .Should().Throw<ImportException>().WithMessage("Máy chủ chưa cài LibreOffice*RTF*lưu thành .docx*");

    [Fact]
    public void PipeText_StaysText()
    {
        var doc = Read(Encoding.UTF8.GetBytes("TT | 1- Mục tiêu | 2- Nhiệm vụ |\n1 | <b>không phải html</b> |"), "a.html");
        doc.Format.Should().Be(SourceFormat.Text);
        doc.Lines.Should().HaveCount(2);
    }
}
