using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FluentAssertions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

public class DocumentReaderTests
{
    private const string Sample = "Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025\nSở Nội vụ chủ trì\nThường xuyên";
    private static readonly string[] SampleLines = ["Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025", "Sở Nội vụ chủ trì", "Thường xuyên"];

    private static SourceDocument Read(byte[] bytes, string? name = null) => DocumentReader.Read(bytes, name, []);

    private static void ShouldRefuse(byte[] bytes, string? name, string message) =>
        FluentActions.Invoking(() => Read(bytes, name)).Should().Throw<ImportException>().WithMessage(message);

    // ---- Text encodings

    [Fact]
    public void Utf8_WithoutBom() =>
        Read(Encoding.UTF8.GetBytes(Sample), "a.txt").Lines.Should().Equal(SampleLines);

    [Fact]
    public void Utf8_WithBom()
    {
        var doc = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)]);
        doc.Format.Should().Be(SourceFormat.Text);
        doc.Lines.Should().Equal(SampleLines);
    }

    [Fact]
    public void Utf16LittleEndian_WithBom() =>
        Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)]).Lines.Should().Equal(SampleLines);

    [Fact]
    public void Utf16BigEndian_WithBom() =>
        Read([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)]).Lines.Should().Equal(SampleLines);

    [Fact]
    public void Utf16_WithoutBom_DetectedFromNulBytes()
    {
        Read(Encoding.Unicode.GetBytes(Sample)).Lines.Should().Equal(SampleLines);
        Read(Encoding.BigEndianUnicode.GetBytes(Sample)).Lines.Should().Equal(SampleLines);
    }

    [Fact]
    public void Windows1258_IsRefusedWithUtf8Advice()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1258).GetBytes(Sample);
        ShouldRefuse(bytes, "kehoach.txt", "Tệp văn bản không phải UTF-8 hoặc UTF-16; hãy lưu lại với mã hóa UTF-8.");
    }

    [Fact]
    public void Empty_IsRefused() => ShouldRefuse([], "a.txt", "Tệp rỗng*");

    [Fact]
    public void RandomBytes_AreRefused()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        ShouldRefuse(bytes, "a.bin", "Tệp văn bản không phải UTF-8*");
    }

    [Fact]
    public void ControlCharacters_AreRefusedAsBinary()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(1 + i % 8)).ToArray();
        ShouldRefuse(bytes, "a.txt", "Tệp không phải văn bản*");
    }

    // ---- HTML

    private const string Html = """
        <!DOCTYPE html><html><head><title>T</title><style>p { color: red }</style>
        <script>var secret = "Sở Tư pháp";</script></head>
        <body><h1>KẾ HOẠCH</h1><p>Dòng một<br>Dòng   hai</p><script>document.write("ẩn")</script>
        <table>
          <tr><th>TT</th><th colspan="2">Nội dung</th></tr>
          <tr><td rowspan="2">1</td><td>a<br>a2</td><td>b</td></tr>
          <tr><td>c</td><td>d<table><tr><td>n1</td><td>n2</td></tr></table></td></tr>
        </table>
        <div>Hết</div></body></html>
        """;

    [Fact]
    public void Html_LinesSkipScriptsAndShowRowsInPipeForm()
    {
        var doc = Read(Encoding.UTF8.GetBytes(Html), "page.txt");

        doc.Format.Should().Be(SourceFormat.Html);
        doc.Lines.Should().Equal("KẾ HOẠCH", "Dòng một", "Dòng hai", "TT | Nội dung |", "1 | a a2 | b |", "c | d n1 n2 |", "Hết");
    }

    [Fact]
    public void Html_TableExpandsRowspanAndColspan()
    {
        var doc = Read(Encoding.UTF8.GetBytes(Html));

        doc.Tables.Should().HaveCount(1, "the nested table is flattened into its cell");
        var t = doc.Tables[0];
        t.Rows.Should().HaveCount(3);
        t.Rows[0].Should().Equal("TT", "Nội dung", "Nội dung");
        t.Rows[1].Should().Equal("1", "a\na2", "b");
        t.Rows[2].Should().Equal("1", "c", "d\nn1 n2");
        t.Continued[0].Should().Equal(false, false, true);
        t.Continued[1].Should().Equal(false, false, false);
        t.Continued[2].Should().Equal(true, false, false);
    }

    // ---- DOCX

    internal static byte[] BuildDocx()
    {
        static TableCell Cell(string text, int gridSpan = 1, MergedCellValues? merge = null, bool continueMerge = false, OpenXmlElement? extra = null)
        {
            var props = new TableCellProperties();
            if (gridSpan > 1) props.Append(new GridSpan { Val = gridSpan });
            if (merge is not null) props.Append(new VerticalMerge { Val = merge });
            if (continueMerge) props.Append(new VerticalMerge()); // no val = continue
            var cell = new TableCell(props, new Paragraph(new Run(new Text(text))));
            if (extra is not null) cell.Append(extra, new Paragraph());
            return cell;
        }
        var nested = new Table(new TableRow(Cell("n1"), Cell("n2")));
        var table = new Table(
            new DocumentFormat.OpenXml.Wordprocessing.TableGrid(new GridColumn(), new GridColumn(), new GridColumn()),
            new TableRow(Cell("A", gridSpan: 2), Cell("B", merge: MergedCellValues.Restart)),
            new TableRow(Cell("C"), Cell("D"), Cell("", continueMerge: true)),
            new TableRow(Cell("E", merge: MergedCellValues.Restart), Cell("F"), Cell("G", extra: nested)),
            new TableRow(Cell("", continueMerge: true), Cell("H", gridSpan: 2)));
        var body = new Body(
            new Paragraph(new Run(new Text("Kế hoạch CCHC"), new Break(), new Text("năm 2025"))),
            new Paragraph(new Run(new Text("Sở  Nội vụ") { Space = SpaceProcessingModeValues.Preserve })),
            table,
            new Paragraph(new Run(new Text("Hết"))));

        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }

    [Fact]
    public void Docx_ParagraphsAndTableRowsBecomeLines()
    {
        var doc = Read(BuildDocx(), "kehoach.docx");

        doc.Format.Should().Be(SourceFormat.Docx);
        doc.Lines.Should().Equal("Kế hoạch CCHC", "năm 2025", "Sở Nội vụ", "A | B |", "C | D | |", "E | F | G n1 n2 |", "| H |", "Hết");
    }

    [Fact]
    public void Docx_GridSpanAndVMergeExpanded()
    {
        var t = Read(BuildDocx(), "kehoach.docx").Tables.Should().ContainSingle().Subject;

        t.Rows.Should().HaveCount(4);
        t.Rows[0].Should().Equal("A", "A", "B");
        t.Rows[1].Should().Equal("C", "D", "B");
        t.Rows[2].Should().Equal("E", "F", "G\nn1\nn2");
        t.Rows[3].Should().Equal("E", "H", "H");
        t.Continued[0].Should().Equal(false, true, false);
        t.Continued[1].Should().Equal(false, false, true);
        t.Continued[2].Should().Equal(false, false, false);
        t.Continued[3].Should().Equal(true, false, true);
    }

    [Fact]
    public void Docx_DetectedFromContentWhateverTheName() =>
        Read(BuildDocx(), "kehoach.pdf").Format.Should().Be(SourceFormat.Docx);

    [Fact]
    public void Docx_Truncated_IsRefused()
    {
        var bytes = BuildDocx();
        ShouldRefuse(bytes[..(bytes.Length / 2)], "kehoach.docx", "Tệp DOCX bị hỏng hoặc không đầy đủ*");
    }

    [Fact]
    public void Docx_PasswordProtected_IsRefused()
    {
        // An encrypted DOCX is an OLE compound file holding EncryptionInfo and EncryptedPackage streams.
        var bytes = OldOfficeFile.With("EncryptionInfo", "EncryptedPackage");
        ShouldRefuse(bytes, "kehoach.docx", "Tệp DOCX được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.");
    }

    [Fact]
    public void OldDoc_WithoutLibreOffice_IsRefusedWithAdvice() =>
        FluentActions.Invoking(() => DocumentReader.Read(OldOfficeFile.With("WordDocument", "1Table"), "kehoach.doc", [], "/nonexistent/soffice"))
            .Should().Throw<ImportException>().WithMessage("Máy chủ chưa cài LibreOffice*(.doc)*lưu thành .docx*");


    [Fact]
    public void Docx_ZipBomb_IsRefusedQuickly()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            using var s = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 30; i++) s.Write(zeros); // 30 MB of zeros compresses about 1000:1
        }
        var clock = Stopwatch.StartNew();
        ShouldRefuse(ms.ToArray(), "bomb.docx", "*giải nén quá lớn*");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ZipWithoutWordDocument_IsRefused()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("ppt/presentation.xml").Open()))
            w.Write("<presentation/>");
        ShouldRefuse(ms.ToArray(), "bang.docx", "Tệp nén này không phải tài liệu Word*");
    }
}
