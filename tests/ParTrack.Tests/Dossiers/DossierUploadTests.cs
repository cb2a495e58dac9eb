using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>/Dossiers/Upload: a one-stop export through the mapping step, the preview and the import, to its summary.</summary>
public sealed class DossierUploadTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string VietnameseHeader = "Mã hồ sơ,Mã TTHC,Đơn vị giải quyết,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp,Trạng thái,Ghi chú";

    /// <summary>Posts the file on step 1; returns the response (a redirect to the review page when the file was kept).</summary>
    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string source)
    {
        var token = await client.TokenAsync("/Dossiers/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new StringContent(source), "Source" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync("/Dossiers/Upload", form);
    }

    static async Task<string> ReviewUrlAsync(HttpClient client, byte[] content, string source, string fileName = "motcua.csv")
    {
        var response = await UploadAsync(client, content, fileName, source);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Presses "Nhập toàn bộ tệp" on the review page; returns the summary's URL.</summary>
    static async Task<string> ImportAsync(HttpClient client, string reviewUrl)
    {
        var response = await client.SubmitFormAsync(reviewUrl, formSelector: "main form[action*=Import]");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OtherHeaders_AreMappedOnce_ImportedThroughTheMapping_AndTheMappingIsReusedNextTime(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var source = TestData.Unique("igate");
        var file = Utf8($"{VietnameseHeader}\nMAP-1,1.001,Sở Tư pháp,05/01/2036,10/01/2036,08/01/2036,trực tuyến,da_giai_quyet,\nMAP-2,1.001,Sở Tư pháp,06/01/2036,,,trực tiếp,dang_xu_ly,x\n");

        var review = await ReviewUrlAsync(client, file, source);
        var mapping = await client.GetPageAsync(review);
        Selected(mapping, "dossier_code").Should().Be("Mã hồ sơ", "the header most like the contract's column is proposed");
        Selected(mapping, "agency").Should().Be("Đơn vị giải quyết");
        Selected(mapping, "received_at").Should().Be("Ngày tiếp nhận");
        mapping.QuerySelector("label[for=col_dossier_code]")!.TextContent.Should().Contain("*", "required columns are marked");

        var saved = await client.SubmitFormAsync(review, formSelector: "main form[action*=Mapping]");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preview = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        preview.QuerySelectorAll("table tbody tr").Select(r => r.Children[1].TextContent).Should().Equal("MAP-1", "MAP-2");
        preview.QuerySelectorAll("table tbody tr")[0].Children[4].TextContent.Should().Be("05/01/2036", "the preview shows the row as it will be read");

        var summary = await client.GetPageAsync(await ImportAsync(client, review));
        summary.QuerySelector("#taken")!.TextContent.Should().Be("2");
        (await app.Db(db => db.Set<Dossier>().Where(d => d.Source == source).OrderBy(d => d.Code).Select(d => d.ResolvedOn).ToListAsync()))
            .Should().Equal(new DateOnly(2036, 1, 8), null);

        // The next export of the same source goes straight to the preview, read through the saved mapping.
        var next = await client.GetPageAsync(await ReviewUrlAsync(client, Utf8($"{VietnameseHeader}\nMAP-3,1.001,Sở Tư pháp,07/01/2036,,,trực tuyến,dang_xu_ly,\n"), source));
        next.QuerySelector("select#col_dossier_code").Should().BeNull("the saved mapping is reused");
        next.QuerySelectorAll("table tbody tr").Select(r => r.Children[1].TextContent).Should().Equal("MAP-3");
    }

    static string? Selected(IHtmlDocument page, string column) =>
        (page.QuerySelector($"select#col_{column}") as IHtmlSelectElement)?.SelectedOptions.FirstOrDefault()?.TextContent;

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RefusedRows_AreListedWithTheirLineAndReason_AndTheOthersAreTaken(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var csv = new DossierCsv()
            .Row(code: "REF-1", received: "2036-02-03")
            .Row(code: "REF-2", received: "31/02/2036")
            .Row(code: "REF-3", received: "2036-02-03", agency: "Sở Không Có")
            .Row(code: "REF-4", received: "2036-02-04");

        var summary = await client.GetPageAsync(await ImportAsync(client, await ReviewUrlAsync(client, csv.Bytes(), TestData.Unique("ref"))));

        summary.QuerySelector("#taken")!.TextContent.Should().Be("2");
        summary.QuerySelector("#refused")!.TextContent.Should().Be("2");
        var refused = summary.QuerySelectorAll("table tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        refused.Select(r => r.Item1).Should().Equal("3", "4");
        refused[0].Item2.Should().Contain("received_at").And.Contain("không phải ngày");
        refused[1].Item2.Should().Contain("Sở Không Có").And.Contain("không có trong danh mục");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DoubleSubmit_ImportsOnce_AndReimportingTheFile_ReplacesWithoutAddingDossiers(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var source = TestData.Unique("twice");
        var csv = new DossierCsv().Row(code: "TW-1", received: "2036-03-02").Row(code: "TW-2", received: "2036-03-03");

        var review = await ReviewUrlAsync(client, csv.Bytes(), source);
        var form = (IHtmlFormElement)(await client.GetPageAsync(review)).QuerySelector("main form[action*=Import]")!;
        var first = await client.SubmitAsync(form, review);
        var second = await client.SubmitAsync(form, review);
        second.Headers.Location.Should().Be(first.Headers.Location, "the same form posted twice lands on the first import");
        (await app.Db(db => db.Set<DossierImport>().CountAsync(i => i.Source == source))).Should().Be(1);

        var again = await client.GetPageAsync(await ImportAsync(client, await ReviewUrlAsync(client, csv.Bytes(), source)));
        again.QuerySelector("#taken")!.TextContent.Should().Be("2");
        again.QuerySelector("#replaced")!.TextContent.Should().Be("2");
        (await app.Db(db => db.Set<Dossier>().CountAsync(d => d.Source == source))).Should().Be(2);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BrokenOrOversizedFile_GetsAVietnameseMessage_AndNothingIsImported(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var source = TestData.Unique("hong");

        var broken = await UploadAsync(client, [(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "xuat.xlsx", source);
        broken.StatusCode.Should().Be(HttpStatusCode.OK);
        (await broken.ParseAsync()).Messages().Should().Contain("Không đọc được tệp");

        var large = await UploadAsync(client, new byte[DossierUploads.MaxBytes + 10], "lon.csv", source);
        large.StatusCode.Should().Be(HttpStatusCode.OK);
        (await large.ParseAsync()).Messages().Should().Contain("lớn hơn 20 MB");

        var noHeader = await ReviewUrlAsync(client, Utf8("a,b,c\n1,2,3\n"), source);
        (await client.GetPageAsync(noHeader)).QuerySelector("select#col_dossier_code").Should().NotBeNull("an unknown header asks for the mapping");
        var refused = await client.SubmitFormAsync(noHeader, new Dictionary<string, string?> { ["col_dossier_code"] = "0" }, "main form[action*=Mapping]");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.ParseAsync()).Messages().Should().Contain("bắt buộc");
        (await app.Db(db => db.Set<DossierImport>().CountAsync(i => i.Source == source))).Should().Be(0);
        (await app.Db(db => db.Set<DossierSource>().CountAsync(s => s.Name == source))).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_IsRefused(string provider)
    {
        var officer = await fx.App(provider).As("stp");

        (await officer.GetAsync("/Dossiers/Upload")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostWithTokenAsync("/Dossiers/Upload", new Dictionary<string, string?> { ["Source"] = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
