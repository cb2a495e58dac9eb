using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Api;

/// <summary>
/// Issue #19 (the fuzzer's findings): whatever a client sends to a write operation, the answer is problem
/// details with a Vietnamese message, never a 500: nulls inside bodies, the wrong content type, malformed
/// JSON, blank names.
/// </summary>
public sealed class ApiBodyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Each write operation with a body that has a null where a value (or a list item) belongs.</summary>
    public static TheoryData<string, string, string, string> NullBodies => new()
    {
        { "POST", "/api/agencies", """{"name":"Sở Null","kind":"Department","level":"Province","aliases":[null]}""", "aliases[0]" },
        { "POST", "/api/agencies", """{"name":"Sở Null 2","kind":"Department","level":"Province","aliases":null}""", "aliases" },
        { "PUT", "/api/agencies/{agency}", """{"name":"Sở Null 3","kind":"Department","level":"Province","aliases":[null],"version":"{agencyVersion}"}""", "aliases[0]" },
        { "POST", "/api/agency-groups", """{"name":"Nhóm Null","memberKinds":null,"aliases":[]}""", "memberKinds" },
        { "POST", "/api/agency-groups", """{"name":"Nhóm Null 2","memberKinds":["Department"],"aliases":[null]}""", "aliases[0]" },
        { "PUT", "/api/agency-groups/{group}", """{"name":"Nhóm Null 3","memberKinds":[null],"aliases":[],"version":"{groupVersion}"}""", "memberKinds[0]" },
        { "POST", "/api/plans", """{"schema":"partrack.plan/v1","document":{"title":"KH","fromYear":2025},"activities":[null]}""", "activities[0]" },
        { "POST", "/api/plans", """{"schema":"partrack.plan/v1","document":null}""", "document" },
        { "POST", "/api/plans", """{"schema":"partrack.plan/v1","document":{"title":"KH","fromYear":2025},"activities":[{"text":"Việc","lead":[null],"due":{"kind":"unknown"}}]}""", "activities[0].lead[0]" },
        { "PUT", "/api/activities/{activity}/assignments", """{"version":"{activityVersion}","lead":[null],"support":[]}""", "lead[0]" },
        { "PUT", "/api/activities/{activity}/assignments", """{"version":"{activityVersion}","lead":[{"name":null}],"support":null}""", "lead[0].name" },
    };

    [Theory, MemberData(nameof(NullBodies))]
    public async Task WriteOperation_NullInsideBody_Is400WithTheField_Never500(string method, string url, string body, string field)
    {
        var app = fx.App();
        var client = await app.As("coordinator");
        (url, body) = await FillAsync(app, client, url, body);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).Should().BeTrue(problem.ToString());
        // A null the JSON reader itself refuses (an enum) is "JSON không hợp lệ"; others name the empty value.
        messages[0].GetString().Should().ContainAny("không được để trống", "JSON không hợp lệ");
    }

    [Theory]
    [InlineData("POST", "/api/plans")]
    [InlineData("POST", "/api/agencies")]
    [InlineData("POST", "/api/agency-groups")]
    public async Task WriteOperation_NotJson_Is415ProblemDetails(string method, string url)
    {
        var client = await fx.App().As("coordinator");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        { Content = new StringContent("name=Sở X", Encoding.UTF8, "text/plain") });

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Contain("application/json");
    }

    [Theory]
    [InlineData("/api/plans")]
    [InlineData("/api/agencies")]
    [InlineData("/api/agency-groups")]
    public async Task WriteOperation_MalformedJson_Is400ProblemDetails(string url)
    {
        var client = await fx.App().As("coordinator");
        var response = await client.PostAsync(url, Json("{\"name\": \"Sở"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("JSON").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("/api/agencies", """{"name":"   ","kind":"Department","level":"Province"}""", "name", "Vui lòng nhập tên")]
    [InlineData("/api/agency-groups", """{"name":" ","memberKinds":["Department"]}""", "name", "Vui lòng nhập tên nhóm")]
    [InlineData("/api/plans", """{"schema":"partrack.plan/v1","document":{"title":"  ","fromYear":2025}}""", "document.title", "tên kế hoạch")]
    [InlineData("/api/plans", """{"schema":"partrack.plan/v1","document":{"fromYear":2025}}""", "document.title", "tên kế hoạch")]
    public async Task Create_BlankName_IsRefusedWithAFieldError(string url, string body, string field, string message)
    {
        var client = await fx.App().As("coordinator");
        var response = await client.PostAsync(url, Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(field, out var messages).Should().BeTrue(errors.ToString());
        messages[0].GetString().Should().Contain(message);
    }

    /// <summary>Puts real ids and versions into a case's url and body.</summary>
    static async Task<(string Url, string Body)> FillAsync(TestApp app, HttpClient client, string url, string body)
    {
        if (url.Contains("{agency}"))
        {
            var a = await app.AddAgencyAsync(TestData.Agency());
            (url, body) = (url.Replace("{agency}", a.Id.ToString()), body.Replace("{agencyVersion}", a.Version.ToString()));
        }
        if (url.Contains("{group}"))
        {
            var created = await client.PostAsJsonAsync("/api/agency-groups", new { name = TestData.Unique("Nhóm"), memberKinds = new[] { "Department" } });
            var g = await created.Content.ReadFromJsonAsync<JsonElement>();
            (url, body) = (url.Replace("{group}", g.GetProperty("id").ToString()), body.Replace("{groupVersion}", g.GetProperty("version").GetString()));
        }
        if (url.Contains("{activity}"))
        {
            var (_, activityId) = await app.AgencyPlanAsync("Sở Nội vụ");
            (url, body) = (url.Replace("{activity}", activityId.ToString()), body.Replace("{activityVersion}", (await app.ActivityVersionAsync(activityId)).ToString()));
        }
        return (url, body);
    }
}
