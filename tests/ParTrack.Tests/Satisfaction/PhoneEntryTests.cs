using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>Phone interviews entered by staff on the paper grid's page of their own: marked as phone, counted at once.</summary>
public sealed class PhoneEntryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PhoneInterview_IsStoredAsPhone_CountsWithoutASecondEntry_AndItsNumberOnlyOnce(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, doubleEntry: true);
        await app.Db(async db =>
        {
            var c = await db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId);
            c.Modes = "Online,Paper,Phone";
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}/Phone";
        var interview = new Dictionary<string, string?> { ["unit"] = data.NoiVuUnitId.ToString(), ["paper"] = "3", ["q_s1"] = "4", ["q_s2"] = "5" };

        (await coordinator.GetPageAsync($"/Satisfaction/Campaigns/{data.CampaignId}")).QuerySelector($"a[href='{url}']").Should().NotBeNull();
        (await coordinator.SubmitFormAsync(url, interview)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await app.Db(db => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.CampaignId == data.CampaignId));
        (stored.Mode, stored.Verified, stored.PaperNumber, stored.UnitId).Should().Be((ResponseMode.Phone, true, "3", data.NoiVuUnitId),
            "double entry is for paper sheets; the interviewer enters the interview once");
        stored.AnswersJson.Should().Contain("\"s1\":4");

        var again = await coordinator.SubmitFormAsync(url, interview);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId))).Should().Be(1);
        // The same number on paper is another sheet: the numbering is per mode.
        (await coordinator.SubmitFormAsync($"/Satisfaction/Campaigns/{data.CampaignId}/Paper", interview)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId && r.Mode == ResponseMode.Paper && !r.Verified))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PhoneEntry_ForACampaignWithoutPhone_SaysSo_AndTakesNothing(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);   // online and paper only
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}/Phone";
        (await coordinator.GetPageAsync(url)).QuerySelector(".alert-warning")!.TextContent.Should().Contain("không thu phiếu qua điện thoại");
        var refused = await coordinator.SubmitFormAsync(url, new Dictionary<string, string?> { ["unit"] = data.NoiVuUnitId.ToString(), ["paper"] = "1", ["q_s1"] = "4" });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId))).Should().Be(0);
    }
}
