using ParTrack.Tests.Infrastructure;

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
        new("api: push dossiers", "POST", _ => Task.FromResult("/api/dossiers"), []) { Json = _ => Task.FromResult<object>(Array.Empty<object>()) },
    ];
}
