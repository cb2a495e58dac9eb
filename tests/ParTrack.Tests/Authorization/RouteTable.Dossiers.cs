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
        new("api: push dossiers", "POST", _ => Task.FromResult("/api/dossiers"), []) { Json = _ => Task.FromResult<object>(Array.Empty<object>()) },
    ];

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
