using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Notifications;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.ParIndex;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Inputs;

/// <summary>Findings 3, 19 and 20 (part): what a unit may see during appraisal, ad-hoc requests' scope, "mark all read" audited.</summary>
public sealed class ScopeAndAuditTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Reason = "Thiếu báo cáo quý III làm kiểm chứng (lý do thẩm định).";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DuringAppraisal_TheUnitSeesNothingOfTheAppraisal_UntilClarification(string provider)
    {
        var app = fx.App(provider);
        var roundId = await app.OpenRoundAsync(2034);
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{snvId}";
        var snv = await app.As("snv");
        var p121 = await snv.RowPrefixAsync(url, "1.2.1");
        (await snv.PostMultipartAsync(url, "Submit", new Dictionary<string, string?> { [$"{p121}.Points"] = "0,75", [$"{p121}.Explanation"] = "Đã làm phần lớn." }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.MoveAsync(roundId);   // appraisal
        await app.AppraiseFromTodayAsync(roundId);
        var appraiser = await app.As("appraiser");
        var a121 = await appraiser.RowPrefixAsync($"{url}/Appraise", "1.2.1");
        (await appraiser.SubmitFormAsync($"{url}/Appraise", new Dictionary<string, string?> { [$"{a121}.Points"] = "0", [$"{a121}.Reason"] = Reason }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await snv.GetPageAsync(url);
        var text = page.QuerySelector("main")!.TextContent;
        text.Should().NotContain(Reason).And.NotContain("appraiser", "the appraiser's name is not shown to the unit before clarification");
        (page.QuerySelector("#history")?.TextContent ?? "").Should().NotContain("AppraisedPoints").And.NotContain("AppraisalReason");
        page.QuerySelector("#history")!.TextContent.Should().Contain("0.75", "the unit's own changes stay in its history");
        var round = await snv.GetPageAsync($"/ParIndex/Rounds/{roundId}");
        var row = round.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Sở Nội vụ"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[4].Should().Be("—", "the appraised score is not shown to the unit before clarification");
        cells[5].Should().Be("—", "nor how many criteria were changed");

        // The coordinator sees it all; the unit too from clarification on.
        (await (await app.As("coordinator")).GetPageAsync(url)).QuerySelector("main")!.TextContent.Should().Contain(Reason);
        await app.MoveAsync(roundId);   // clarification
        (await snv.GetPageAsync(url)).QuerySelector("#history")!.TextContent.Should().Contain("appraiser").And.Contain(Reason);
    }

    [Fact]
    public async Task AdHocRequest_IsInvisibleToAnAgencyNotAsked_WhenWalkingPeriodIds()
    {
        var app = fx.App();
        var (plan, _) = await app.OpenQ1Async();
        var title = TestData.Unique("Yêu cầu mật về nhân sự");
        var created = await (await app.As("coordinator")).SubmitFormAsync("/Reports/AdHoc", new Dictionary<string, string?>
        {
            ["PlanId"] = plan.ToString(), ["Title"] = title, ["Questions"] = "Câu hỏi riêng cho Sở Tư pháp",
            ["DataFrom"] = "2026-01-01", ["DataTo"] = "2026-11-30", ["Deadline"] = "2026-12-05", ["AgencyIds"] = (await app.AgencyIdAsync("Sở Tư pháp")).ToString(),
        });
        var periodId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var snv = await app.AgencyIdAsync("Sở Nội vụ");

        var response = await (await app.As("snv")).GetAsync(ReportTestData.ReportUrl(periodId, snv));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(title).And.NotContain("Câu hỏi riêng");
        // The agency asked still reaches it.
        (await (await app.As("stp")).GetPageAsync(ReportTestData.ReportUrl(periodId, await app.AgencyIdAsync("Sở Tư pháp"))))
            .QuerySelector("main")!.TextContent.Should().Contain(title);
    }

    [Fact]
    public async Task MarkAllRead_IsAudited()
    {
        var app = fx.App();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var note = new Notification { AgencyId = snv, CreatedAtUtc = DateTime.UtcNow, Text = TestData.Unique("Thông báo thử"), Url = "/" };
        await app.Db(async db => { db.Add(note); await db.SaveChangesAsync(); });
        var officer = await app.As("snv");

        var response = await officer.SubmitFormAsync("/Notifications", formSelector: "form[action*='ReadAll']");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Set<Notification>().Where(n => n.Id == note.Id).Select(n => n.ReadAtUtc).SingleAsync())).Should().NotBeNull();
        (await app.Db(db => db.AuditEntries.AnyAsync(e => e.Entity == nameof(Notification) && e.EntityId == note.Id.ToString()
            && e.Action == "Modified" && e.UserName == "snv"))).Should().BeTrue();
    }
}
