using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Satisfaction;
using ParTrack.Features.Shared;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>Coordinator side: questionnaire builder, sampling frame and draw, paper double entry, indicator, retention.</summary>
public sealed class CampaignTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Questionnaire_BadTextIsRefusedAndNothingChanges_GoodTextIsANewRevision(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, CampaignState.Draft);
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}/Questionnaire";
        var before = await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId));

        var bad = await coordinator.SubmitFormAsync(url, new Dictionary<string, string?> { ["Text"] = "# a: A\nnot a question" });
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("Dòng 2");
        (await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId))).QuestionnaireJson.Should().Be(before.QuestionnaireJson);

        var good = await coordinator.SubmitFormAsync(url, new Dictionary<string, string?> { ["Text"] = "# a [3]: Thủ tục\nS s1: Hài lòng?\n# b: Công chức\nS s2: Hài lòng?" });
        good.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId));
        after.QuestionnaireRevision.Should().Be(before.QuestionnaireRevision + 1);
        SurveyCampaigns.Weights(after).Should().Equal(new Dictionary<string, decimal> { ["a"] = 3, ["b"] = 1 });
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FrameUpload_SetsQuotasByFormula_AndTheRecordedSeedRepeatsTheDraw(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, CampaignState.Draft);
        var coordinator = await app.As("coordinator");
        var csv = "Mã hồ sơ,Đơn vị\n" + string.Join("\n", Enumerable.Range(1, 100).Select(i => $"NV-{i},Sở Nội vụ"))
            + "\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"TP-{i},Sở Tư pháp"));

        async Task<List<string>> DrawAsync(long seed)
        {
            var token = await coordinator.TokenAsync($"/Satisfaction/Campaigns/{data.CampaignId}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token!), HttpForms.TokenField }, { new StringContent(seed.ToString()), "seed" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "frame.csv" },
            };
            (await coordinator.PostAsync($"/Satisfaction/Campaigns/{data.CampaignId}?handler=Frame", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            return await app.Db(db => db.Set<SurveyInvitation>().Where(i => i.CampaignId == data.CampaignId).OrderBy(i => i.DossierCode).Select(i => i.DossierCode).ToListAsync());
        }

        var first = await DrawAsync(77);
        var units = await app.Db(db => db.Set<SurveyUnit>().Where(u => u.CampaignId == data.CampaignId).ToDictionaryAsync(u => u.Id));
        units[data.NoiVuUnitId].Should().Match<SurveyUnit>(u => u.Population == 100 && u.Quota == 80);   // 100 / 1.25
        units[data.TuPhapUnitId].Should().Match<SurveyUnit>(u => u.Population == 10 && u.Quota == 10);
        first.Should().HaveCount(90);
        (await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId))).Seed.Should().Be(77);
        (await DrawAsync(77)).Should().Equal(first);
        (await DrawAsync(78)).Should().NotEqual(first);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PaperDoubleEntry_CountsOnlyWhenTheSecondEntryMatches(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, doubleEntry: true);
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}/Paper";
        Dictionary<string, string?> Sheet(string s1) => new() { ["unit"] = data.TuPhapUnitId.ToString(), ["paper"] = "17", ["q_s1"] = s1, ["q_s2"] = "4", ["q_e1"] = "13" };
        Task<int> Counted() => app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId && r.Verified));

        (await coordinator.SubmitFormAsync(url, Sheet("5"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Counted()).Should().Be(0);
        var differs = await coordinator.SubmitFormAsync(url, Sheet("2"));
        differs.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await differs.ParseAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("khác lần thứ nhất");
        (await coordinator.SubmitFormAsync(url, Sheet("5"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Counted()).Should().Be(1);
        var stored = await app.Db(db => db.Set<SurveyResponse>().SingleAsync(r => r.CampaignId == data.CampaignId));
        stored.AnswersJson.Should().Contain("\"s1\":5").And.Contain("Rút ngắn thời gian giải quyết").And.Contain("Mở rộng dịch vụ công trực tuyến");
        (await coordinator.SubmitFormAsync(url, Sheet("5"))).StatusCode.Should().Be(HttpStatusCode.Conflict, "the sheet is already counted");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task IndicatorSource_GivesTheClosedCampaignsIndex_ForTheAgenciesAsked(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, year: 2031);
        var client = app.Anonymous();
        foreach (var (level, i) in new[] { 5, 5, 1 }.Select((l, i) => (l, i)))
            await client.SubmitFormAsync($"/ks/{data.NoiVuDesk}", SurveyTestData.Answers(level, $"IND-{i}-{Guid.NewGuid():N}"[..16]));
        await client.SubmitFormAsync($"/ks/{data.TuPhapDesk}", SurveyTestData.Answers(1, $"IND-TP-{Guid.NewGuid():N}"[..16]));
        await app.Db(async db => { (await db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId)).State = CampaignState.Closed; await db.SaveChangesAsync(); });
        var noiVu = await app.AgencyIdAsync("Sở Nội vụ");
        var today = VietnamTime.Today(TimeProvider.System);

        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Single(s => s.Indicators.Any(i => i.Key == "satisfaction:index"));
        var one = await source.ActualAsync("satisfaction:index", null, [noiVu], today.AddDays(-1), today, CancellationToken.None);
        var province = await source.ActualAsync("satisfaction:index", "province", null, today.AddDays(-1), today, CancellationToken.None);

        one!.Value.Should().Be(66.67m);    // 2 of 3 satisfied on every question
        province!.Value.Should().Be(50m);  // 2 of 4
        province.Source.Should().Contain("sipas-share45-v1");
        (await source.ActualAsync("satisfaction:index", null, null, today.AddYears(-20), today.AddYears(-19), CancellationToken.None)).Should().BeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Retention_DeletesAnswersOfCampaignsOlderThanTheSetting_Only(string provider)
    {
        var app = fx.App(provider);
        var old = await SurveyTestData.OpenCampaignAsync(app, year: 2001);
        var recent = await SurveyTestData.OpenCampaignAsync(app, year: 2029);
        await app.Db(async db =>
        {
            db.Add(new SurveyResponse { CampaignId = old.CampaignId, UnitId = old.NoiVuUnitId, AnswersJson = "{\"s1\":5}" });
            db.Add(new SurveyResponse { CampaignId = recent.CampaignId, UnitId = recent.NoiVuUnitId, AnswersJson = "{\"s1\":5}" });
            await db.SaveChangesAsync();
        });

        var deleted = await app.Db(db => SurveyRetentionJob.PurgeAsync(db, 5, new DateOnly(2030, 1, 1), CancellationToken.None));

        deleted.Should().Be(1);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == old.CampaignId))).Should().Be(0);
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == recent.CampaignId))).Should().Be(1);
    }
}
