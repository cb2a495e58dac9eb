using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Api;

/// <summary>
/// One concurrency rule for every update (docs/api.md): the body carries the version the client read;
/// none is 428 with a message, a stale one 409 with the current version; the right one saves and answers
/// the new version.
/// </summary>
public sealed class ApiConcurrencyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>An update endpoint: how to make a fresh resource (url, current version) and a valid body for a version.</summary>
    public sealed record Case(string Name, Func<TestApp, HttpClient, Task<(string Url, Guid Version)>> Create, Func<Guid?, object> Body)
    {
        public override string ToString() => Name;
    }

    static readonly Case[] Cases =
    [
        new("agency", async (app, _) =>
        {
            var a = await app.AddAgencyAsync(TestData.Agency());
            return ($"/api/agencies/{a.Id}", a.Version);
        }, v => new { name = TestData.Unique("Sở Phiên bản"), kind = "Department", level = "Province", version = v }),
        new("group", async (_, client) =>
        {
            var created = await client.PostAsJsonAsync("/api/agency-groups", new { name = TestData.Unique("Nhóm"), memberKinds = new[] { "Department" } });
            var g = await created.Content.ReadFromJsonAsync<JsonElement>();
            return ($"/api/agency-groups/{g.GetProperty("id")}", g.GetProperty("version").GetGuid());
        }, v => new { name = TestData.Unique("Nhóm Phiên bản"), memberKinds = new[] { "Department", "PeoplesCommittee" }, version = v }),
        new("assignments", async (app, _) =>
        {
            var (_, activityId) = await app.AgencyPlanAsync("Sở Nội vụ");
            return ($"/api/activities/{activityId}/assignments", await app.ActivityVersionAsync(activityId));
        }, v => new { version = v, lead = new[] { new { name = "Sở Nội vụ" } }, support = Array.Empty<object>() }),
    ];

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    [Theory, MemberData(nameof(Names))]
    public async Task Update_WithoutVersion_Is428_AndNothingChanges(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var app = fx.App();
        var client = await app.As("coordinator");
        var (url, version) = await c.Create(app, client);

        var response = await client.PutAsJsonAsync(url, c.Body(null));

        response.StatusCode.Should().Be((HttpStatusCode)428, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("version");
        var retry = await client.PutAsJsonAsync(url, c.Body(version));
        retry.StatusCode.Should().Be(HttpStatusCode.OK, "the refused update changed nothing, so the version read still holds");
    }

    [Theory, MemberData(nameof(Names))]
    public async Task Update_WithStaleVersion_Is409_WithTheCurrentVersion(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var app = fx.App();
        var client = await app.As("coordinator");
        var (url, version) = await c.Create(app, client);

        var first = await client.PutAsJsonAsync(url, c.Body(version));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var newVersion = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        newVersion.Should().NotBe(version);

        var stale = await client.PutAsJsonAsync(url, c.Body(version));

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        stale.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetGuid().Should().Be(newVersion);
    }
}
