using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using ParTrack.Import;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Api;

/// <summary>What the API document lists and who may create plans (issue #19, "Also").</summary>
public sealed class ApiScopeTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenApiDocument_ListsOnlyApiPaths()
    {
        var doc = await fx.App().Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("/api/"), "pages such as /Reports/Evidence/{id} answer HTML or files");
    }

    /// <summary>The API creates province plans (coordinators); an officer imports only its own agency's plan, on the import page.</summary>
    [Theory]
    [InlineData("snv", HttpStatusCode.OK)]
    [InlineData("leader", HttpStatusCode.Forbidden)]
    public async Task PostPlan_AsNonCoordinator_Is403_ImportPageOnlyForAnOfficersOwnPlan(string user, HttpStatusCode importPage)
    {
        var app = fx.App();
        var client = await app.As(user);
        var json = TestDb.Fixture() with { Document = TestDb.Fixture().Document with { Title = TestData.Unique("KH của cơ quan") } };

        var response = await client.PostAsync("/api/plans", new StringContent(PlanJsonSerializer.Serialize(json), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.GetAsync("/Plans/Import")).StatusCode.Should().Be(importPage);
    }
}
