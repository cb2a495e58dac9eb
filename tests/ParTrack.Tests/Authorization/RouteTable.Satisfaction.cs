using System.Runtime.CompilerServices;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Satisfaction;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    static readonly ConditionalWeakTable<TestApp, SurveyData> surveyData = new();

    /// <summary>An open campaign for two departments (once per app).</summary>
    static async Task<SurveyData> Survey(TestApp app)
    {
        if (surveyData.TryGetValue(app, out var cached)) return cached;
        var data = await SurveyTestData.OpenCampaignAsync(app);
        surveyData.AddOrUpdate(app, data);
        return data;
    }

    /// <summary>
    /// Routes of Features/Satisfaction: coordinators run campaigns; the public form (/ks/…) is open to everyone;
    /// the read-only API to any signed-in user.
    /// </summary>
    static IEnumerable<RouteCase> Satisfaction() =>
    [
        RouteCase.Get("survey: campaigns", "/Satisfaction", Who.Coordinators),
        RouteCase.Get("survey: create form", "/Satisfaction/Create", Who.Coordinators),
        new("survey: create post", "POST", _ => Task.FromResult("/Satisfaction/Create"), Who.Coordinators),
        RouteCase.Get("survey: campaign", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}", Who.Coordinators),
        RouteCase.Get("survey: invitations csv", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}?handler=Invitations", Who.Coordinators),
        // Back from Draft is refused with a message: the route is reached and nothing changes.
        new("survey: move state", "POST", async app => $"/Satisfaction/Campaigns/{(await SurveyTestData.OpenCampaignAsync(app, CampaignState.Draft)).CampaignId}?handler=Move&forward=false", Who.Coordinators),
        new("survey: frame upload", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}?handler=Frame", Who.Coordinators),
        // Without a window the frame from stored dossiers is refused with a message: nothing is drawn.
        new("survey: frame from dossiers", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}?handler=DossierFrame", Who.Coordinators),
        RouteCase.Get("survey: questionnaire", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Questionnaire", Who.Coordinators),
        new("survey: save questionnaire", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Questionnaire", Who.Coordinators),
        new("survey: copy questionnaire", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Questionnaire?handler=Copy&from=0", Who.Coordinators),
        RouteCase.Get("survey: results", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Results", Who.Coordinators),
        RouteCase.Get("survey: results docx", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Results?handler=Docx", Who.Coordinators),
        RouteCase.Get("survey: results xlsx", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Results?handler=Xlsx", Who.Coordinators),
        RouteCase.Get("survey: par points", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/ParPoints", Who.Coordinators),
        new("survey: par points confirm", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/ParPoints?round=0", Who.Coordinators),
        RouteCase.Get("survey: paper entry", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Paper", Who.Coordinators),
        new("survey: paper entry post", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Paper", Who.Coordinators),
        RouteCase.Get("survey: phone entry", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Phone", Who.Coordinators),
        // The shared campaign does not collect by phone: the post is refused with a message and nothing is stored.
        new("survey: phone entry post", "POST", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Phone", Who.Coordinators),
        RouteCase.Get("survey: poster", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Poster?unit={(await Survey(app)).NoiVuUnitId}", Who.Coordinators),
        RouteCase.Get("survey: qr png", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Qr?handler=Png", Who.Coordinators),
        RouteCase.Get("survey: qr svg", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Qr?handler=Svg&unit={(await Survey(app)).NoiVuUnitId}&dossier=HS-1", Who.Coordinators),
        RouteCase.Get("survey: public form", async app => $"/ks/{(await Survey(app)).NoiVuDesk}", Who.Everyone),
        RouteCase.Get("survey: public thank you", "/ks/cam-on", Who.Everyone),
        new("survey: public form post", "POST", async app => $"/ks/{(await Survey(app)).CampaignCode}", Who.Everyone),
        RouteCase.Get("ratings: figures", "/Satisfaction/Ratings?year=2025", Who.Staff),
        RouteCase.Get("ratings: figures of an agency", async app => $"/Satisfaction/Ratings?year=2025&agencyId={await app.AgencyIdAsync("Sở Tư pháp")}", Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("ratings: upload form", "/Satisfaction/Ratings/Upload", Who.Coordinators),
        // Without a file the upload is refused with a message: the route is reached and nothing is stored.
        new("ratings: upload post", "POST", _ => Task.FromResult("/Satisfaction/Ratings/Upload"), Who.Coordinators),
        RouteCase.Get("ratings: scheme", "/Satisfaction/Ratings/Scheme", Who.Coordinators),
        // An empty scheme is refused with a message: no version is saved.
        new("ratings: save scheme", "POST", _ => Task.FromResult("/Satisfaction/Ratings/Scheme"), Who.Coordinators),
        new("api: push ratings", "POST", _ => Task.FromResult("/api/satisfaction/ratings"), []) { Json = _ => Task.FromResult<object>(Array.Empty<object>()) },
        RouteCase.Get("api survey campaigns", "/api/satisfaction/campaigns", Who.Staff),
        RouteCase.Get("api survey results", async app => $"/api/satisfaction/campaigns/{(await Survey(app)).CampaignId}/results", Who.Staff),
    ];
}
