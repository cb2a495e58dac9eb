using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Agencies;

public sealed class AgencyPagesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Dictionary<string, string?> Fields(string name, string kind = "Department", string level = "Province") =>
        new() { ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.Level"] = level };

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Create_ValidAgency_IsSavedWithAliasesAndListed(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var name = TestData.Unique("Sở Thử");
        var fields = Fields(name);
        fields["Input.ShortName"] = "ST " + name[^6..];
        fields["AliasesText"] = $"Sở thử nghiệm {name[^6..]}\nSTN {name[^6..]}";
        fields["Input.ParentId"] = (await app.AgencyIdAsync("UBND tỉnh Hà Tĩnh")).ToString();

        var response = await client.SubmitFormAsync("/Agencies/Edit", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.Db(db => db.Agencies.Include(a => a.Aliases).SingleAsync(a => a.Name == name));
        saved.Aliases.Select(a => a.Text).Should().BeEquivalentTo($"Sở thử nghiệm {name[^6..]}", $"STN {name[^6..]}");
        saved.Aliases.Select(a => a.Key).Should().Contain($"stn {name[^6..]}");
        saved.ParentId.Should().Be(await app.AgencyIdAsync("UBND tỉnh Hà Tĩnh"));
        var list = await client.GetPageAsync("/Agencies?q=" + Uri.EscapeDataString($"stn {name[^6..]}"));
        list.QuerySelector("tbody")!.TextContent.Should().Contain(name);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Create_WithoutNameOrWithTakenAlias_ShowsVietnameseErrorsAndSavesNothing(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("admin");
        var before = await app.Db(db => db.Agencies.CountAsync());

        var noName = await client.SubmitFormAsync("/Agencies/Edit", Fields(""));
        noName.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noName.ParseAsync()).Messages().Should().Contain("Vui lòng nhập tên cơ quan");

        var fields = Fields(TestData.Unique("Sở Trùng"));
        fields["AliasesText"] = "Sở TTTT";   // already the short name of Sở Thông tin và Truyền thông
        var taken = await client.SubmitFormAsync("/Agencies/Edit", fields);
        taken.StatusCode.Should().Be(HttpStatusCode.OK);
        (await taken.ParseAsync()).Messages().Should().Contain("Sở TTTT").And.Contain("Sở Thông tin và Truyền thông");

        var badKind = await client.SubmitFormAsync("/Agencies/Edit", Fields(TestData.Unique("Sở"), kind: "Khong-co"));
        ((int)badKind.StatusCode).Should().BeLessThan(500);

        (await app.Db(db => db.Agencies.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Create_SuccessorWithoutEndDate_IsRefused()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var fields = Fields(TestData.Unique("UBND xã Cũ"), "CommuneCommittee", "Commune");
        fields["Input.SuccessorId"] = (await app.AgencyIdAsync("UBND phường Thành Sen")).ToString();
        var page = await (await client.SubmitFormAsync("/Agencies/Edit", fields)).ParseAsync();
        page.Messages().Should().Contain("phải có ngày hết hiệu lực");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Create_FormPostedTwice_CreatesOneRecordAndSendsBothToIt(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var page = await client.GetPageAsync("/Agencies/Edit");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var name = TestData.Unique("Sở Hai Lần");

        var first = await client.SubmitAsync(form, "/Agencies/Edit", Fields(name));
        var second = await client.SubmitAsync(form, "/Agencies/Edit", Fields(name));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location.Should().Be(first.Headers.Location);
        (await app.Db(db => db.Agencies.CountAsync(a => a.Name == name))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Create_SameFormPostedTwiceAtOnce_StillCreatesOneRecord(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var page = await client.GetPageAsync("/Agencies/Edit");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var name = TestData.Unique("Sở Cùng Lúc");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SubmitAsync(form, "/Agencies/Edit", Fields(name))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect);
        responses.Select(r => r.Headers.Location).Distinct().Should().ContainSingle();
        (await app.Db(db => db.Agencies.CountAsync(a => a.Name == name))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Edit_SecondSaveFromAStalePage_IsRefusedWithMessageAndKeepsTheFirst(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency());
        var url = $"/Agencies/Edit/{agency.Id}";
        var alice = await app.As("coordinator");
        var bob = await app.As("admin");
        var alicePage = await alice.GetPageAsync(url);
        var bobPage = await bob.GetPageAsync(url);

        var aliceSave = await alice.SubmitAsync((IHtmlFormElement)alicePage.QuerySelector("main form[method=post]")!, url,
            new Dictionary<string, string?> { ["Input.ShortName"] = "Alice" });
        aliceSave.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var bobSave = await bob.SubmitAsync((IHtmlFormElement)bobPage.QuerySelector("main form[method=post]")!, url,
            new Dictionary<string, string?> { ["Input.ShortName"] = "Bob" });
        bobSave.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = await bobSave.ParseAsync();
        shown.Messages().Should().Contain("vừa được người khác thay đổi");
        ((IHtmlInputElement)shown.QuerySelector("#Input_ShortName")!).Value.Should().Be("Bob", "the second editor's input is not lost");

        (await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.ShortName).SingleAsync())).Should().Be("Alice");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Edit_WritesAuditEntryWithWhoBeforeAndAfter(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency(shortName: "Cũ"));
        var client = await app.As("coordinator");

        await client.SubmitFormAsync($"/Agencies/Edit/{agency.Id}", new Dictionary<string, string?> { ["Input.ShortName"] = "Mới" });

        var entry = await app.Db(db => db.AuditEntries
            .Where(e => e.Entity == "Agency" && e.EntityId == agency.Id.ToString() && e.Action == "Modified").SingleAsync());
        entry.UserName.Should().Be("coordinator");
        entry.Before.Should().Contain("\"ShortName\":\"Cũ\"");
        entry.After.Should().Contain("\"ShortName\":\"Mới\"");
        entry.AtUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var created = await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == "Agency" && e.EntityId == agency.Id.ToString()
            && e.Action == "Added" && e.UserName == "system"));
        created.Should().BeTrue("the builder's insert ran outside a request");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Edit_RemovingAnAlias_DeletesItSoTheNameCanBeUsedAgain(string provider)
    {
        var app = fx.App(provider);
        var alias = TestData.Unique("Tên tạm");
        var first = await app.AddAgencyAsync(TestData.Agency(aliases: [alias]));
        var second = await app.AddAgencyAsync(TestData.Agency());
        var client = await app.As("coordinator");

        (await client.SubmitFormAsync($"/Agencies/Edit/{first.Id}", new Dictionary<string, string?> { ["AliasesText"] = "" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.AgencyAliases.CountAsync(a => a.Text == alias))).Should().Be(0);

        (await client.SubmitFormAsync($"/Agencies/Edit/{second.Id}", new Dictionary<string, string?> { ["AliasesText"] = alias }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.AgencyAliases.Where(a => a.Text == alias).Select(a => a.AgencyId).SingleAsync())).Should().Be(second.Id);
    }

    [Fact]
    public async Task List_FiltersByKindLevelAndValidity()
    {
        var client = await fx.App().As("leader");
        var current = (await client.GetPageAsync("/Agencies?kind=DistrictCommittee&validity=current")).QuerySelector("tbody")!.TextContent;
        current.Should().NotContain("UBND huyện Can Lộc", "district units ended on 30/06/2025");
        var past = (await client.GetPageAsync("/Agencies?kind=DistrictCommittee&validity=past")).QuerySelector("tbody")!.TextContent;
        past.Should().Contain("UBND huyện Can Lộc").And.Contain("UBND thị xã Kỳ Anh").And.NotContain("Sở Nội vụ");
        var communes = (await client.GetPageAsync("/Agencies?level=Commune&validity=all")).QuerySelector("tbody")!.TextContent;
        communes.Should().Contain("UBND phường Bắc Hà").And.Contain("Kế thừa: UBND phường Thành Sen");
    }

    [Fact]
    public async Task Groups_ShowMembersOnTheChosenDay()
    {
        var client = await fx.App().As("snv");
        var before = await client.GetPageAsync("/Agencies/Groups?day=2025-05-01");
        var district = before.QuerySelectorAll("section").Single(s => IsGroup(s, "UBND cấp huyện"));
        district.QuerySelectorAll("li").Should().HaveCount(13);
        var after = await client.GetPageAsync("/Agencies/Groups?day=2025-08-01");
        after.QuerySelectorAll("section").Single(s => IsGroup(s, "UBND cấp huyện"))
            .QuerySelectorAll("li").Should().BeEmpty();
    }

    // The heading is the group's name and its member count ("UBND cấp huyện 13"), not "UBND cấp huyện và cấp xã 15".
    static bool IsGroup(AngleSharp.Dom.IElement section, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(
            string.Join(' ', section.QuerySelector("h2")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            $"^{System.Text.RegularExpressions.Regex.Escape(name)} \\d+$");

    [Fact]
    public async Task GroupCreate_SavesKindsAndAliases()
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        var name = TestData.Unique("Nhóm đơn vị sự nghiệp");
        var response = await client.SubmitFormAsync("/Agencies/GroupEdit", new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.MemberKinds"] = "PublicServiceUnit", ["AliasesText"] = name + " (viết khác)",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var group = await app.Db(db => db.AgencyGroups.Include(g => g.Aliases).SingleAsync(g => g.Name == name));
        group.MemberKinds.Should().Be("PublicServiceUnit");
        group.Aliases.Should().ContainSingle();

        var none = await client.SubmitFormAsync("/Agencies/GroupEdit", new Dictionary<string, string?> { ["Input.Name"] = TestData.Unique("Nhóm") });
        (await none.ParseAsync()).Messages().Should().Contain("Chọn ít nhất một loại");
    }
}
