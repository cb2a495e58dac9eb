using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Import;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>Plans through the real HTTP pipeline: pages, exports, API, concurrency, double posts, cascade.</summary>
public sealed class PlansHttpTests(AppFixture fx) : IClassFixture<AppFixture>
{

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PlanPage_ShowsFrameworkTableWithAreaRowsAndUnresolvedBadges(string provider)
    {
        var app = fx.App(provider);
        // A name from seed 000 that the demo registry does not resolve (which units get inspected is decided later).
        var id = await app.ProvincePlanAsync(change: json => json.Activities[2].Lead[0] = "các đơn vị được kiểm tra");
        var page = await (await app.As("coordinator")).GetPageAsync($"/Plans/{id}");

        page.QuerySelectorAll(".framework-table .area-row").Select(r => r.TextContent.Trim())
            .Should().Equal("I. Công tác triển khai các nhiệm vụ CCHC", "III. Cải cách thủ tục hành chính", "Chưa xếp lĩnh vực");
        // (the fixture's third target has no area: it is listed last, not dropped)
        page.QuerySelectorAll(".framework-table td[rowspan='2']").Should().HaveCount(3, "target 1.1 (TT and text) and task 2.1 span two activities");
        page.QuerySelectorAll(".framework-table .unresolved").Select(e => e.TextContent).Should().Contain(t => t.Contains("các đơn vị được kiểm tra"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PlanPage_FilterByStatusAndDueWindow_KeepsOnlyMatchingActivities(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync();
        var page = await (await app.As("leader")).GetPageAsync($"/Plans/{id}?from=2025-01-01&to=2025-03-31");

        // Quý I (3.2) and the continuous inspection overlap Q1; December 2024 and the event-bound one do not.
        var text = page.QuerySelector(".framework-table")!.TextContent;
        text.Should().Contain("Ban hành kế hoạch CCHC của cơ quan, đơn vị").And.Contain("Kiểm tra công tác CCHC");
        text.Should().NotContain("Xây dựng dự thảo").And.NotContain("Tuyên truyền");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Exports_JsonIsTheContract_AndXlsxIsAWorkbook(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync();
        var client = await app.As("leader");

        var json = await client.GetAsync($"/Plans/{id}?handler=Json");
        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var plan = PlanJsonSerializer.Deserialize(await json.Content.ReadAsStringAsync())!;
        plan.Schema.Should().Be("partrack.plan/v1");
        plan.Activities.Should().HaveCount(4);
        plan.Activities[3].Due.Should().Be(new Due("Sau khi các cơ quan TW công bố chỉ số PAPI", "event", null, null));

        var xlsx = await client.GetAsync($"/Plans/{id}?handler=Xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal((byte)'P', (byte)'K');
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ActivityEdit_TwoPeopleSaveTheSameVersion_SecondIsRefusedAndKeepsItsInput(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync();
        var activityId = await app.Db(db => db.Activities.Where(a => a.PlanId == id && a.Code == "3.2").Select(a => a.Id).SingleAsync());
        var url = $"/Plans/{id}/Activities/{activityId}";
        var alice = await app.As("coordinator");
        var bob = await app.As("admin");
        var aliceForm = (IHtmlFormElement)(await alice.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        var bobForm = (IHtmlFormElement)(await bob.GetPageAsync(url)).QuerySelector("main form[method=post]")!;

        var first = await alice.SubmitAsync(aliceForm, url, new Dictionary<string, string?> { ["Form.Budget"] = "25" });
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await bob.SubmitAsync(bobForm, url, new Dictionary<string, string?> { ["Form.Budget"] = "20 triệu", ["Form.Outputs"] = "Kế hoạch của Bob" });

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await second.ParseAsync();
        page.Messages().Should().Contain("Người khác vừa lưu hoạt động này");
        page.QuerySelector("#theirs-title")!.ParentElement!.TextContent.Should().Contain("25");
        ((IHtmlInputElement)page.QuerySelector("input[name='Form.Budget']")!).Value.Should().Be("20 triệu");
        ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Form.Outputs']")!).Value.Should().Be("Kế hoạch của Bob");
        (await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Budget).SingleAsync())).Should().Be("25");

        // Having seen the other values, Bob saves again and wins knowingly.
        var again = await bob.SubmitAsync((IHtmlFormElement)page.QuerySelector("main form[method=post]")!, url);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Budget).SingleAsync())).Should().Be("20 triệu");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewActivity_FormPostedTwice_CreatesOneActivity(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync(PlanStatus.Draft);
        var client = await app.As("coordinator");
        var url = $"/Plans/{id}/Activities";
        var form = (IHtmlFormElement)(await client.GetPageAsync(url)).QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string?> { ["Form.Text"] = "Hoạt động thêm bằng tay", ["Form.Lead"] = "Sở Nội vụ\nBan Thi đua", ["Form.DueKind"] = "by", ["Form.DueEnd"] = "2025-06-30" };

        var first = await client.SubmitAsync(form, url, fields);
        var second = await client.SubmitAsync(form, url, fields);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location.Should().Be(first.Headers.Location);
        var created = await app.Db(db => db.Activities.Include(a => a.Assignments).Where(a => a.PlanId == id && a.Text == "Hoạt động thêm bằng tay").ToListAsync());
        created.Should().ContainSingle();
        created[0].Assignments.Select(x => (x.Name, x.IsResolved)).Should().Equal(("Sở Nội vụ", true), ("Ban Thi đua", false));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewActivity_WithoutText_ShowsVietnameseError_NotA500(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync(PlanStatus.Draft);
        var response = await (await app.As("coordinator")).SubmitFormAsync($"/Plans/{id}/Activities",
            new Dictionary<string, string?> { ["Form.Text"] = "", ["Form.DueStart"] = "2025-05-01", ["Form.DueEnd"] = "2025-04-01" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).Messages().Should().Contain("Hãy nhập nội dung hoạt động");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ResolvingAName_FromTheNamesPage_RemembersAnAlias(string provider)
    {
        var app = fx.App(provider);
        // A name of its own, so other tests in this class (same database) keep their unresolved names.
        var name = TestData.Unique("Đoàn kiểm tra");
        var id = await app.ProvincePlanAsync(change: json => json.Activities[2].Lead[0] = name);
        var client = await app.As("coordinator");
        var office = await app.AgencyIdAsync("Sở Nội vụ");

        var response = await client.SubmitFormAsync($"/Plans/{id}/Names",
            new Dictionary<string, string?> { ["name"] = name, ["target"] = $"a:{office}", ["provinceWide"] = "true" },
            formSelector: "main form[method=post]");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.AgencyAliases.AnyAsync(a => a.Key == name.ToLowerInvariant() && a.AgencyId == office))).Should().BeTrue();
        (await client.GetPageAsync($"/Plans/{id}/Names")).QuerySelectorAll("tr.unresolved").Select(r => r.TextContent).Should().NotContain(t => t.Contains(name));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Issue_ProvincePlan_ByCoordinator_SetsIssued(string provider)
    {
        var app = fx.App(provider);
        // A year no other test here issues a province plan for: a second plan for a year needs to be marked as replacing (PlanReplacementTests).
        var id = await PlanReplacementTests.ProvincePlanForYearAsync(app, 2039, PlanStatus.Draft);
        var client = await app.As("coordinator");

        var asked = await client.SubmitFormAsync($"/Plans/{id}", formSelector: "form[action*='handler=Issue']");

        asked.StatusCode.Should().Be(HttpStatusCode.OK, "issuing asks first");
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Draft);
        var activities = await app.Db(db => db.Activities.CountAsync(a => a.PlanId == id));
        var question = await asked.ParseAsync();
        question.QuerySelector("#confirm-issue-counts")!.TextContent.Should().MatchRegex($@"{activities} hoạt động, [1-9]\d* cơ quan sẽ nhận việc");

        var response = await ConfirmIssueAsync(client, question, $"/Plans/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Issued);
    }

    /// <summary>"Ban hành" then "Xác nhận ban hành" on the page that asked.</summary>
    internal static Task<HttpResponseMessage> ConfirmIssueAsync(HttpClient client, AngleSharp.Dom.IDocument asked, string pageUrl) =>
        client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)(asked.QuerySelector("#confirm-issue-form")
            ?? throw new InvalidOperationException("Issuing did not ask: " + asked.Messages())), pageUrl);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Cascade_OfficerCreatesOwnPlan_PrefilledAndCountedWhenIssued(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync();
        var officer = await app.As("snv");

        var created = await officer.SubmitFormAsync($"/Plans/{id}", formSelector: "form[action*='handler=Cascade']");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var ownId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var own = await app.Db(db => db.Plans.Include(p => p.Activities).SingleAsync(p => p.Id == ownId));
        own.ParentPlanId.Should().Be(id);
        // Sở Nội vụ leads 3.1 by name and is a department (group "Các sở, ban, ngành cấp tỉnh" leads 3.2); the
        // uncoded row is led by "Đoàn kiểm tra CCHC tỉnh", whose standing body the demo registry says is Sở Nội vụ.
        own.Activities.OrderBy(a => a.Order).Select(a => a.Code).Should().Equal("3.1", "3.2", null);

        var asked = await officer.SubmitFormAsync($"/Plans/{ownId}", formSelector: "form[action*='handler=Issue']");
        (await ConfirmIssueAsync(officer, await asked.ParseAsync(), $"/Plans/{ownId}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var status = await (await app.As("coordinator")).GetPageAsync($"/Plans/{id}/Cascade");
        var expected = await app.Db(db => db.Agencies.CountAsync(a => a.ValidTo == null &&
            (a.Kind == AgencyKind.Department || a.Kind == AgencyKind.CentralAgency || a.Kind == AgencyKind.DistrictCommittee || a.Kind == AgencyKind.CommuneCommittee)));
        status.QuerySelector("#cascade-summary")!.TextContent.Should().StartWith($"1/{expected} cơ quan đã ban hành kế hoạch");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MyWork_OfficerSeesItsActivitiesWithDeadlineWords(string provider)
    {
        var app = fx.App(provider);
        await app.ProvincePlanAsync();
        var page = await (await app.As("snv")).GetPageAsync("/MyWork");

        page.QuerySelector("h1")!.TextContent.Should().Contain("Sở Nội vụ");
        page.QuerySelectorAll(".list-group-item").Select(e => e.TextContent).Should().Contain(t => t.Contains("Xây dựng dự thảo Kế hoạch CCHC năm 2025"));
        page.QuerySelectorAll(".deadline").Select(e => e.TextContent).Should().Contain(t => t.StartsWith("quá hạn") || t.StartsWith("còn") || t == "hôm nay");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Import_UnreadableFile_ShowsTheImportersMessage_NotA500(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent("chỉ là một dòng chữ, không phải kế hoạch"u8.ToArray()), "file", "ghi-chu.txt" },
        };

        var response = await client.PostAsync("/Plans/Import", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).Messages().Should().Contain("Không");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Import_FileOver20MB_IsRefusedWithAMessage(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(new byte[20 * 1024 * 1024 + 10]), "file", "lon.pdf" },
        };

        var response = await client.PostAsync("/Plans/Import", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ParseAsync()).Messages().Should().Contain("lớn hơn 20 MB");
    }

    // ---- API ----

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_PostPlanJson_CreatesDraft_AndGetReturnsTheSameJson(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var json = TestDb.Fixture() with { Document = TestDb.Fixture().Document with { Title = TestData.Unique("Kế hoạch qua API") } };

        var post = await client.PostAsync("/api/plans", new StringContent(PlanJsonSerializer.Serialize(json), System.Text.Encoding.UTF8, "application/json"));
        post.StatusCode.Should().Be(HttpStatusCode.Created);
        var location = post.Headers.Location!.OriginalString;

        var get = await client.GetAsync(location);
        get.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
        (await get.Content.ReadAsStringAsync()).Should().Be(PlanJsonSerializer.Serialize(json));
        var id = int.Parse(location.Split('/').Last());
        (await app.Db(db => db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync())).Should().Be(PlanStatus.Draft);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_PostInvalidPlan_GivesValidationProblemDetails(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var bad = TestDb.Fixture() with { Schema = "something/else" };
        bad.Activities[0] = bad.Activities[0] with { Area = "IX", Text = "" };

        var response = await client.PostAsync("/api/plans", new StringContent(PlanJsonSerializer.Serialize(bad), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors");
        errors.TryGetProperty("schema", out _).Should().BeTrue();
        errors.TryGetProperty("activities[0].area", out _).Should().BeTrue();
        errors.TryGetProperty("activities[0].text", out _).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_PostMalformedJson_Gives400_NotA500(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var response = await client.PostAsync("/api/plans", new StringContent("{\"areas\": 5", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_ActivitiesByAgency_ListsOnlyThatAgencysWork(string provider)
    {
        var app = fx.App(provider);
        var id = await app.ProvincePlanAsync();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var list = await (await app.As("leader")).GetFromJsonAsync<JsonElement>($"/api/plans/{id}/activities?agencyId={snv}");

        // 3.1 by name, 3.2 through its group, the uncoded row through the demo alias "Đoàn kiểm tra CCHC tỉnh".
        list.EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Equal("3.1", "3.2", null);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_PutAssignments_WithStaleVersion_Is409_AndNothingChanges(string provider)
    {
        var app = fx.App(provider);
        var (_, activityId) = await app.AgencyPlanAsync("Sở Nội vụ");
        var client = await app.As("snv");
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{activityId}/assignments");
        var version = current.GetProperty("version").GetGuid();

        var ok = await client.PutAsJsonAsync($"/api/activities/{activityId}/assignments",
            new { version, lead = new[] { new { name = "Sở Nội vụ" } }, support = new[] { new { name = "Sở Tư pháp" } } });
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var saved = await ok.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("support")[0].GetProperty("resolved").GetBoolean().Should().BeTrue();

        var stale = await client.PutAsJsonAsync($"/api/activities/{activityId}/assignments",
            new { version, lead = new[] { new { name = "Sở Tài chính" } }, support = Array.Empty<object>() });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.Db(db => db.Assignments.Where(a => a.ActivityId == activityId).Select(a => a.Name).ToListAsync()))
            .Should().BeEquivalentTo(["Sở Nội vụ", "Sở Tư pháp"]);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_OfficerListsProvinceAndOwnPlansOnly(string provider)
    {
        var app = fx.App(provider);
        var (own, _) = await app.AgencyPlanAsync("Sở Nội vụ");
        var (other, _) = await app.AgencyPlanAsync("Sở Tư pháp");
        var list = await (await app.As("snv")).GetFromJsonAsync<JsonElement>("/api/plans");

        var ids = list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        ids.Should().Contain(own).And.NotContain(other);
        list.EnumerateArray().Should().OnlyContain(p => p.GetProperty("ownerAgencyId").ValueKind == JsonValueKind.Null
            || p.GetProperty("ownerAgencyName").GetString() == "Sở Nội vụ");
    }
}
