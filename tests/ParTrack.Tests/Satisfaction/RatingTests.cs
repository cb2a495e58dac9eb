using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Satisfaction;
using ParTrack.Features.Shared;
using ParTrack.Tests.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>
/// Per-dossier ratings: the upload page and POST /api/satisfaction/ratings score each row under the scheme in force,
/// refuse bad rows by line, keep one rating per dossier code (a re-upload changes nothing), and the figures page
/// keeps an officer to their agency. Each test uses its own dossier codes and its own year.
/// </summary>
public sealed class RatingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Header = "dossier_code,agency,rated_on,c1,c2,c3,c4,c5,c6,c7,c8,c9";

    static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    static async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page)> UploadAsync(HttpClient client, string csv, string name = "danh-gia.csv")
    {
        var token = await client.TokenAsync("/Satisfaction/Ratings/Upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), HttpForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name },
        };
        var response = await client.PostAsync("/Satisfaction/Ratings/Upload", form);
        return (response.StatusCode, await response.ParseAsync());
    }

    static Task<HttpResponseMessage> PushAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/satisfaction/ratings", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Upload_ScoresRowsUnderTheScheme_AndRefusesBadRowsWithTheirLineAndAReason(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        var coordinator = await app.As("coordinator");
        var (status, page) = await UploadAsync(coordinator, Header + ",total\n" + string.Join("\n",
            $"{p}-1,Sở Tư pháp,2040-03-05,2,2,2,2,2,2,2,2,2,",        // 18: xuất sắc
            $"{p}-2,STP,05/03/2040,,,,,,,,,,10",                      // total only, short name: khá
            $"{p}-3,Sở Không Có,2040-03-05,2,2,2,2,2,2,2,2,2,",       // line 4: unknown agency
            $"{p}-4,Sở Tư pháp,2040-03-05,3,2,2,2,2,2,2,2,2,",        // line 5: 3 points on a 2-point criterion
            $"{p}-5,Sở Tư pháp,hôm qua,2,2,2,2,2,2,2,2,2,",           // line 6: unreadable date
            $",Sở Tư pháp,2040-03-05,2,2,2,2,2,2,2,2,2,",             // line 7: no code
            $"{p}-6,Sở Tư pháp,2040-03-05,1,1,1,1,1,1,1,1,1,12",      // line 8: total differs from the criteria (9)
            $"{p}-7,Sở Tư pháp,2040-03-05,,,,,,,,,,19") + "\n");      // line 9: above the maximum

        status.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("#rating-summary")!.TextContent.Should().Contain("2 đánh giá").And.Contain("6 dòng bị từ chối");
        var refused = page.QuerySelectorAll("#refused tbody tr").Select(r => (Line: r.Children[0].TextContent, Reason: r.Children[1].TextContent)).ToList();
        refused.Select(r => r.Line).Should().Equal("4", "5", "6", "7", "8", "9");
        refused[0].Reason.Should().Contain("Sở Không Có").And.Contain("không có trong danh mục");
        refused[1].Reason.Should().Contain("Tiêu chí 1").And.Contain("từ 0 đến 2");
        refused[2].Reason.Should().Contain("hôm qua");
        refused[3].Reason.Should().Contain("mã hồ sơ");
        refused[4].Reason.Should().Contain("12").And.Contain("9");
        refused[5].Reason.Should().Contain("từ 0 đến 18");

        var stored = await app.Db(db => db.Set<DossierRating>().AsNoTracking().Where(r => r.DossierCode.StartsWith(p)).OrderBy(r => r.DossierCode).ToListAsync());
        stored.Select(r => (r.DossierCode, r.Total, r.Band, r.Source)).Should().Equal((p + "-1", 18m, "Xuất sắc", "upload"), (p + "-2", 10m, "Khá", "upload"));
        stored[0].Points.Should().Be("2,2,2,2,2,2,2,2,2");
        stored[1].Points.Should().BeEmpty();
        stored[1].RatedOn.Should().Be(new DateOnly(2040, 3, 5));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReUpload_OfTheSameFile_ChangesNothing_WhileAChangedRowReplacesItsRating(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        var coordinator = await app.As("coordinator");
        var csv = Csv($"{p}-1,Sở Tư pháp,2040-04-01,2,2,2,2,2,2,2,2,2", $"{p}-2,Sở Nội vụ,2040-04-02,1,1,1,1,1,1,1,1,1");
        (await UploadAsync(coordinator, csv)).Page.QuerySelector("#rating-summary")!.TextContent.Should().Contain("2 mới");
        var audited = await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "DossierRating"));

        var again = (await UploadAsync(coordinator, csv)).Page.QuerySelector("#rating-summary")!.TextContent;
        again.Should().Contain("0 mới").And.Contain("0 thay đổi").And.Contain("2 không đổi");
        (await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "DossierRating"))).Should().Be(audited, "an unchanged rating is not rewritten");

        var changed = (await UploadAsync(coordinator, Csv($"{p}-2,Sở Nội vụ,2040-04-02,2,2,2,2,2,2,1,1,1"))).Page.QuerySelector("#rating-summary")!.TextContent;
        changed.Should().Contain("1 thay đổi");
        var rows = await app.Db(db => db.Set<DossierRating>().AsNoTracking().Where(r => r.DossierCode.StartsWith(p)).OrderBy(r => r.DossierCode).ToListAsync());
        rows.Should().HaveCount(2, "one rating per dossier code");
        rows[1].Total.Should().Be(15);
        rows[1].Band.Should().Be("Tốt");
        (await app.Db(db => db.AuditEntries.CountAsync(e => e.Entity == "DossierRating"))).Should().BeGreaterThan(audited);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task UnreadableFiles_AreRefusedWithAVietnameseMessage_AndStoreNothing(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await app.As("coordinator");
        var (status, page) = await UploadAsync(coordinator, "ma,ngay\nX,2040-01-01\n");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        page.Messages().Should().Contain("Thiếu cột").And.Contain("dossier_code");
        (status, page) = await UploadAsync(coordinator, "dossier_code,agency,rated_on,c1,c2\nX,STP,2040-01-01,1,1\n");
        status.Should().Be(HttpStatusCode.UnprocessableEntity);
        page.Messages().Should().Contain("2 cột tiêu chí").And.Contain("9 tiêu chí");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Push_WithoutToken_OrARevokedToken_Is401_AndAUsersCookieIs403(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        var csv = Csv($"{p}-1,Sở Tư pháp,2040-05-01,2,2,2,2,2,2,2,2,2");
        (await PushAsync(app.Anonymous(), csv)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PushAsync(await app.As("coordinator"), csv)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a coordinator's cookie is not a token");
        (await PushAsync(await app.As("stp"), csv)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var secret = await DossierTokens.IssueAsync(app);
        var id = await app.Db(db => db.IntegrationTokens.Where(t => t.SecretHash == Features.Accounts.TokenSecret.Hash(secret)).Select(t => t.Id).SingleAsync());
        (await (await app.As("admin")).PostWithTokenAsync($"/Accounts/Tokens?handler=Revoke&id={id}", new Dictionary<string, string?>(), "/Accounts/Tokens"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PushAsync(DossierTokens.Bearer(app, secret), csv)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Db(db => db.Set<DossierRating>().CountAsync(r => r.DossierCode.StartsWith(p)))).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Push_TakesCsvAndJson_RefusedRowsComeBackAsProblemDetailsWithTheirLine(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        var client = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        var csv = await PushAsync(client, Csv($"{p}-1,Sở Tư pháp,2040-06-01,2,2,2,2,2,2,2,2,2", $"{p}-2,Sở Tư pháp,2040-06-01,2,2,x,2,2,2,2,2,2"));
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = (await csv.Content.ReadFromJsonAsync<RatingsApi.RatingPushResult>())!;
        result.Added.Should().Be(1);
        result.Refused.Should().ContainSingle().Which.Should().Match<RatingsApi.RefusedRating>(r => r.Line == 3 && r.Status == 422 && r.Detail.Contains("c3"));

        var json = await client.PostAsJsonAsync("/api/satisfaction/ratings", new object[]
        {
            new Dictionary<string, object?> { ["dossier_code"] = $"{p}-1", ["agency"] = "Sở Tư pháp", ["rated_on"] = "2040-06-01", ["total"] = 11 },
            new Dictionary<string, object?> { ["dossier_code"] = $"{p}-3" },
            "không phải đánh giá",
        });
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = (await json.Content.ReadFromJsonAsync<RatingsApi.RatingPushResult>())!;
        second.Changed.Should().Be(1, "the same dossier code replaces its rating");
        second.Refused.Select(r => r.Line).Should().Equal(2, 3);
        var stored = await app.Db(db => db.Set<DossierRating>().AsNoTracking().SingleAsync(r => r.DossierCode == p + "-1"));
        (stored.Total, stored.Band, stored.Source).Should().Be((11m, "Khá", "api"));

        (await client.PostAsync("/api/satisfaction/ratings", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await client.PostAsync("/api/satisfaction/ratings", new StringContent("[{", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Figures_CountShareAndMeanPerBand_PerAgencyAndMonth_AndFeedTheIndicators(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        await UploadAsync(await app.As("coordinator"), Csv(
            $"{p}-1,Sở Tư pháp,2041-01-10,2,2,2,2,2,2,2,2,2",    // 18 xuất sắc
            $"{p}-2,Sở Tư pháp,2041-01-20,2,2,2,2,2,2,0,0,0",    // 12 tốt
            $"{p}-3,Sở Tư pháp,2041-02-01,1,1,1,1,1,0,0,0,0",    // 5 yếu
            $"{p}-4,Sở Nội vụ,2041-02-03,1,1,1,1,1,1,1,1,1"));   // 9 khá
        using var scope = app.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<RatingFigures>().ForAsync(new(2041, 1, 1), new(2041, 12, 31), null, default);

        figures.Total.Count.Should().Be(4);
        figures.Total.MeanPoints.Should().Be(11m);
        figures.Total.GoodShare.Should().Be(50m);
        figures.Total.Bands.Select(b => (b.Band, b.Count, b.Share)).Should().Equal(("Xuất sắc", 1, 25m), ("Tốt", 1, 25m), ("Khá", 1, 25m), ("Trung bình", 0, 0m), ("Yếu", 1, 25m));
        var stp = figures.Agencies.Single(a => a.Label == "Sở Tư pháp");
        (stp.Count, stp.MeanPoints, stp.GoodShare).Should().Be((3, 11.67m, 66.67m));
        figures.Months.Select(m => (m.Label, m.Count)).Should().Equal(("01/2041", 2L), ("02/2041", 2L));

        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Single(s => s.Indicators.Any(i => i.Key == RatingIndicators.GoodShareKey));
        (await source.ActualAsync(RatingIndicators.GoodShareKey, null, null, new(2041, 1, 1), new(2041, 1, 31), default))!.Value.Should().Be(100m);
        var stpId = await app.AgencyIdAsync("Sở Tư pháp");
        (await source.ActualAsync(RatingIndicators.MeanKey, "province", [stpId], new(2041, 1, 1), new(2041, 12, 31), default))!.Value.Should().Be(11.67m);
        (await source.ActualAsync(RatingIndicators.GoodShareKey, "commune", null, new(2041, 1, 1), new(2041, 12, 31), default)).Should().BeNull("no commune has ratings");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FiguresPage_ShowsAnOfficerOnlyTheirAgency_AndRefusesAnother(string provider)
    {
        var app = fx.App(provider);
        var p = TestData.Unique("R").Replace(" ", "");
        await UploadAsync(await app.As("coordinator"), Csv(
            $"{p}-1,Sở Tư pháp,2042-03-10,2,2,2,2,2,2,2,2,2", $"{p}-2,Sở Nội vụ,2042-03-10,1,1,1,1,1,1,1,1,1"));
        var officer = await app.As("stp");
        var page = await officer.GetPageAsync("/Satisfaction/Ratings?year=2042");
        var table = page.QuerySelector("#rating-agencies")!.TextContent;
        table.Should().Contain("Sở Tư pháp").And.NotContain("Sở Nội vụ");
        page.QuerySelector("select[name=agencyId]").Should().BeNull("an officer does not pick another agency");
        (await officer.GetAsync($"/Satisfaction/Ratings?year=2042&agencyId={await app.AgencyIdAsync("Sở Nội vụ")}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/Satisfaction/Ratings/Upload")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var coordinatorPage = await (await app.As("coordinator")).GetPageAsync("/Satisfaction/Ratings?year=2042");
        coordinatorPage.QuerySelector("#rating-agencies")!.TextContent.Should().Contain("Sở Tư pháp").And.Contain("Sở Nội vụ");
    }
}
