using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using ParTrack.Features.ParIndex;
using ParTrack.Import;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.ParIndex;

namespace ParTrack.Tests.Inputs;

/// <summary>
/// Finding 10: a crafted small survey XLSX made the server allocate 530 MB. Every XLSX the app reads outside
/// the importer now goes through the importer's bounded reader.
/// </summary>
public sealed class BoundedXlsxTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>A minimal workbook whose one sheet holds <paramref name="sheetXml"/>'s rows.</summary>
    static byte[] Workbook(string sheetRows, string padding = "")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
                w.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetRows}</sheetData>{padding}</worksheet>""");
        }
        return buffer.ToArray();
    }

    /// <summary>Rows whose cells are at column references padded far beyond any sheet (the reviewer's 1.5 KB file).</summary>
    static byte[] PaddedReferences() => Workbook(string.Concat(Enumerable.Range(1, 40).Select(r =>
        $"""<row r="{r}"><c r="ZZZZZ{r}" t="inlineStr"><is><t>x</t></is></c><c r="AAAAAAB{r}" t="inlineStr"><is><t>y</t></is></c></row>""")));

    [Fact]
    public void PaddedColumnReferences_AreReadWithBoundedMemory()
    {
        var file = PaddedReferences();
        file.Length.Should().BeLessThan(4 * 1024);
        ParXlsx.Read(PaddedReferences());   // warm-up: JIT and SDK start-up are not the file's cost

        var before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyList<IReadOnlyList<string>>? rows = null;
        try { rows = ParXlsx.Read(file); }
        catch (ImportException) { }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(50L * 1024 * 1024, "a few KB of input may not cost hundreds of MB");
        rows?.Max(r => r.Count).Should().BeLessThanOrEqualTo(200);
    }

    [Fact]
    public async Task SurveyUpload_ThatInflatesFarBeyondItsSize_IsRefusedWithAVietnameseMessage()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2035);
        var c = await app.As("coordinator");
        var surveyUrl = $"/ParIndex/Rounds/{roundId}/Survey";
        var bomb = Workbook("", padding: "<!--" + new string(' ', 30 * 1024 * 1024) + "-->");
        bomb.Length.Should().BeLessThan(200 * 1024);

        var token = await c.TokenAsync(surveyUrl);
        var file = new ByteArrayContent(bomb);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await c.PostAsync(surveyUrl + "?handler=Import",
            new MultipartFormDataContent { { new StringContent(token!), HttpForms.TokenField }, { file, "file", "dieu-tra.xlsx" } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("giải nén");
    }
}
