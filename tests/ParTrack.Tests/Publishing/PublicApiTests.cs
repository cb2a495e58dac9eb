using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Publishing;
using ParTrack.Features.Shared;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Publishing;

/// <summary>The anonymous /api/public: paging with clear errors, the OpenAPI entry, the rate limit.</summary>
public sealed class PublicApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static async Task<string> PublishFiveRowsAsync(TestApp app)
    {
        var key = "2030-" + Guid.NewGuid().ToString("N")[..6];
        await app.Db(async db =>
        {
            var json = PublicTableJson.Write(new PublicTable("Paging", [new("name", "string", "Name", "A name"), new("rank", "integer", "Rank", "A rank")],
                Enumerable.Range(1, 5).Select(i => (IReadOnlyList<object?>)[$"Unit {i}", i]).ToList()));
            db.Add(new Publication
            {
                Kind = "api-test", ItemKey = key, DatasetTitle = "Api test", Label = key, TableJson = json, Sha256 = new string('a', 64),
                PublishedAtUtc = DateTime.UtcNow, PublishedBy = "coordinator"
            });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<PublicCatalog>().Changed();
        return key;
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Rows_ArePagedByFieldName_AndBadPagingIsAVietnamese400(string provider)
    {
        var app = fx.App(provider);
        var key = await PublishFiveRowsAsync(app);
        var client = app.Anonymous();

        using var page2 = JsonDocument.Parse(await client.GetStringAsync($"/api/public/datasets/api-test/{key}?page=2&pageSize=2"));
        page2.RootElement.GetProperty("total").GetInt32().Should().Be(5);
        page2.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Equal("Unit 3", "Unit 4");
        page2.RootElement.GetProperty("rows")[0].GetProperty("rank").GetInt32().Should().Be(3);
        page2.RootElement.GetProperty("fields")[1].GetProperty("type").GetString().Should().Be("integer");

        var bad = await client.GetAsync($"/api/public/datasets/api-test/{key}?page=0&pageSize=5000");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        problem.GetProperty("page")[0].GetString().Should().Contain("bắt đầu từ 1");
        problem.GetProperty("pageSize")[0].GetString().Should().Contain("1 đến 1000");

        (await client.GetAsync("/api/public/datasets/api-test/khong-co")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/public/datasets?pageSize=1000"));
        list.RootElement.GetProperty("items").EnumerateArray().Should().Contain(i => i.GetProperty("key").GetString() == key);
    }

    [Fact]
    public async Task OpenApi_DescribesThePublicApi_WithoutASignInRequirement()
    {
        using var doc = JsonDocument.Parse(await fx.App().Anonymous().GetStringAsync("/openapi/v1.json"));
        var op = doc.RootElement.GetProperty("paths").GetProperty("/api/public/datasets/{kind}/{key}").GetProperty("get");
        op.GetProperty("tags")[0].GetString().Should().Be("Public");
        op.GetProperty("security").EnumerateArray().Should().ContainSingle().Which.EnumerateObject().Should().BeEmpty("[{}]: no sign-in needed");
        op.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "304", "400", "404", "429"]);
    }

    [Fact]
    public async Task PublicApi_OverItsRateLimit_Answers429WithRetryAfter_WhileThePagesStillAnswer()
    {
        await using var app = new TestApp(Databases.Sqlite);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Public:RequestsPerMinute", "3"));
        var client = limited.CreateClient();

        for (var i = 0; i < 3; i++)
            (await client.GetAsync("/api/public/datasets")).StatusCode.Should().Be(HttpStatusCode.OK, $"request {i + 1} of 3");
        var refused = await client.GetAsync("/api/public/datasets");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Quá nhiều yêu cầu");
        (await client.GetAsync("/cong-khai")).StatusCode.Should().Be(HttpStatusCode.OK, "the limit is the API's");
    }
}
