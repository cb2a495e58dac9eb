using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>The appraisal window (thẩm định từ … đến …) is enforced like the self-assessment deadline.</summary>
public sealed class ParAppraisalWindowTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Appraising_BeforeOrAfterTheWindow_IsRefused_InsideIsSaved(string provider)
    {
        var app = fx.App(provider);
        var roundId = await app.OpenRoundAsync(2034);   // appraisal window: from today + 11 to today + 20
        var id = await app.AssessmentIdAsync(roundId, "Sở Nội vụ");
        await app.MoveAsync(roundId);                   // the coordinator opens the appraisal step early
        var appraiser = await app.As("appraiser");
        var url = $"/ParIndex/Assessments/{id}/Appraise";
        // The closed form has no inputs: post the row as the open form names it (rows are matched by Code).
        const string prefix = "Rows[0]";
        var fields = new Dictionary<string, string?>
        { [$"{prefix}.Code"] = "1.1.1", [$"{prefix}.Points"] = "0,5", [$"{prefix}.Reason"] = "Kế hoạch ban hành chậm." };
        Task<bool> Saved() => app.Db(db => db.Set<ParScore>().AnyAsync(s => s.AssessmentId == id && s.AppraisedPoints != null));

        // Before the window.
        var response = await appraiser.SubmitFormAsync(url, fields);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Chưa đến thời gian thẩm định").And.Contain("sửa lịch");
        (await Saved()).Should().BeFalse();

        // After the window (deadline and window moved into the past).
        (await app.SetAppraisalWindowAsync(roundId, -10, -9, -1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await appraiser.GetPageAsync(url);
        page.Messages().Should().Contain("Đã hết thời gian thẩm định", "the page says why before anyone types");
        response = await appraiser.SubmitFormAsync(url, fields);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ParseAsync()).Messages().Should().Contain("Đã hết thời gian thẩm định").And.Contain("gia hạn");
        (await Saved()).Should().BeFalse();

        // Extended to include today: saved.
        (await app.SetAppraisalWindowAsync(roundId, -10, -9, 0)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        response = await appraiser.SubmitFormAsync(url, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
        (await Saved()).Should().BeTrue();
    }
}
