using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>Whose plan an import is (an officer's is its agency's own; an agency plan implements a province plan) and one document, one plan.</summary>
public sealed class ImportOnceTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static string DepartmentPlan(string letterhead, int year, string? number) =>
        $"UBND TỈNH HÀ TĨNH\n{letterhead}\n" + (number is null ? "" : $"Số: {number}\nHà Tĩnh, ngày 6 tháng 1 năm {year}\n")
        + $"KẾ HOẠCH\nCải cách hành chính năm {year} của {letterhead} ({Guid.NewGuid():N})\n"
        + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
        + "I\tCẢI CÁCH THỂ CHẾ\n"
        + "1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Tư pháp\t\tQuý I\t\n";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text)
    {
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "ke-hoach.txt" },
        };
        return await client.PostAsync("/Plans/Import", form);
    }

    static int IdOf(HttpResponseMessage r) => int.Parse(r.Headers.Location!.OriginalString.Split('/').Last());

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_ImportsAPlan_ItIsItsOwnAgencys_EvenUnderAnotherLetterhead(string provider)
    {
        var app = fx.App(provider);
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var officer = await app.As("stp");

        var upload = await UploadAsync(officer, DepartmentPlan("SỞ NỘI VỤ", 2025, $"{Random.Shared.Next(100000, 999999)}/KH-STP"));

        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = IdOf(upload);
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.OwnerAgencyId).SingleAsync())).Should().Be(stp);
        var preview = await officer.GetPageAsync($"/Plans/Import/{id}");
        preview.QuerySelector("#owner")!.HasAttribute("disabled").Should().BeTrue();
        preview.QuerySelectorAll("#owner option").Select(o => o.TextContent).Should().Equal("Sở Tư pháp");
    }

    [Fact]
    public async Task Officer_CannotHandItsImportToAnotherAgency_NorOpenAnotherAgencysImport()
    {
        var app = fx.App();
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var officer = await app.As("stp");
        var id = IdOf(await UploadAsync(officer, DepartmentPlan("SỞ TƯ PHÁP", 2025, null)));

        await officer.PostWithTokenAsync($"/Plans/Import/{id}?handler=Owner",
            new Dictionary<string, string?> { ["ownerAgencyId"] = snv.ToString() }, tokenFrom: $"/Plans/Import/{id}");

        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.OwnerAgencyId).SingleAsync())).Should().Be(stp);
        (await (await app.As("snv")).GetAsync($"/Plans/Import/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyPlan_ProposesTheIssuedProvincePlanOfItsYear_CoordinatorCanUnlinkIt(string provider)
    {
        var app = fx.App(provider);
        var year = 2060 + Random.Shared.Next(0, 30);
        var province = await PlanReplacementTests.ProvincePlanForYearAsync(app, year, PlanStatus.Issued);
        var client = await app.As("coordinator");

        var id = IdOf(await UploadAsync(client, DepartmentPlan("SỞ NỘI VỤ", year, $"{Random.Shared.Next(100000, 999999)}/KH-SNV")));

        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.ParentPlanId).SingleAsync())).Should().Be(province);
        var preview = await client.GetPageAsync($"/Plans/Import/{id}");
        preview.QuerySelector("#parent option[selected]")!.GetAttribute("value").Should().Be(province.ToString());
        await client.SubmitFormAsync($"/Plans/Import/{id}", new Dictionary<string, string?> { ["parentPlanId"] = "" }, "form.plan-owner");
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.ParentPlanId).SingleAsync())).Should().BeNull();
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.OwnerAgencyId).SingleAsync())).Should().Be(await app.AgencyIdAsync("Sở Nội vụ"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SameFileAgain_WithoutNumberOrDate_IsFoundByItsContentHash(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var text = DepartmentPlan("SỞ TƯ PHÁP", 2025, number: null);
        var id = IdOf(await UploadAsync(client, text));
        var count = await app.Db(db => db.Plans.CountAsync());

        var again = await UploadAsync(client, text);

        again.Headers.Location!.OriginalString.Should().Be($"/Plans/{id}");
        (await app.Db(db => db.Plans.CountAsync())).Should().Be(count);
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.ContentHash).SingleAsync())).Should().HaveLength(64);
    }

    [Fact]
    public async Task SameFileAsAWithdrawnPlan_IsImportedAgain()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var text = DepartmentPlan("SỞ TƯ PHÁP", 2025, number: null);
        var id = IdOf(await UploadAsync(client, text));
        await app.Db(async db => { var p = await db.Plans.SingleAsync(x => x.Id == id); p.Status = PlanStatus.Withdrawn; await db.SaveChangesAsync(); });

        var again = await UploadAsync(client, text);

        again.Headers.Location!.OriginalString.Should().StartWith("/Plans/Import/");
        IdOf(again).Should().NotBe(id);
    }
}
