using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>The import page accepts .json: a plan JSON in our own import format (partrack.plan/v1, what
/// `partrack import --json` prints) becomes a draft plan as it is; any other JSON is refused in plain words.</summary>
public sealed class ImportJsonTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static string PlanJson(string title) => $$"""
        { "schema": "partrack.plan/v1",
          "document": { "number": null, "type": "Kế hoạch", "issuer": "UBND tỉnh", "place": null, "issuedOn": null, "signer": null,
                        "title": "{{title}}", "fromYear": 2026, "toYear": 2026 },
          "areas": [ { "code": "I", "title": "Cải cách thể chế" } ],
          "targets": [],
          "tasks": [ { "code": "1", "area": "I", "targets": [], "text": "Rà soát văn bản quy phạm pháp luật" } ],
          "activities": [ { "code": "1.1", "task": "1", "area": "I", "text": "Lập danh mục văn bản cần sửa đổi", "outputs": "Danh mục",
                            "lead": [ "Sở Tư pháp" ], "support": [], "due": { "text": "Quý II", "kind": "during", "start": "2026-04-01", "end": "2026-06-30" },
                            "budget": null } ] }
        """;

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "ke-hoach.json" },
        };
        return await client.PostAsync("/Plans/Import", form);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PlanJsonInOurFormat_BecomesADraftWithItsActivity(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var title = TestData.Unique("Kế hoạch cải cách hành chính năm 2026");

        var upload = await UploadAsync(client, PlanJson(title));

        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = int.Parse(upload.Headers.Location!.OriginalString.Split('/').Last());
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Title).SingleAsync())).Should().Be(title);
        var activity = await app.Db(db => db.Activities.Where(a => a.PlanId == id).Select(a => new { a.Text, a.DueKind, a.DueStart }).SingleAsync());
        activity.Text.Should().Be("Lập danh mục văn bản cần sửa đổi");
        activity.DueKind.Should().Be("during");
        activity.DueStart.Should().Be(new DateOnly(2026, 4, 1));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task OtherJson_IsRefusedInWords_NothingSaved(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var count = await app.Db(db => db.Plans.CountAsync());

        var response = await UploadAsync(client, """{ "danhSach": [1, 2, 3] }""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("không phải kế hoạch của ParTrack");
        (await app.Db(db => db.Plans.CountAsync())).Should().Be(count);
    }
}
