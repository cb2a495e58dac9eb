using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>Who is asking: enough of the signed-in user to decide what plans they may see and change.</summary>
public sealed record Viewer(string UserName, Role Role, int? AgencyId)
{
    public bool IsCoordinator => Role is Role.Administrator or Role.Coordinator;
}

/// <summary>
/// Plan scope rules, in one place for pages and API: an agency officer sees the province plans and its
/// own agency's plans, and edits only its own agency's plans; coordinators and administrators edit
/// everything; leaders and appraisers read everything.
/// </summary>
public static class PlanAccess
{
    public static bool CanView(Viewer v, int? planOwnerAgencyId) =>
        v.Role != Role.AgencyOfficer || planOwnerAgencyId is null || planOwnerAgencyId == v.AgencyId;

    public static bool CanEdit(Viewer v, int? planOwnerAgencyId) =>
        v.IsCoordinator || (v.Role == Role.AgencyOfficer && v.AgencyId is not null && planOwnerAgencyId == v.AgencyId);

    /// <summary>Filter for plan lists, so an officer's query never returns other agencies' plans.</summary>
    public static IQueryable<Plan> Visible(IQueryable<Plan> plans, Viewer v) =>
        v.Role == Role.AgencyOfficer
            ? plans.Where(p => p.OwnerAgencyId == null || p.OwnerAgencyId == v.AgencyId)
            : plans;
}
