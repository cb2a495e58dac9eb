using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>The citizen's form at /ks/{code}: no sign-in, one response per code, nothing else of the app reachable.</summary>
public sealed class PublicFormTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DeskForm_WithoutSignIn_ShowsTheQuestionnaire_AndExposesNoOtherRouteOrScript(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var client = app.Anonymous();

        var response = await client.GetAsync($"/ks/{data.NoiVuDesk}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector("h1")!.TextContent.Should().Contain("khảo sát");
        page.Body!.TextContent.Should().Contain("Sở Nội vụ").And.Contain("Ông/Bà hài lòng về thủ tục hành chính");
        // Nothing to follow: no links, no scripts, one stylesheet of its own, forms post only to this page.
        page.QuerySelectorAll("a[href]").Should().BeEmpty();
        page.QuerySelectorAll("script").Should().BeEmpty();
        page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Should().Equal("/css/survey.css");
        page.QuerySelectorAll("form").Cast<IHtmlFormElement>().Should().OnlyContain(f => string.IsNullOrEmpty(f.GetAttribute("action")));
        page.QuerySelectorAll("input[name=name], input[name=phone], input[type=tel], input[type=email]").Should().BeEmpty();
        // Every radio and checkbox sits in a fieldset with a legend and inside its label.
        page.QuerySelectorAll("input[type=radio], input[type=checkbox]").Should().NotBeEmpty()
            .And.OnlyContain(i => i.Closest("fieldset") != null && i.Closest("fieldset")!.QuerySelector("legend") != null && i.Closest("label") != null);
        page.Body!.TextContent.Should().NotContain("ParTrack");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PageWithItsAssets_WeighsLessThan100KB(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var client = app.Anonymous();

        var html = await client.GetByteArrayAsync($"/ks/{data.NoiVuDesk}");
        var page = await (await client.GetAsync($"/ks/{data.NoiVuDesk}")).ParseAsync();
        long total = html.Length;
        foreach (var href in page.QuerySelectorAll("link[href], img[src], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            if (!href.StartsWith("data:")) total += (await client.GetByteArrayAsync(href)).Length;

        total.Should().BeLessThan(100 * 1024);
        total.Should().BeGreaterThan(html.Length, "the stylesheet was fetched and counted");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Answer_AtADesk_GoesToThankYou_CountsInResults_AndTheSameDossierIsRefused(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var client = app.Anonymous();

        var first = await client.SubmitFormAsync($"/ks/{data.NoiVuDesk}", SurveyTestData.Answers(5, "HS-000123"));
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        first.Headers.Location!.OriginalString.Should().Be("/ks/cam-on");
        var thanks = await client.GetAsync("/ks/cam-on");
        thanks.StatusCode.Should().Be(HttpStatusCode.OK);
        (await thanks.ParseAsync()).QuerySelectorAll("a[href]").Should().BeEmpty();

        // The same dossier again (typed differently): refused, nothing stored twice.
        var again = await client.SubmitFormAsync($"/ks/{data.NoiVuDesk}", SurveyTestData.Answers(1, " hs-000123 "));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ParseAsync()).Body!.TextContent.Should().Contain("Hồ sơ này đã được đánh giá");

        var stored = await app.Db(db => db.Set<SurveyResponse>().Where(r => r.CampaignId == data.CampaignId).ToListAsync());
        stored.Should().ContainSingle().Which.Should().Match<SurveyResponse>(r => r.UnitId == data.NoiVuUnitId && r.Mode == ResponseMode.Online);
        // The dossier code is not stored: only its hash, in a table apart from the answers.
        stored[0].AnswersJson.Should().NotContain("000123");
        (await app.Db(db => db.Set<SurveyDossierClaim>().Where(c => c.CampaignId == data.CampaignId).Select(c => c.DossierHash).ToListAsync()))
            .Should().ContainSingle().Which.Should().NotContain("000123").And.HaveLength(64);

        var coordinator = await app.As("coordinator");
        var results = await coordinator.GetFromJsonAsync<CampaignResultsDto>($"/api/satisfaction/campaigns/{data.CampaignId}/results");
        results!.Province.Responses.Should().Be(1);
        results.Province.Index.Should().Be(100m);
        results.Units.Single(u => u.Agency == "Sở Nội vụ").Should().Match<UnitResultDto>(u => u.Responses == 1 && u.Index == 100m && u.Rank == 1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task InvitationCode_TakesOneResponse_ThenSaysItWasAnswered(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var code = await app.Db(async db =>
        {
            var invitation = new SurveyInvitation { CampaignId = data.CampaignId, UnitId = data.TuPhapUnitId, DossierCode = "HS-9", Code = TestCode() };
            db.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Code;
        });
        var client = app.Anonymous();
        var page = await client.GetPageAsync($"/ks/{code}");
        page.QuerySelector("#dossier").Should().BeNull("an invitation already says which dossier it is for");

        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        (await client.SubmitAsync(form, $"/ks/{code}", SurveyTestData.Answers(4))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await client.SubmitAsync(form, $"/ks/{code}", SurveyTestData.Answers(2));

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.ParseAsync()).Body!.TextContent.Should().Contain("đã được trả lời");
        (await client.GetPageAsync($"/ks/{code}")).QuerySelector("form").Should().BeNull();
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId))).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BadInput_IsAVietnameseMessage_AndKeepsWhatWasAnswered(string provider)
    {
        var app = fx.App(provider);
        var data = await SurveyTestData.OpenCampaignAsync(app);
        var client = app.Anonymous();
        var answers = SurveyTestData.Answers(4, dossier: "");
        answers["q_s2"] = "9";

        var response = await client.SubmitFormAsync($"/ks/{data.CampaignCode}", answers);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var page = await response.ParseAsync();
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Hãy chọn cơ quan").And.Contain("Hãy nhập mã hồ sơ").And.Contain("từ 1 đến 5");
        page.QuerySelector("input[name=q_s1][value='4']")!.HasAttribute("checked").Should().BeTrue();
        (await app.Db(db => db.Set<SurveyResponse>().CountAsync(r => r.CampaignId == data.CampaignId))).Should().Be(0);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ClosedCampaign_OrUnknownCode_ShowsANoticeAndNoForm(string provider)
    {
        var app = fx.App(provider);
        var closed = await SurveyTestData.OpenCampaignAsync(app, CampaignState.Closed);
        var client = app.Anonymous();

        var page = await client.GetPageAsync($"/ks/{closed.NoiVuDesk}");
        page.QuerySelector("form").Should().BeNull();
        page.Body!.TextContent.Should().Contain("không nhận phiếu");

        var unknown = await client.GetAsync("/ks/ZZZZZZ");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var notFound = await unknown.ParseAsync();
        notFound.Body!.TextContent.Should().Contain("Không tìm thấy phiếu");
        notFound.QuerySelectorAll("a[href]").Should().BeEmpty();
    }

    static string TestCode() => SurveyCodes.New(SurveyCodes.InvitationLength);
}
