using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>A whole round through HTTP: self-assessment with evidence, appraisal, clarification, results.</summary>
public sealed class ParIndexRoundTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task WholeRound_SelfAssessAppraiseClarifyPublish_ShowsRank(string provider)
    {
        var app = fx.App(provider);
        var roundId = await app.OpenRoundAsync(2031);
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var stpId = await app.AssessmentIdAsync(roundId, "Sở Tư pháp");
        var url = $"/ParIndex/Assessments/{snvId}";

        // Sở Nội vụ: 1.1.1 at full points with one PDF, 1.2.1 at half points explained without a file.
        var snv = await app.As("snv");
        var p111 = await snv.RowPrefixAsync(url, "1.1.1");
        var p121 = await snv.RowPrefixAsync(url, "1.2.1");
        var response = await snv.PostMultipartAsync(url, "Submit",
            new Dictionary<string, string?> { [$"{p111}.Points"] = "1", [$"{p121}.Points"] = "0,75", [$"{p121}.Explanation"] = "Một báo cáo quý nộp muộn; văn bản đang tìm lại." },
            new Dictionary<string, (string, byte[])> { [$"{p111}.File"] = ("ke-hoach-cchc.pdf", ParIndexTestData.Pdf()) });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var page = await snv.GetPageAsync(url);
        page.QuerySelector("#status")!.TextContent.Should().Be("Đã nộp");
        page.QuerySelector("#row-1\\.1\\.1 a[href^='/ParIndex/Evidence/']")!.TextContent.Should().Be("ke-hoach-cchc.pdf");

        // Sở Tư pháp scores 1.1.1 at 0.5 only (explained), so it ranks below.
        var stp = await app.As("stp");
        var stpUrl = $"/ParIndex/Assessments/{stpId}";
        var s111 = await stp.RowPrefixAsync(stpUrl, "1.1.1");
        (await stp.PostMultipartAsync(stpUrl, "Submit", new Dictionary<string, string?> { [$"{s111}.Points"] = "0,5", [$"{s111}.Explanation"] = "Ban hành chậm 5 ngày." }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        await app.MoveAsync(roundId);   // appraisal
        await app.AppraiseFromTodayAsync(roundId);   // the window opened in 11 days; the coordinator brings it forward
        var appraiser = await app.As("appraiser");
        var appraiseUrl = $"{url}/Appraise";
        var a121 = await appraiser.RowPrefixAsync(appraiseUrl, "1.2.1");

        // Another score without a reason is refused.
        response = await appraiser.SubmitFormAsync(appraiseUrl, new Dictionary<string, string?> { [$"{a121}.Points"] = "0" });
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Tiêu chí 1.2.1").And.Contain("Hãy ghi lý do điều chỉnh");

        response = await appraiser.SubmitFormAsync(appraiseUrl, new Dictionary<string, string?>
        { [$"{a121}.Points"] = "0", [$"{a121}.Reason"] = "Không có báo cáo quý III làm kiểm chứng." });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The appraiser's page has no self-assessment inputs; officers cannot open it.
        (await snv.GetAsync(appraiseUrl)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await app.MoveAsync(roundId);   // clarification
        page = await snv.GetPageAsync(url);
        page.QuerySelector("#row-1\\.2\\.1")!.TextContent.Should().Contain("Không có báo cáo quý III làm kiểm chứng.");
        page.QuerySelector("#history")!.TextContent.Should().Contain("appraiser").And.Contain("Không có báo cáo quý III", "the unit sees who changed what in the audit log");
        response = await snv.PostWithTokenAsync($"{url}?handler=Clarify", new Dictionary<string, string?>
        {
            ["clarification[1.2.1]"] = "Báo cáo quý III gửi qua hệ thống văn bản, số 123/BC-SNV.",
            ["Version"] = page.QuerySelector("#clarify-form input[name=Version]")!.GetAttribute("value"),
        }, tokenFrom: url);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A second clarification of the same change is refused.
        page = await snv.GetPageAsync(url);
        response = await snv.PostWithTokenAsync($"{url}?handler=Clarify", new Dictionary<string, string?>
        {
            ["clarification[1.2.1]"] = "Bổ sung lần hai.",
            ["Version"] = page.QuerySelector("#clarify-form input[name=Version]")?.GetAttribute("value")
                ?? page.QuerySelector("input[name=Version]")!.GetAttribute("value"),
        }, tokenFrom: url);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("chỉ được giải trình một lần");

        await app.MoveAsync(roundId);   // review: the appraiser revises after the clarification
        response = await appraiser.SubmitFormAsync(appraiseUrl, new Dictionary<string, string?>
        { [$"{a121}.Points"] = "0,75", [$"{a121}.Reason"] = "" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "0,75 equals the self score: recognised, no reason needed");

        await app.MoveAsync(roundId);   // published
        var results = await snv.GetPageAsync($"/ParIndex/Rounds/{roundId}/Results");
        var snvRow = results.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("Sở Nội vụ"));
        var stpRow = results.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("Sở Tư pháp"));
        // Self 1 + 0.75 = 1.75 of 84 non-survey... the survey counts too: 1.75 / 100 = 1.75 %; Sở Tư pháp 0.5 %.
        snvRow.QuerySelector("[data-col=rank]")!.TextContent.Trim().Should().Be("1");
        snvRow.QuerySelector("[data-col=total]")!.TextContent.Trim().Should().Be("1,75");
        stpRow.QuerySelector("[data-col=total]")!.TextContent.Trim().Should().Be("0,5");
        stpRow.QuerySelector("[data-col=rank]")!.TextContent.Trim().Should().Be("2");

        // Every change of a score is in the audit log.
        var audited = await app.Db(db => db.AuditEntries.Where(e => e.Entity == nameof(ParScore)).Select(e => e.After ?? "").ToListAsync());
        audited.Should().Contain(a => a.Contains("Không có báo cáo quý III"));
    }

    [Fact]
    public async Task SelfAssessment_AfterTheDeadline_IsRefusedInVietnamese()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2032);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{id}";
        var snv = await app.As("snv");
        var page = await snv.GetPageAsync(url);
        var form = page.QuerySelector("#self-form")!;
        var prefix = await snv.RowPrefixAsync(url, "1.5.1");

        // The deadline passes while the page is open.
        await app.Db(async db =>
        {
            var round = await db.Set<ParRound>().SingleAsync(r => r.Id == roundId);
            round.SelfAssessmentDeadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
            await db.SaveChangesAsync();
        });
        var content = new FormUrlEncodedContent(HttpForms.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)form)
            .Where(v => v.Key != $"{prefix}.Points").Append(new($"{prefix}.Points", "2")).Append(new($"{prefix}.Explanation", "Có sáng kiến được công nhận.")));
        var response = await snv.PostAsync($"{url}?handler=Save", content);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Đã hết hạn tự đánh giá");
        var saved = await app.Db(db => db.Set<ParScore>().AnyAsync(s => s.AssessmentId == id && s.Code == "1.5.1"));
        saved.Should().BeFalse();
        (await snv.GetPageAsync(url)).QuerySelector("#self-form input[type=file]").Should().BeNull("the form is read-only after the deadline");

        // The coordinator extends the deadline; the unit can save again.
        var coordinator = await app.As("coordinator");
        var extended = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(3).ToString("yyyy-MM-dd");
        response = await coordinator.SubmitFormAsync($"/ParIndex/Rounds/{roundId}", new Dictionary<string, string?> { ["Schedule.SelfAssessmentDeadline"] = extended }, "#schedule-form");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "2", [$"{prefix}.Explanation"] = "Có sáng kiến được công nhận." });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());

        // A schedule out of order is refused.
        response = await coordinator.SubmitFormAsync($"/ParIndex/Rounds/{roundId}", new Dictionary<string, string?> { ["Schedule.PublishOn"] = "2000-01-01" }, "#schedule-form");
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Ngày công bố phải sau thời gian giải trình.");
    }

    [Fact]
    public async Task EvidenceRequired_Missing_TheDraftIsSaved_WhatIsMissingIsListed_AndSubmitWaits()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2033);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{id}";
        var snv = await app.As("snv");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        // A rule for submission never blocks saving the draft: saved, and the page lists what is missing.
        var response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await snv.GetPageAsync(url)).QuerySelector("#missing")!.TextContent.Should().Contain("Tiêu chí 2.1.2 yêu cầu tài liệu kiểm chứng");
        (await app.Db(db => db.Set<ParScore>().SingleAsync(s => s.AssessmentId == id && s.Code == "2.1.2"))).SelfPoints.Should().Be(1);

        // Submitting with it still missing saves but does not submit.
        response = await snv.PostMultipartAsync(url, "Submit", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await snv.GetPageAsync(url)).Messages().Should().Contain("chưa nộp").And.Contain("Tiêu chí 2.1.2 yêu cầu tài liệu kiểm chứng");
        (await app.Db(db => db.Set<ParAssessment>().SingleAsync(a => a.Id == id))).Status.Should().Be(AssessmentStatus.Draft);

        // An out-of-range score is named by the Domain rule and the stored score is kept.
        response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "3", [$"{prefix}.Explanation"] = "x" });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await snv.GetPageAsync(url)).Messages().Should().Contain("phải từ 0 đến 1");
        var kept = await app.Db(db => db.Set<ParScore>().SingleAsync(s => s.AssessmentId == id && s.Code == "2.1.2"));
        kept.SelfPoints.Should().Be(1);
        kept.Explanation.Should().Be("x");
    }

    [Fact]
    public async Task FileChosen_WithAScoreThatIsNotANumber_TheFileIsKept_AndTheStoredScoreToo()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2039);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{id}";
        var snv = await app.As("snv");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        var response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "một" },
            new Dictionary<string, (string, byte[])> { [$"{prefix}.File"] = ("quyet-dinh.pdf", ParIndexTestData.Pdf()) });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await snv.GetPageAsync(url)).QuerySelector("#missing")!.TextContent.Should().Contain("không phải là số (đã nhập \"một\")");
        (await app.Db(db => db.Set<ParEvidence>().Where(e => e.AssessmentId == id && e.Code == "2.1.2").Select(e => e.FileName).ToListAsync()))
            .Should().Equal("quyet-dinh.pdf");
    }

    [Fact]
    public async Task Evidence_WrongType_IsRefused_AndTheSameFileIsStoredOnce()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2034);
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{snvId}";
        var snv = await app.As("snv");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        var response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" },
            new Dictionary<string, (string, byte[])> { [$"{prefix}.File"] = ("bao-cao.pdf", "MZ not a pdf"u8.ToArray()) });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the draft saves; the refused file is listed");
        (await snv.GetPageAsync(url)).Messages().Should().Contain("không phải PDF, DOCX, XLSX hoặc ảnh");

        var pdf = ParIndexTestData.Pdf("same file twice");
        var p1 = await snv.RowPrefixAsync(url, "2.1.1");
        response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1", [$"{p1}.Points"] = "2" },
            new Dictionary<string, (string, byte[])> { [$"{prefix}.File"] = ("a.pdf", pdf), [$"{p1}.File"] = ("b.pdf", pdf) });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        var hashes = await app.Db(db => db.Set<ParEvidence>().Where(e => e.AssessmentId == snvId).Select(e => e.Sha256).ToListAsync());
        hashes.Should().HaveCount(2).And.OnlyContain(h => h == hashes[0]);
        var store = app.Services.GetRequiredService<FileStore>();
        Directory.GetFiles(store.Folder, hashes[0] + "*").Should().ContainSingle();

        // Downloaded as an attachment with its name; shown inline (for the appraisal page) when asked.
        var evidenceId = await app.Db(db => db.Set<ParEvidence>().Where(e => e.AssessmentId == snvId).Select(e => e.Id).FirstAsync());
        var download = await snv.GetAsync($"/ParIndex/Evidence/{evidenceId}");
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
        var inline = await (await app.As("appraiser")).GetAsync($"/ParIndex/Evidence/{evidenceId}?inline=true");
        inline.Content.Headers.ContentDisposition.Should().BeNull();
    }

    [Fact]
    public async Task AnotherUnitsAssessment_IsRefusedOnEveryRoute()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2035);
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var stpId = await app.AssessmentIdAsync(roundId, "Sở Tư pháp");
        var snv = await app.As("snv");
        var url = $"/ParIndex/Assessments/{snvId}";
        var p = await snv.RowPrefixAsync(url, "1.1.1");
        (await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{p}.Points"] = "1" },
            new Dictionary<string, (string, byte[])> { [$"{p}.File"] = ("kh.pdf", ParIndexTestData.Pdf()) })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var evidenceId = await app.Db(db => db.Set<ParEvidence>().Where(e => e.AssessmentId == snvId).Select(e => e.Id).FirstAsync());

        var stp = await app.As("stp");
        (await stp.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"/ParIndex/Evidence/{evidenceId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stp.GetAsync($"{url}/Appraise")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var handler in new[] { "Save", "Submit", "Withdraw", "Clarify", "RemoveEvidence" })
        {
            var response = await stp.PostWithTokenAsync($"{url}?handler={handler}", new Dictionary<string, string?> { [$"{p}.Points"] = "0", ["evidenceId"] = evidenceId.ToString() }, tokenFrom: $"/ParIndex/Assessments/{stpId}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"stp must not {handler} Sở Nội vụ's assessment");
        }
        (await app.Db(db => db.Set<ParScore>().SingleAsync(s => s.AssessmentId == snvId && s.Code == "1.1.1"))).SelfPoints.Should().Be(1);
        // The leader reads but cannot save.
        var leader = await app.As("leader");
        (await leader.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leader.PostWithTokenAsync($"{url}?handler=Save", new Dictionary<string, string?> { [$"{p}.Points"] = "0" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Exclusions_SetByTheCoordinator_RescaleTheIndex_AndUnknownCodesAreRefused()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2036);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{id}";
        var c = await app.As("coordinator");

        var response = await c.SubmitFormAsync(url, new Dictionary<string, string?> { ["excluded"] = "3, 9.9" }, "#exclusions-form");
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Không có tiêu chí mã 9.9");

        // Sở Nội vụ has no administrative procedures: area 3 (12 points) does not apply.
        response = await c.SubmitFormAsync(url, new Dictionary<string, string?> { ["excluded"] = "3" }, "#exclusions-form");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var snv = await app.As("snv");
        var page = await snv.GetPageAsync(url);
        page.QuerySelector("#row-3\\.1\\.1")!.TextContent.Should().Contain("Không áp dụng với đơn vị");
        var p = await snv.RowPrefixAsync(url, "1.5.1");
        (await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{p}.Points"] = "2", [$"{p}.Explanation"] = "Sáng kiến được UBND tỉnh công nhận." }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var results = await c.GetPageAsync($"/ParIndex/Rounds/{roundId}/Results");
        var row = results.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("Sở Nội vụ"));
        // 2 points of the 88 that apply: 2.2727… → 2.27 %.
        row.QuerySelector("[data-col=index]")!.TextContent.Trim().Should().Be("2,27");

        // Officers cannot change exclusions.
        (await snv.PostWithTokenAsync($"{url}?handler=Exclusions", new Dictionary<string, string?> { ["excluded"] = "1" }, url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnitsInPreparation_CanBeRemovedAndAdded_ButNotOnceScored()
    {
        var app = fx.App();
        var roundId = await app.OpenRoundAsync(2038);
        await app.MoveAsync(roundId, forward: false);   // back to preparation
        var c = await app.As("coordinator");
        var stpId = await app.AssessmentIdAsync(roundId, "Sở Tư pháp");
        var snvId = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        await app.Db(async db => { db.Set<ParScore>().Add(new ParScore { AssessmentId = snvId, Code = "1.1.1", SelfPoints = 1 }); await db.SaveChangesAsync(); });

        var response = await c.PostWithTokenAsync($"/ParIndex/Rounds/{roundId}?handler=RemoveUnit&assessmentId={stpId}", new Dictionary<string, string?>(), $"/ParIndex/Rounds/{roundId}");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response = await c.PostWithTokenAsync($"/ParIndex/Rounds/{roundId}?handler=RemoveUnit&assessmentId={snvId}", new Dictionary<string, string?>(), $"/ParIndex/Rounds/{roundId}");
        (await response.ParseAsync()).Messages().Should().Contain("chưa có điểm");

        var thachHa = await app.AgencyIdAsync("UBND xã Thạch Hạ");
        response = await c.SubmitFormAsync($"/ParIndex/Rounds/{roundId}", new Dictionary<string, string?> { ["agencyId"] = thachHa.ToString() }, "#add-unit-form");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var units = await app.Db(db => db.Set<ParAssessment>().Where(a => a.RoundId == roundId).Select(a => new { a.Agency!.Name, a.Group }).ToListAsync());
        units.Should().NotContain(u => u.Name == "Sở Tư pháp").And.Contain(u => u.Name == "Sở Nội vụ")
            .And.Contain(u => u.Name == "UBND xã Thạch Hạ" && u.Group == ParUnitGroup.Commune);
    }
}
