using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Uploads over the request limit get the page with a Vietnamese message, not the generic error page.</summary>
public sealed class ParUploadLimitTests(AppFixture fx) : IClassFixture<AppFixture>
{
    // Over the 22 MB request limit (a valid PDF start, so only the size is wrong).
    static byte[] TooLarge() { var b = new byte[23 * 1024 * 1024]; ParIndexTestData.Pdf("lớn").CopyTo(b, 0); return b; }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]   // no Content-Length: the limit is found while the form is read
    public async Task SelfAssessment_UploadOverTheLimit_ShowsTheMessage_AndSavesNothing(bool chunked)
    {
        var app = fx.App("Sqlite");
        var roundId = await app.OpenRoundAsync(chunked ? 2038 : 2035);
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        var url = $"/ParIndex/Assessments/{id}";
        var snv = await app.As("snv");
        var prefix = await snv.RowPrefixAsync(url, "1.1.1");

        var response = await snv.PostMultipartAsync(url, "Submit", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" },
            new Dictionary<string, (string, byte[])> { [$"{prefix}.File"] = ("ke-hoach-lon.pdf", TooLarge()) }, chunked: chunked);

        response.RequestMessage!.Content!.Headers.ContentLength.HasValue.Should().Be(!chunked);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.ParseAsync();
        page.Messages().Should().Contain("Dữ liệu gửi lên quá lớn").And.Contain("22 MB");
        page.QuerySelector("#self-form").Should().NotBeNull("it is the assessment page, not the error page");
        var (status, evidence, scores) = await app.Db(async db => (
            await db.Set<ParAssessment>().Where(a => a.Id == id).Select(a => a.Status).SingleAsync(),
            await db.Set<ParEvidence>().CountAsync(e => e.AssessmentId == id),
            await db.Set<ParScore>().CountAsync(s => s.AssessmentId == id)));
        status.Should().Be(AssessmentStatus.Draft, "the submit handler did not run");
        evidence.Should().Be(0);
        scores.Should().Be(0);

        // Under the limit the same form still saves (the antiforgery check still applies).
        response = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" },
            new Dictionary<string, (string, byte[])> { [$"{prefix}.File"] = ("ke-hoach.pdf", ParIndexTestData.Pdf()) }, chunked: chunked);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        response = await snv.PostAsync($"{url}?handler=Save", new FormUrlEncodedContent([new($"{prefix}.Code", "1.1.1"), new($"{prefix}.Points", "0")]));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a post without the antiforgery token is refused");
        (await app.Db(db => db.Set<ParScore>().Where(s => s.AssessmentId == id && s.Code == "1.1.1").Select(s => s.SelfPoints).SingleAsync())).Should().Be(1);
    }

    [Fact]
    public async Task SurveyAndSetImports_OverTheLimit_ShowTheMessage()
    {
        var app = fx.App("Sqlite");
        var roundId = await app.OpenRoundAsync(2036);
        var coordinator = await app.As("coordinator");
        var setsBefore = await app.Db(db => db.Set<ParCriteriaSetRow>().CountAsync());

        var response = await coordinator.PostMultipartAsync($"/ParIndex/Rounds/{roundId}/Survey", "Import", new Dictionary<string, string?>(),
            new Dictionary<string, (string, byte[])> { ["file"] = ("dieu-tra.xlsx", TooLarge()) }, "form[enctype='multipart/form-data']");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).Messages().Should().Contain("Dữ liệu gửi lên quá lớn");

        response = await coordinator.PostMultipartAsync("/ParIndex", "Import", new Dictionary<string, string?> { ["Year"] = "2040", ["Group"] = "Department" },
            new Dictionary<string, (string, byte[])> { ["file"] = ("bo-tieu-chi.json", TooLarge()) }, "form[enctype='multipart/form-data']");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).Messages().Should().Contain("Dữ liệu gửi lên quá lớn");
        (await app.Db(db => db.Set<ParCriteriaSetRow>().CountAsync())).Should().Be(setsBefore);
    }
}
