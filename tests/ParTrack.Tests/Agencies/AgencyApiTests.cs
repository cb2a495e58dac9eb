using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Agencies;

public sealed class AgencyApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_CreateReadUpdate_AndStaleVersionIs409(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var name = TestData.Unique("Sở API");

        var created = await client.PostAsJsonAsync("/api/agencies", new { name, shortName = "SAPI " + name[^6..], kind = "Department", level = "Province", aliases = new[] { name + " cũ" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        var version = body.GetProperty("version").GetGuid();
        body.GetProperty("kind").GetString().Should().Be("Department");
        created.Headers.Location!.OriginalString.Should().Be($"/api/agencies/{id}");

        var got = await client.GetFromJsonAsync<JsonElement>($"/api/agencies/{id}");
        got.GetProperty("aliases")[0].GetString().Should().Be(name + " cũ");

        var updated = await client.PutAsJsonAsync($"/api/agencies/{id}", new { name, kind = "PublicServiceUnit", level = "Province", version });
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await client.PutAsJsonAsync($"/api/agencies/{id}", new { name, kind = "Department", level = "Province", version });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("vừa được người khác thay đổi");

        // PUT replaces the whole agency: the aliases it did not send are gone.
        (await client.GetFromJsonAsync<JsonElement>($"/api/agencies/{id}")).GetProperty("aliases").GetArrayLength().Should().Be(0);
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/agencies?q={Uri.EscapeDataString("  " + name.ToUpperInvariant() + ".")}");
        search.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).Should().Equal(id);
    }

    [Fact]
    public async Task Api_InvalidInput_Is400ProblemWithFieldErrors_Never500()
    {
        var client = await fx.App().As("admin");
        var missing = await client.PostAsJsonAsync("/api/agencies", new { name = "", kind = "Department", level = "Province" });
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("Vui lòng nhập tên");

        var badEnum = await client.PostAsync("/api/agencies", JsonContent.Create(new { name = "X", kind = "Bộ", level = "Province" }));
        badEnum.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var badJson = await client.PostAsync("/api/agencies", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        badJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badJson.Content.ReadAsStringAsync()).Should().NotContain("   at ", "no stack traces");

        var missingAgency = await client.PutAsJsonAsync("/api/agencies/999999", new { name = "X", kind = "Department", level = "Province" });
        missingAgency.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_Leader_CanReadButNotWrite()
    {
        var client = await fx.App().As("leader");
        (await client.GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.OK);
        var post = await client.PostAsJsonAsync("/api/agencies", new { name = TestData.Unique("Sở"), kind = "Department", level = "Province" });
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        post.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Api_Groups_ListCurrentMembersAndResolveNames()
    {
        var app = fx.App();
        var client = await app.As("snv");
        var groups = await client.GetFromJsonAsync<JsonElement>("/api/agency-groups?on=2025-03-01");
        var districts = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == "UBND cấp huyện");
        districts.GetProperty("currentMemberIds").GetArrayLength().Should().Be(13);
        var resolved = await client.GetFromJsonAsync<JsonElement>("/api/agencies/resolve?name=" + Uri.EscapeDataString("Sở KH&CN"));
        resolved.GetProperty("agencyId").GetInt32().Should().Be(await app.AgencyIdAsync("Sở Khoa học và Công nghệ"));
        (await client.GetAsync("/api/agencies/resolve?name=khong-co")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheAgencyEndpoints()
    {
        var doc = await fx.App().Anonymous().GetStringAsync("/openapi/v1.json");
        doc.Should().Contain("/api/agencies/{id}").And.Contain("/api/agency-groups");
    }
}
