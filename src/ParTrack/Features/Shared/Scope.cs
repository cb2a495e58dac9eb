using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>
/// The one rule of role and agency scope; CurrentUser, PlanAccess and ParAccess ask it. Administrators and
/// coordinators see and change everything; an agency officer sees and changes only its own agency's work and
/// the work of the bodies merged into it (whose last reports and history are now its own); leaders and
/// appraisers read everything and change nothing (appraisers score PAR Index assessments). Work with no
/// agency (a province plan) is everyone's to read. docs/architecture.md, "Scope".
/// </summary>
/// <param name="Role">Null when nobody is signed in: then nothing is in scope.</param>
/// <param name="AgencyId">The officer's own agency.</param>
/// <param name="IsMergedIntoOwn">Whether a body was merged into the officer's agency; asked only for another agency's work,
/// so the registry is read only when it matters.</param>
public sealed record Scope(Role? Role, int? AgencyId, Func<int, bool>? IsMergedIntoOwn = null)
{
    public bool IsSignedIn => Role is not null;
    public bool IsAdmin => Role == Data.Role.Administrator;
    /// <summary>Administrator or coordinator: may edit the registry and every agency's work.</summary>
    public bool IsCoordinator => Role is Data.Role.Administrator or Data.Role.Coordinator;
    public bool IsOfficer => Role == Data.Role.AgencyOfficer;
    /// <summary>Coordinators and appraisers score PAR Index assessments.</summary>
    public bool CanAppraise => IsCoordinator || Role == Data.Role.Appraiser;

    /// <summary>May see this agency's own work (an officer sees only its own agency's and its predecessors').</summary>
    public bool CanSeeAgency(int? agencyId) =>
        IsSignedIn && (!IsOfficer || (agencyId is int id && IsOwn(id)));

    /// <summary>May change work (plans, activities, reports, self-assessments) that belongs to this agency.</summary>
    public bool CanEditAgencyWork(int? agencyId) =>
        IsCoordinator || (IsOfficer && agencyId is int id && IsOwn(id));

    /// <summary>May see something owned by this agency, where no owner means the province's (a province plan).</summary>
    public bool CanSeeOwnedBy(int? ownerAgencyId) =>
        ownerAgencyId is null ? IsSignedIn : CanSeeAgency(ownerAgencyId);

    bool IsOwn(int agencyId) => agencyId == AgencyId || (AgencyId is not null && IsMergedIntoOwn?.Invoke(agencyId) == true);
}
