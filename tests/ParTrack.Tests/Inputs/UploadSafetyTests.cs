using System.IO.Compression;
using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>
/// Finding 18: an upload is kept under a safe name with the extension of what it really is, Office files
/// carrying programs or macros, or too large once inflated, are refused, and downloads are attachments of
/// the sniffed type.
/// </summary>
public sealed class UploadSafetyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    async Task<(TestApp App, HttpClient Client, string Url, int EntryId, int Period, int Agency)> DraftAsync()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var client = await app.As("snv");
        var url = ReportTestData.ReportUrl(period, snv);
        await ReportingCycleTests.PostFormToAsync(client, url, "#report-form", url, []);
        var entry = (await app.ReportAsync(period, snv)).Entries.First(e => e.Leads);
        return (app, client, url, entry.Id, period, snv);
    }

    /// <summary>A real JPEG start followed by an HTML page with a script.</summary>
    static byte[] JpegWithHtml() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0,
            .. "<html><script>alert(document.cookie)</script></html>"u8.ToArray()];

    static byte[] Docx(Action<ZipArchive>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
                using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write("<?xml version=\"1.0\"?><x/>");
            extra?.Invoke(zip);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task JpegNamedHtml_IsKeptAndServedAsAJpegAttachment()
    {
        var (app, client, url, entryId, period, snv) = await DraftAsync();

        (await client.UploadAsync(url, entryId, "trang.html", JpegWithHtml())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var evidence = (await app.ReportAsync(period, snv)).Entries.Single(e => e.Id == entryId).Evidence.Single();
        evidence.FileName.Should().Be("trang.jpg");
        var download = await client.GetAsync($"/Reports/Evidence/{evidence.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("trang.jpg");
    }

    [Theory]
    [InlineData("word/embeddings/payload.exe")]
    [InlineData("word/vbaProject.bin")]
    [InlineData("customXml/run.vbs")]
    [InlineData("word/media/tool.DLL")]
    [InlineData("word/start.js")]
    public async Task OfficeFile_CarryingAProgramOrMacros_IsRefusedWithAMessage(string part)
    {
        var (app, client, url, entryId, period, snv) = await DraftAsync();
        var docx = Docx(zip => { using var s = zip.CreateEntry(part).Open(); s.Write("MZ\u0090\0"u8); });

        var response = await client.UploadAsync(url, entryId, "bao-cao.docx", docx);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("bao-cao.docx").And.Contain("chương trình");
        (await app.ReportAsync(period, snv)).Entries.Single(e => e.Id == entryId).Evidence.Should().BeEmpty();
    }

    [Fact]
    public async Task OfficeFile_TooLargeOnceInflated_IsRefusedAsAZipBomb()
    {
        var (app, client, url, entryId, period, snv) = await DraftAsync();
        var bomb = Docx(zip =>
        {
            using var s = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 150; i++) s.Write(zeros);
        });
        bomb.Length.Should().BeLessThan(1024 * 1024, "150 MB of zeros compress to a small file");

        var response = await client.UploadAsync(url, entryId, "bom.docx", bomb);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("giải nén");
    }

    [Theory]
    [InlineData("hoa-don\u202Excod.pdf", "hoa-donxcod.pdf")]
    [InlineData("..\\..\\etc\\bao\u200Fcao.exe", "baocao.pdf")]
    [InlineData("\u0007.pdf", "minh-chung.pdf")]
    public async Task FileName_WithControlBidiOrPathCharacters_IsKeptSafe(string sent, string kept)
    {
        var (app, client, url, entryId, period, snv) = await DraftAsync();

        (await client.UploadAsync(url, entryId, sent, ReportTestData.Pdf())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.ReportAsync(period, snv)).Entries.Single(e => e.Id == entryId).Evidence.Single().FileName.Should().Be(kept);
    }

    [Fact]
    public void SafeName_UsesTheSniffedTypesExtension()
    {
        FileStore.SafeName("anh.png", "image/jpeg").Should().Be("anh.jpg");
        FileStore.SafeName("Báo cáo quý I.DOCX", FileStore.DocxType).Should().Be("Báo cáo quý I.docx");
        FileStore.SafeName("phu-luc.xlsx.exe", FileStore.XlsxType).Should().Be("phu-luc.xlsx");
        // CR/LF cannot even be sent in a multipart name by HttpClient; a hand-made request could.
        FileStore.SafeName("bien\r\nban.pdf", FileStore.PdfType).Should().Be("bienban.pdf");
    }
}
