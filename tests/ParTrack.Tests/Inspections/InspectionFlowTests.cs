using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Inspections;

/// <summary>A programme followed through the pages and the API: target, draw, visit, conclusion, remedy, verification, figures.</summary>
public sealed class InspectionFlowTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Departments = "Các sở, ban, ngành cấp tỉnh";

    static async Task<int> GroupIdAsync(TestApp app, string name) => await app.Db(db => db.AgencyGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());

    static async Task<int> NewProgrammeAsync(TestApp app, HttpClient coordinator, int year, decimal percent = 30)
    {
        var group = await GroupIdAsync(app, Departments);
        var created = await coordinator.PostAsJsonAsync("/api/inspection-programmes", new
        {
            year, title = TestData.Unique("Kế hoạch kiểm tra"), kinds = new[] { "Comprehensive", "Surprise" },
            targets = new[] { new { groupId = group, kind = "Percent", value = percent } },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<InspectionsApi.ProgrammeDto>(Json))!.Id;
    }

    static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    static async Task<InspectionsApi.CoverageAnswer> CoverageAsync(HttpClient client, int programmeId, string asOf)
    {
        var answer = await client.GetAsync($"/api/inspection-programmes/{programmeId}/coverage?asOf={asOf}");
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadFromJsonAsync<InspectionsApi.CoverageAnswer>(Json))!;
    }

    static Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string?> fields) => client.PostWithTokenAsync(url, fields);

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Programme_Draw_Visit_Conclusion_Remedy_Verified_UpdatesCoverageAndRemedyRate(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var id = await NewProgrammeAsync(app, coordinator, 2029);
        var group = await GroupIdAsync(app, Departments);
        var stp = await app.AgencyIdAsync("Sở Tư pháp");

        var before = await CoverageAsync(coordinator, id, "2029-12-31");
        var row = before.Groups.Should().ContainSingle().Subject;
        row.Inspected.Should().Be(0);
        row.Required.Should().Be((int)Math.Ceiling(row.UnitsValid * 0.3m));

        // A seeded draw of two departments, and Sở Tư pháp chosen by hand.
        var drawn = await Post(coordinator, $"/Inspections/Programmes/{id}?handler=Draw", new()
        { ["groupId"] = $"{group}", ["count"] = "2", ["seed"] = "777", ["kind"] = "Surprise", ["scheduledOn"] = "2029-04-10" });
        drawn.StatusCode.Should().Be(HttpStatusCode.Redirect, (await drawn.ParseAsync()).Messages());
        var added = await Post(coordinator, $"/Inspections/Programmes/{id}?handler=Unit", new()
        { ["agencyId"] = $"{stp}", ["kind"] = "Comprehensive", ["scheduledOn"] = "2029-04-12" });
        added.StatusCode.Should().Be(HttpStatusCode.Redirect, (await added.ParseAsync()).Messages());
        var inspection = await app.Db(db => db.Set<Inspection>().Where(i => i.ProgrammeId == id && i.AgencyId == stp).Select(i => i.Id).SingleAsync());
        (await CoverageAsync(coordinator, id, "2029-12-31")).Groups[0].Inspected.Should().Be(0, "units scheduled are not inspected yet");

        // The visit, the conclusion and two findings.
        var minutes = await Post(coordinator, $"/Inspections/Visits/{inspection}?handler=Minutes", new()
        { ["visitedOn"] = "2029-04-12", ["item"] = "1. Công tác chỉ đạo, điều hành CCHC", ["note"] = "Có kế hoạch CCHC", ["attendees"] = "Giám đốc Sở Tư pháp" });
        minutes.StatusCode.Should().Be(HttpStatusCode.Redirect, (await minutes.ParseAsync()).Messages());
        var conclusion = await Post(coordinator, $"/Inspections/Visits/{inspection}?handler=Conclusion", new()
        { ["number"] = "15/TB-SNV", ["date"] = "2029-04-20", ["signer"] = "Giám đốc Sở Nội vụ" });
        conclusion.StatusCode.Should().Be(HttpStatusCode.Redirect, (await conclusion.ParseAsync()).Messages());
        foreach (var found in new[] { "Chưa ban hành kế hoạch tự kiểm tra", "Hồ sơ giải quyết quá hạn" })
        {
            var finding = await Post(coordinator, $"/Inspections/Visits/{inspection}?handler=Finding", new()
            { ["area"] = "3. Cải cách thủ tục hành chính", ["severity"] = "Moderate", ["found"] = found, ["requiredRemedy"] = "Khắc phục ngay" });
            finding.StatusCode.Should().Be(HttpStatusCode.Redirect, (await finding.ParseAsync()).Messages());
        }
        var findings = await app.Db(db => db.Set<InspectionFinding>().Where(f => f.InspectionId == inspection).OrderBy(f => f.Id).ToListAsync());
        findings.Should().HaveCount(2).And.OnlyContain(f => f.Deadline == new DateOnly(2029, 5, 5) && f.ResponsibleAgencyId == stp,
            "the default deadline is the conclusion date plus 15 days");
        var after = (await CoverageAsync(coordinator, id, "2029-12-31")).Groups[0];
        after.Inspected.Should().Be(1);
        after.Percent.Should().Be(Math.Round(100m / after.UnitsValid, 1, MidpointRounding.AwayFromZero));

        // The unit reports one remedy; Sở Nội vụ verifies it.
        var officer = await app.As("stp");
        var report = await Post(officer, $"/Inspections/Findings/{findings[0].Id}?handler=Report", new() { ["report"] = "Đã ban hành Kế hoạch số 5/KH-STP" });
        report.StatusCode.Should().Be(HttpStatusCode.Redirect, (await report.ParseAsync()).Messages());
        (await Post(officer, $"/Inspections/Findings/{findings[0].Id}?handler=Verify", new())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var verified = await Post(coordinator, $"/Inspections/Findings/{findings[0].Id}?handler=Verify", new());
        verified.StatusCode.Should().Be(HttpStatusCode.Redirect, (await verified.ParseAsync()).Messages());

        var final = await CoverageAsync(coordinator, id, "2029-12-31");
        final.VerifiedOnTime.Should().Be(1);
        final.DueRemedies.Should().Be(1, "the other finding is not due before 05/05/2029");
        final.RemedyRate.Should().Be(100m);
        var page = await coordinator.GetPageAsync($"/Inspections/Programmes/{id}");
        page.QuerySelector("main")!.TextContent.Should().Contain("100%").And.Contain("Sở Tư pháp");

        // Every change is in the audit log under its author.
        var audits = await app.Db(db => db.AuditEntries.Where(a => a.Entity == nameof(InspectionFinding) && a.EntityId == findings[0].Id.ToString()).ToListAsync());
        audits.Should().Contain(a => a.UserName == "coordinator" && a.Action == "Added");
        audits.Should().Contain(a => a.UserName == "stp" && a.Action == "Modified" && a.After!.Contains("Reported"));
        audits.Should().Contain(a => a.UserName == "coordinator" && a.Action == "Modified" && a.After!.Contains("Verified"));
        (await app.Db(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(InspectionDrawRecord) && a.After!.Contains("777")))).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SameSeed_DrawsTheSameUnits_InAnotherProgrammeOfTheYear(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var group = await GroupIdAsync(app, Departments);
        var drawn = new List<List<int>>();
        foreach (var _ in new[] { 1, 2 })
        {
            var id = await NewProgrammeAsync(app, coordinator, 2028);
            var r = await Post(coordinator, $"/Inspections/Programmes/{id}?handler=Draw", new()
            { ["groupId"] = $"{group}", ["count"] = "3", ["seed"] = "4242", ["kind"] = "Surprise", ["scheduledOn"] = "2028-03-01" });
            r.StatusCode.Should().Be(HttpStatusCode.Redirect, (await r.ParseAsync()).Messages());
            drawn.Add(await app.Db(db => db.Set<Inspection>().Where(i => i.ProgrammeId == id).OrderBy(i => i.AgencyId).Select(i => i.AgencyId).ToListAsync()));
        }
        drawn[0].Should().HaveCount(3).And.Equal(drawn[1]);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BadInput_GetsAVietnameseMessage_AndChangesNothing(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var id = await NewProgrammeAsync(app, coordinator, 2027);
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        (await Post(coordinator, $"/Inspections/Programmes/{id}?handler=Unit", new() { ["agencyId"] = $"{stp}", ["kind"] = "Thematic", ["scheduledOn"] = "2027-06-01" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var inspection = await app.Db(db => db.Set<Inspection>().Where(i => i.ProgrammeId == id).Select(i => i.Id).SingleAsync());

        var date = await Post(coordinator, $"/Inspections/Visits/{inspection}?handler=Notice", new() { ["scheduledOn"] = "31/31/2027", ["documentsToPrepare"] = "Khác" });
        date.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await date.ParseAsync()).Messages().Should().Contain("Ngày kiểm tra").And.Contain("không đọc được");
        var stored = await app.Db(db => db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == inspection));
        stored.ScheduledOn.Should().Be(new DateOnly(2027, 6, 1));
        stored.DocumentsToPrepare.Should().NotBe("Khác");

        var noConclusion = await Post(coordinator, $"/Inspections/Visits/{inspection}?handler=Finding", new() { ["area"] = "Khác", ["found"] = "x", ["requiredRemedy"] = "y" });
        noConclusion.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noConclusion.ParseAsync()).Messages().Should().Contain("thông báo kết luận");
        (await app.Db(db => db.Set<InspectionFinding>().CountAsync(f => f.InspectionId == inspection))).Should().Be(0);

        var api = await coordinator.PostAsJsonAsync("/api/inspection-programmes", new { year = 1990, title = "" });
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).Should().Contain("Năm phải từ 2000 đến 2100");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Dashboard_ShowsThisYearsProgramme_AgainstItsTarget(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var year = ParTrack.Domain.VietnamTime.Today(TimeProvider.System).Year;
        if (!await app.Db(db => db.Set<InspectionProgramme>().AnyAsync(p => p.Year == year)))
            await NewProgrammeAsync(app, coordinator, year, 40);
        var title = await app.Db(db => db.Set<InspectionProgramme>().Where(p => p.Year == year).OrderBy(p => p.Id).Select(p => p.Title).FirstAsync());

        var panel = (await coordinator.GetPageAsync("/Dashboard")).QuerySelector("section[aria-labelledby=inspections-h]");
        panel.Should().NotBeNull("the dashboard has the inspection panel");
        panel!.TextContent.Should().Contain(title).And.Contain(Departments);
    }
}
