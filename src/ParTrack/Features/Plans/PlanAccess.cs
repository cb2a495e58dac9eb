using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>Who is asking: enough of the signed-in user to decide what plans they may see and change.</summary>
public sealed record Viewer(string UserName, Role Role, int? AgencyId)
{
    /// <summary>The one scope rule (Features/Shared/Scope). Plans are matched on the owner itself, not its predecessors.</summary>
    public Scope Scope => new(Role, AgencyId);
    public bool IsCoordinator => Scope.IsCoordinator;
}

/// <summary>
/// Plan scope, as <see cref="Scope"/> decides it: an agency officer sees the province plans and its own agency's
/// plans, and edits only its own agency's plans; coordinators and administrators edit everything; leaders and
/// appraisers read everything. Kept as a thin caller for the pages and API that ask it.
/// </summary>
public static class PlanAccess
{
    public static bool CanView(Viewer v, int? planOwnerAgencyId) => v.Scope.CanSeeOwnedBy(planOwnerAgencyId);

    public static bool CanEdit(Viewer v, int? planOwnerAgencyId) => v.Scope.CanEditAgencyWork(planOwnerAgencyId);

    /// <summary>Filter for plan lists, so an officer's query never returns other agencies' plans: <see cref="CanView"/>
    /// translated to SQL (ScopeRuleTests checks that both agree).</summary>
    public static IQueryable<Plan> Visible(IQueryable<Plan> plans, Viewer v) =>
        v.Role == Role.AgencyOfficer
            ? plans.Where(p => p.OwnerAgencyId == null || p.OwnerAgencyId == v.AgencyId)
            : plans;
}
