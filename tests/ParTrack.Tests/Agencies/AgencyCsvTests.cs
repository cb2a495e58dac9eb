using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Agencies;

public sealed class AgencyCsvTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Header = "Mã,Tên,Tên viết tắt,Loại,Cấp,Trực thuộc,Hiệu lực từ,Hiệu lực đến,Kế thừa,Tên gọi khác";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var token = await client.TokenAsync("/Agencies/Csv");
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "co-quan.csv");
        content.Add(new StringContent(token!), HttpForms.TokenField);
        return await client.PostAsync("/Agencies/Csv", content);
    }

    [Fact]
    public async Task Export_IsUtf8WithBomAndVietnameseHeaderAndRows()
    {
        var client = await fx.App().As("leader");
        var response = await client.GetAsync("/Agencies/Export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        text.Split("\r\n")[0].Should().Be(Header);
        text.Should().Contain("Sở Thông tin và Truyền thông,Sở TTTT,\"Sở, ban, ngành\",Cấp tỉnh,UBND tỉnh Hà Tĩnh");
        text.Should().Contain("UBND phường Bắc Hà,,UBND cấp xã,Cấp xã,UBND thành phố Hà Tĩnh,,30/06/2025,UBND phường Thành Sen");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Import_NewRowsLinkingEachOther_AndAnUpdate_AreAllSaved(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var tuPhap = await app.AgencyIdAsync("Sở Tư pháp");
        var csv = $"""
            {Header}
            ,UBND xã Mới {tag},,UBND cấp xã,Cấp xã,UBND tỉnh Hà Tĩnh,01/07/2025,,,
            ,UBND xã Cũ {tag},,UBND cấp xã,Cấp xã,UBND huyện Can Lộc,,30/06/2025,UBND xã Mới {tag},Xã Cũ {tag}; xa cu {tag}
            {tuPhap},Sở Tư pháp,STP-{tag},"Sở, ban, ngành",Cấp tỉnh,UBND tỉnh Hà Tĩnh,,,,
            """;

        var response = await UploadAsync(client, csv);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.Content.ReadAsStringAsync())[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 0))]);
        var old = await app.Db(db => db.Agencies.Include(a => a.Aliases).Include(a => a.Successor).Include(a => a.Parent)
            .SingleAsync(a => a.Name == $"UBND xã Cũ {tag}"));
        old.Successor!.Name.Should().Be($"UBND xã Mới {tag}");
        old.Parent!.Name.Should().Be("UBND huyện Can Lộc");
        old.ValidTo.Should().Be(new DateOnly(2025, 6, 30));
        old.Aliases.Select(a => a.Text).Should().BeEquivalentTo($"Xã Cũ {tag}", $"xa cu {tag}");
        (await app.Db(db => db.Agencies.Where(a => a.Id == tuPhap).Select(a => a.ShortName).SingleAsync())).Should().Be($"STP-{tag}");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Import_RowsWithErrors_ReportsEachRowAndWritesNothing(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var before = await app.Db(db => db.Agencies.CountAsync());
        var csv = $"""
            {Header}
            ,Sở Hợp Lệ {tag},,"Sở, ban, ngành",Cấp tỉnh,,,,,
            ,,,"Sở, ban, ngành",Cấp tỉnh,,,,,
            ,Sở Sai Loại {tag},,Bộ,Cấp tỉnh,,,,,
            ,Sở Sai Ngày {tag},,"Sở, ban, ngành",Cấp tỉnh,,31/02/2025,,,
            ,Sở Không Cha {tag},,"Sở, ban, ngành",Cấp tỉnh,Cơ quan không tồn tại {tag},,,,
            """;

        var response = await UploadAsync(client, csv);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var messages = (await response.ParseAsync()).QuerySelector(".alert-danger")!.TextContent;
        messages.Should().Contain("Dòng 3: thiếu tên cơ quan");
        messages.Should().Contain("Dòng 4: Loại \"Bộ\" không hợp lệ");
        messages.Should().Contain("Dòng 5: Hiệu lực từ \"31/02/2025\" không phải ngày hợp lệ");
        messages.Should().Contain("Chưa nhập gì");
        (await app.Db(db => db.Agencies.CountAsync())).Should().Be(before, "an invalid file writes nothing");

        // Once the shape is right, an unknown parent is still caught (second pass) and rolled back.
        var second = await UploadAsync(client, $"""
            {Header}
            ,Sở Hợp Lệ {tag},,"Sở, ban, ngành",Cấp tỉnh,,,,,
            ,Sở Không Cha {tag},,"Sở, ban, ngành",Cấp tỉnh,Cơ quan không tồn tại {tag},,,,
            """);
        (await second.ParseAsync()).QuerySelector(".alert-danger")!.TextContent
            .Should().Contain($"Dòng 3: cột Trực thuộc ghi \"Cơ quan không tồn tại {tag}\"");
        (await app.Db(db => db.Agencies.CountAsync())).Should().Be(before, "the valid first row is rolled back too");
    }

    [Fact]
    public async Task Import_MissingColumnsOrNoFile_SaysWhatIsWrong()
    {
        var client = await fx.App().As("admin");
        var wrong = await UploadAsync(client, "Tên,Loại\nSở X,Sở\n");
        (await wrong.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Dòng 1: thiếu cột").And.Contain("\"Cấp\"");
        var none = await client.SubmitFormAsync("/Agencies/Csv");
        (await none.ParseAsync()).QuerySelector(".alert-danger")!.TextContent.Should().Contain("Hãy chọn một tệp CSV");
    }

    [Fact]
    public async Task Export_ThenImport_RoundTripsWithoutChanges()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var exported = await client.GetByteArrayAsync("/Agencies/Export");
        var auditBefore = await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "Agency" && e.Action == "Modified"));
        var countBefore = await app.Db(db => db.Agencies.CountAsync());

        var token = await client.TokenAsync("/Agencies/Csv");
        var content = new MultipartFormDataContent { { new ByteArrayContent(exported), "Upload", "export.csv" }, { new StringContent(token!), HttpForms.TokenField } };
        var response = await client.PostAsync("/Agencies/Csv", content);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Agencies.CountAsync())).Should().Be(countBefore);
        var links = await app.Db(db => db.Agencies.Where(a => a.Name == "UBND phường Nam Hà").Select(a => a.Successor!.Name).SingleAsync());
        links.Should().Be("UBND phường Thành Sen");
        var changed = await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "Agency" && e.Action == "Modified")) - auditBefore;
        changed.Should().Be(0, "re-importing the export changes no values");
    }
}
