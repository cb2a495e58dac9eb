using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Service KPIs for every signed-in user (an officer's answer is their agency's); the push only by an integration token, never a cookie.</summary>
    static IEnumerable<RouteCase> Dossiers() =>
    [
        RouteCase.Get("kpi page", "/Dossiers/Kpis?from=2025-01-01&to=2025-03-31", Who.Staff),
        RouteCase.Get("kpi page of an agency", async app => $"/Dossiers/Kpis?from=2025-01-01&to=2025-03-31&agencyId={await app.AgencyIdAsync("Sở Tư pháp")}&procedure=1.001",
            Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("api: kpis", "/api/kpis?from=2025-01-01&to=2025-03-31", Who.Staff),
        RouteCase.Get("api: kpis of an agency", async app => $"/api/kpis?from=2025-01-01&to=2025-03-31&agencyId={await app.AgencyIdAsync("Sở Tư pháp")}",
            Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("reports: target bindings", async app => $"/Reports/Plans/{(await AMeasureAsync(app)).PlanId}/Bindings", Who.Coordinators),
        new RouteCase("reports: unbind a target", "POST", async app => $"/Reports/Plans/{(await AMeasureAsync(app)).PlanId}/Bindings?handler=Unbind", Who.Coordinators)
        {
            Form = async app => new() { ["measureId"] = (await AMeasureAsync(app)).MeasureId.ToString() },
        },
        // Upload (coordinators): a token nobody kept shows "upload again", so the routes answer without a real upload.
        RouteCase.Get("dossier upload", "/Dossiers/Upload", Who.Coordinators),
        new("dossier upload post", "POST", _ => Task.FromResult("/Dossiers/Upload"), Who.Coordinators),
        RouteCase.Get("dossier upload review", $"/Dossiers/Upload/{NoUpload}?source=motcua", Who.Coordinators),
        new("dossier upload mapping", "POST", _ => Task.FromResult($"/Dossiers/Upload/{NoUpload}?handler=Mapping&source=motcua"), Who.Coordinators),
        new("dossier upload import", "POST", _ => Task.FromResult($"/Dossiers/Upload/{NoUpload}?handler=Import&source=motcua"), Who.Coordinators),
        RouteCase.Get("dossier import summary", async app => $"/Dossiers/Imports/{await AnImportAsync(app)}", Who.Coordinators),
        RouteCase.Get("dossier points table", "/Dossiers/Points", Who.Coordinators),
        new("dossier points table save", "POST", _ => Task.FromResult("/Dossiers/Points"), Who.Coordinators),
        RouteCase.Get("dossier ranking", "/Dossiers/Ranking?month=2025-03&level=xa", Who.StaffExceptOfficersBut()),
        RouteCase.Get("dossier ranking csv", "/Dossiers/Ranking?handler=Csv&month=2025-03", Who.StaffExceptOfficersBut()),
        RouteCase.Get("dossier ranking xlsx", "/Dossiers/Ranking?handler=Xlsx&month=2025-03", Who.StaffExceptOfficersBut()),
        new("api: push dossiers", "POST", _ => Task.FromResult("/api/dossiers"), []) { Json = _ => Task.FromResult<object>(Array.Empty<object>()) },
    ];

    const string NoUpload = "0123456789abcdef0123456789abcdef";

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestApp, object> imports = new();

    /// <summary>An import's id (one pushed through the API, once per app).</summary>
    static async Task<int> AnImportAsync(TestApp app)
    {
        if (imports.TryGetValue(app, out var id)) return (int)id;
        var client = ParTrack.Tests.Dossiers.DossierTokens.Bearer(app, await ParTrack.Tests.Dossiers.DossierTokens.IssueAsync(app));
        var response = await ParTrack.Tests.Dossiers.DossierTokens.PushCsvAsync(client, new ParTrack.Tests.Dossiers.DossierCsv().Row(code: "ROUTE-1", received: "2031-01-02"), "route");
        var importId = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("importId").GetInt32();
        imports.AddOrUpdate(app, importId);
        return importId;
    }

    /// <summary>The first target measure of the database (a province plan is imported when there is none) and its plan.</summary>
    static async Task<(int PlanId, int MeasureId)> AMeasureAsync(TestApp app)
    {
        async Task<List<(int PlanId, int MeasureId)>> MeasuresAsync() =>
            (await app.Db(db => db.PlanTargets.AsNoTracking().Include(t => t.Measures)
                .Where(t => db.Plans.Any(p => p.Id == t.PlanId && p.OwnerAgencyId == null)).ToListAsync()))
            .SelectMany(t => t.Measures.Select(m => (t.PlanId, m.Id))).OrderBy(x => x.Id).ToList();
        var measures = await MeasuresAsync();
        if (measures.Count == 0)
        {
            await app.ProvincePlanAsync();
            measures = await MeasuresAsync();
        }
        return measures[0];
    }
}
