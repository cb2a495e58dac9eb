using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>The sampling frame read from the stored one-stop dossiers: those each unit resolved in the window typed.</summary>
public sealed class DossierFrameTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Dossier Resolved(string source, string code, int agencyId, DateOnly? resolved) => new()
    {
        Source = source, Code = code, ProcedureCode = "1.001", AgencyId = agencyId, Level = AdminLevel.Province,
        ReceivedOn = new DateOnly(2036, 1, 2), ResolvedOn = resolved, Status = resolved is null ? DossierStatus.InProgress : DossierStatus.Resolved,
        ImportedUtc = DateTime.UtcNow,
    };

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DossierFrame_DrawsPerUnitFromTheDossiersResolvedInTheWindow_AndTheSeedRepeatsIt(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, CampaignState.Draft);
        var noiVu = await app.AgencyIdAsync("Sở Nội vụ");
        var tuPhap = await app.AgencyIdAsync("Sở Tư pháp");
        var source = TestData.Unique("frame");
        var p = source.Replace(" ", "").ToUpperInvariant();
        await app.Db(async db =>
        {
            db.AddRange(Enumerable.Range(1, 30).Select(i => Resolved(source, $"{p}-nv-{i}", noiVu, new DateOnly(2036, 2, 1 + i % 28))));
            db.AddRange(Enumerable.Range(1, 5).Select(i => Resolved(source, $"{p}-nv-late-{i}", noiVu, new DateOnly(2036, 5, 1))));   // after the window
            db.AddRange(Enumerable.Range(1, 3).Select(i => Resolved(source, $"{p}-nv-open-{i}", noiVu, null)));                      // not resolved
            db.AddRange(Enumerable.Range(1, 8).Select(i => Resolved(source, $"{p}-tp-{i}", tuPhap, new DateOnly(2036, 3, 31))));
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}";

        async Task<List<string>> DrawAsync(string seed)
        {
            var response = await coordinator.PostWithTokenAsync(url + "?handler=DossierFrame",
                new Dictionary<string, string?> { ["from"] = "01/02/2036", ["to"] = "31/03/2036", ["seed"] = seed }, url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            return await app.Db(db => db.Set<SurveyInvitation>().Where(i => i.CampaignId == data.CampaignId).OrderBy(i => i.DossierCode).Select(i => i.DossierCode).ToListAsync());
        }

        var first = await DrawAsync("41");
        var units = await app.Db(db => db.Set<SurveyUnit>().Where(u => u.CampaignId == data.CampaignId).ToDictionaryAsync(u => u.Id));
        units[data.NoiVuUnitId].Should().Match<SurveyUnit>(u => u.Population == 30 && u.Quota == 28);   // 30 / 1.075 rounded up
        units[data.TuPhapUnitId].Should().Match<SurveyUnit>(u => u.Population == 8 && u.Quota == 8);
        first.Should().HaveCount(36).And.OnlyContain(c => c.StartsWith($"{p}-NV-") && !c.Contains("LATE") && !c.Contains("OPEN") || c.StartsWith($"{p}-TP-"));
        (await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId))).Seed.Should().Be(41);
        (await DrawAsync("41")).Should().Equal(first);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DossierFrame_WithAnUnreadableOrEmptyWindow_SaysWhy_AndDrawsNothing(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app, CampaignState.Draft);
        var coordinator = await app.As("coordinator");
        var url = $"/Satisfaction/Campaigns/{data.CampaignId}";

        var unreadable = await coordinator.PostWithTokenAsync(url + "?handler=DossierFrame", new Dictionary<string, string?> { ["from"] = "đầu năm", ["to"] = "31/03/2036" }, url);
        unreadable.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var page = await unreadable.ParseAsync();
        page.Messages().Should().Contain("ngày/tháng/năm");
        page.QuerySelector("#frame-from")!.GetAttribute("value").Should().Be("đầu năm", "what was typed is kept");

        var empty = await coordinator.PostWithTokenAsync(url + "?handler=DossierFrame", new Dictionary<string, string?> { ["from"] = "01/01/1999", ["to"] = "31/12/1999" }, url);
        empty.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await empty.ParseAsync()).Messages().Should().Contain("Không có hồ sơ nào");
        (await app.Db(db => db.Set<SurveyInvitation>().CountAsync(i => i.CampaignId == data.CampaignId))).Should().Be(0);
        (await app.Db(db => db.Set<SurveyCampaign>().SingleAsync(c => c.Id == data.CampaignId))).Seed.Should().BeNull();
    }
}
