using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>Whose plan an import is (proposed from the issuer) and the same document imported once.</summary>
public sealed class ImportOwnerTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static string DepartmentPlan(string number) =>
        $"UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: {number}\nHà Tĩnh, ngày 6 tháng 1 năm 2025\nKẾ HOẠCH\nCải cách hành chính năm 2025 của Sở Nội vụ\n"
        + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
        + "I\tCẢI CÁCH THỂ CHẾ\n"
        + "1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Nội vụ\t\tQuý I\t\n";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text)
    {
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "ke-hoach-so.txt" },
        };
        return await client.PostAsync("/Plans/Import", form);
    }

    [Fact]
    public async Task DepartmentLetterhead_ProposesTheDepartment_CoordinatorCanMakeItTheProvinces()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        var upload = await UploadAsync(client, DepartmentPlan($"{Random.Shared.Next(100000, 999999)}/KH-SNV"));
        var url = upload.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());

        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.OwnerAgencyId).SingleAsync())).Should().Be(snv);
        var preview = await client.GetPageAsync(url);
        preview.QuerySelector("#owner option[selected]")!.TextContent.Should().Be("Sở Nội vụ");

        var change = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["ownerAgencyId"] = "" }, formSelector: "form.plan-owner");

        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.OwnerAgencyId).SingleAsync())).Should().BeNull();
    }

    [Fact]
    public async Task SameDocumentAgain_TakesTheUserToTheExistingPlan_NoSecondPlan()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var text = DepartmentPlan($"{Random.Shared.Next(100000, 999999)}/KH-SNV");
        var first = await UploadAsync(client, text);
        var id = int.Parse(first.Headers.Location!.OriginalString.Split('/').Last());
        var count = await app.Db(db => db.Plans.CountAsync());

        var again = await UploadAsync(client, text);

        again.Headers.Location!.OriginalString.Should().Be($"/Plans/{id}");
        (await app.Db(db => db.Plans.CountAsync())).Should().Be(count);
    }
}
