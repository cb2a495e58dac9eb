using System.IO.Compression;
using System.Text;
using FluentAssertions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Tests;

/// <summary>
/// .doc, .rtf, .odt (and .xls, .ods) are converted by LibreOffice and then read as DOCX (XLSX). The files
/// are made from the HTML excerpt of seed 000 (Fixtures/formats/plan.html) by LibreOffice in the test;
/// each must give exactly the plan JSON the DOCX made from the same HTML gives. Skipped, with the reason,
/// only where soffice is missing; CI installs LibreOffice.
/// </summary>
public class OfficeConversionTests
{
    private static readonly string Html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "formats", "plan.html"));

    private static readonly Lazy<string> FromDocx = new(() => Json(LibreOffice.Convert(Html, LibreOffice.Docx, "docx"), "plan.docx"));

    private static string Json(byte[] bytes, string name) => PlanJsonSerializer.Serialize(PlanImporter.Import(bytes, name).Plan);

    private const string Missing = "/nonexistent/soffice";

    private static void ShouldRefuse(byte[] bytes, string name, string message, string tool = Missing) =>
        FluentActions.Invoking(() => DocumentReader.Read(bytes, name, [], tool)).Should().Throw<ImportException>().WithMessage(message);

    [SofficeTheory]
    [InlineData("doc:MS Word 97", "doc")]
    [InlineData("rtf:Rich Text Format", "rtf")]
    [InlineData("odt:writer8", "odt")]
    public void WordProcessorFormats_GiveTheSamePlanJsonAsDocx(string target, string extension)
    {
        var bytes = LibreOffice.Convert(Html, target, extension, LibreOffice.WriterHtml);
        // Named .bin: the format is found from the content, not the name.
        var doc = DocumentReader.Read(bytes, "plan.bin", []);
        doc.Format.Should().Be(SourceFormat.Docx);
        doc.Tables.Should().ContainSingle();
        Json(bytes, "plan." + extension).Should().Be(FromDocx.Value);
    }

    [SofficeTheory]
    [InlineData("xls:MS Excel 97", "xls")]
    [InlineData("ods:calc8", "ods")]
    public void SpreadsheetFormats_AreConvertedToXlsx_AndGiveTheActivitiesOfTheHtml(string target, string extension)
    {
        var bytes = LibreOffice.Convert(Html, target, extension, LibreOffice.CalcHtml);
        var doc = DocumentReader.Read(bytes, "plan.bin", []);
        doc.Format.Should().Be(SourceFormat.Xlsx);
        // Read as a real table (header first, the paragraphs above it as lines), not from pipe lines.
        doc.Tables.Should().ContainSingle().Which.Rows[0][0].Should().Be("TT");
        doc.Lines.Should().Contain("Số: 3098/QĐ-UBND");
        var plan = PlanImporter.Import(bytes, "plan." + extension).Plan;
        var html = PlanImporter.Import(Encoding.UTF8.GetBytes(Html), "plan.html").Plan;
        plan.Activities.Should().BeEquivalentTo(html.Activities, o => o.WithStrictOrdering());
        plan.Tasks.Should().BeEquivalentTo(html.Tasks, o => o.WithStrictOrdering());
    }

    [SofficeFact]
    public void SmallRtf_IsReadThroughDocx()
    {
        var doc = DocumentReader.Read(Encoding.ASCII.GetBytes("{\\rtf1\\ansi\\uc1 K\\u7871? ho\\u7841?ch {\\b CCHC} n\\u259?m 2025\\par}"), "a.rtf", []);
        doc.Format.Should().Be(SourceFormat.Docx);
        doc.Lines.Should().Equal("Kế hoạch CCHC năm 2025");
    }

    [SofficeFact]
    public void ExcelAndWord2003Xml_AreConverted()
    {
        // Excel 2003 XML as some systems export it under a .xls name: a merged cell (MergeDown) becomes a merge.
        const string excel = """
            <?xml version="1.0"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
             <Worksheet ss:Name="PL"><Table>
              <Row><Cell><Data ss:Type="String">TT</Data></Cell><Cell><Data ss:Type="String">Nhiệm vụ</Data></Cell><Cell><Data ss:Type="String">Chủ trì</Data></Cell></Row>
              <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">Rà soát văn bản</Data></Cell><Cell><Data ss:Type="String">Sở Tư pháp</Data></Cell></Row>
              <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">Sở Nội vụ</Data></Cell></Row>
             </Table></Worksheet>
            </Workbook>
            """;
        var sheet = DocumentReader.Read(Encoding.UTF8.GetBytes(excel), "phuluc.xls", []);
        sheet.Format.Should().Be(SourceFormat.Xlsx);
        var t = sheet.Tables.Single();
        t.Rows.Select(r => string.Join("|", r)).Should().Equal("TT|Nhiệm vụ|Chủ trì", "1|Rà soát văn bản|Sở Tư pháp", "2|Rà soát văn bản|Sở Nội vụ");
        t.Continued[2].Should().Equal(false, true, false);

        const string word = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <?mso-application progid="Word.Document"?>
            <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>Kế hoạch CCHC năm 2025</w:t></w:r></w:p></w:body></w:wordDocument>
            """;
        var doc = DocumentReader.Read(Encoding.UTF8.GetBytes(word), "kehoach.doc", []);
        doc.Format.Should().Be(SourceFormat.Docx);
        doc.Lines.Should().Equal("Kế hoạch CCHC năm 2025");
    }

    [SofficeFact]
    public void BrokenDoc_IsRefusedWithAdvice() =>
        ShouldRefuse(OldOfficeFile.With("WordDocument", "1Table"), "kehoach.doc",
            "Không chuyển đổi được tệp Word 97–2003 (.doc): tệp có thể bị hỏng hoặc có mật khẩu; hãy mở tệp bằng Word, lưu thành .docx (hoặc xuất PDF) rồi tải lên lại.",
            OfficeConverter.Tool);

    [Fact]
    public void WithoutLibreOffice_EachFormatIsRefused_SayingWhatToSaveAs()
    {
        ShouldRefuse(OldOfficeFile.With("WordDocument", "1Table"), "a.doc",
            "Máy chủ chưa cài LibreOffice (soffice) nên không đọc được tệp Word 97–2003 (.doc); hãy mở tệp bằng Word, lưu thành .docx (hoặc xuất PDF) rồi tải lên lại.");
        ShouldRefuse(Encoding.ASCII.GetBytes("{\\rtf1 hello}"), "a.rtf", "*tệp RTF (.rtf); hãy mở tệp bằng Word, lưu thành .docx*");
        ShouldRefuse(Odf("application/vnd.oasis.opendocument.text"), "a.odt", "*tệp OpenDocument (.odt); hãy mở tệp bằng Word, lưu thành .docx*");
        ShouldRefuse(OldOfficeFile.With("Workbook"), "a.xls", "*tệp Excel 97–2003 (.xls); hãy mở tệp bằng Excel, lưu thành .xlsx*");
        ShouldRefuse(Odf("application/vnd.oasis.opendocument.spreadsheet"), "a.ods", "*(.ods); hãy mở tệp bằng Excel, lưu thành .xlsx*");
    }

    [Fact]
    public void HangingConversion_IsKilledAtTheTimeout_WithAMessage()
    {
        // A stand-in for soffice that never finishes, in its own process group like the real one's children.
        var dir = Directory.CreateTempSubdirectory("partrack-hang-");
        try
        {
            var tool = Path.Combine(dir.FullName, "soffice");
            File.WriteAllText(tool, "#!/bin/sh\nsleep 60 &\nwait\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            FluentActions.Invoking(() => OfficeConverter.Convert(Encoding.ASCII.GetBytes("{\\rtf1 x}"), OfficeConverter.Source.Rtf, tool, TimeSpan.FromSeconds(1)))
                .Should().Throw<ImportException>().WithMessage("Chuyển đổi tệp RTF (.rtf) quá 1 giây nên đã dừng*lưu thành .docx*");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the process tree is killed, not waited for");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void EncryptedOoxml_IsNotTakenForADoc() =>
        ShouldRefuse(OldOfficeFile.With("EncryptionInfo", "EncryptedPackage", "WordDocument"), "kehoach.doc", "Tệp DOCX được bảo vệ bằng mật khẩu*");

    [Fact]
    public void OtherOldOfficeFiles_AreRefused() =>
        ShouldRefuse(OldOfficeFile.With("PowerPoint Document"), "a.ppt", "Tệp Office định dạng cũ này không phải .doc hay .xls*");

    [Fact]
    public void OdfZipBomb_IsRefusedBeforeConversion()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
                w.Write("application/vnd.oasis.opendocument.text");
            using var s = zip.CreateEntry("content.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 30; i++) s.Write(zeros);
        }
        ShouldRefuse(ms.ToArray(), "a.odt", "*giải nén quá lớn*");
    }

    private static byte[] Odf(string mimeType)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            w.Write(mimeType);
        return ms.ToArray();
    }

}
