using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>Claim types ParTrack puts in the sign-in cookie.</summary>
public static class Claims
{
    public const string UserId = "partrack:uid";
    public const string AgencyId = "partrack:agency";
    /// <summary>The account's security stamp when the cookie was issued (see AccountsSetup.ValidateAsync).</summary>
    public const string Stamp = "partrack:stamp";
    /// <summary>Present when this session was opened with an authenticator code too.</summary>
    public const string TwoFactor = "partrack:2fa";
}

/// <summary>
/// The signed-in user of this request. What they may see and change is decided by one rule, <see cref="Scope"/>;
/// the members below ask it, and add only what needs the request (the registry of merged bodies).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : IAuditUser
{
    ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;
    public int? Id => int.TryParse(Principal?.FindFirstValue(Claims.UserId), out var id) ? id : null;
    public string UserName => IsSignedIn ? Principal!.Identity!.Name ?? "" : "";
    public Role? Role => Enum.TryParse<Role>(Principal?.FindFirstValue(ClaimTypes.Role), out var r) ? r : null;
    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(Claims.AgencyId), out var id) ? id : null;

    /// <summary>This session was opened with an authenticator code as well as the password.</summary>
    public bool UsedTwoFactor => Principal?.FindFirstValue(Claims.TwoFactor) == "1";

    /// <summary>This user's scope: the one rule of who sees and changes which agency's work.</summary>
    public Scope Scope => _scope ??= new Scope(IsSignedIn ? Role : null, AgencyId, IsOwnOrMergedInto);
    Scope? _scope;

    public bool IsAdmin => Scope.IsAdmin;
    /// <summary>Administrator or coordinator: may edit the registry and every plan.</summary>
    public bool IsCoordinator => Scope.IsCoordinator;
    public bool IsOfficer => Scope.IsOfficer;

    /// <summary>May change work (plans, activities, reports) that belongs to this agency.</summary>
    public bool CanEditAgencyWork(int? agencyId) => Scope.CanEditAgencyWork(agencyId);

    /// <summary>May see this agency's own work (an officer sees only its own agency's).</summary>
    public bool CanSeeAgency(int? agencyId) => Scope.CanSeeAgency(agencyId);

    IReadOnlySet<int>? _predecessors;

    /// <summary>
    /// The officer's agency or a body merged into it (through several mergers): a department merged on
    /// 01/03 still owes its Q1 report, and its accounts have moved to the successor, whose officers finish it.
    /// The registry is read once per request, and only when another agency's work is asked for.
    /// </summary>
    bool IsOwnOrMergedInto(int agencyId)
    {
        if (AgencyId is not int own) return false;
        if (agencyId == own) return true;
        if (_predecessors is null)
        {
            var links = http.HttpContext?.RequestServices.GetService<AppDbContext>() is { } db
                ? db.Agencies.AsNoTracking().Where(a => a.SuccessorId != null).Select(a => new { a.Id, Successor = a.SuccessorId!.Value }).ToList()
                : [];
            var ids = new HashSet<int> { own };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var l in links)
                    if (ids.Contains(l.Successor) && ids.Add(l.Id)) grew = true;
            }
            _predecessors = ids;
        }
        return _predecessors.Contains(agencyId);
    }

    string IAuditUser.AuditName => IsSignedIn ? UserName : "system";
}

/// <summary>Authorisation policy names for [Authorize(Policy = ...)] and RequireAuthorization(...).</summary>
public static class Policies
{
    /// <summary>Any signed-in user (also the fallback for every page without an attribute).</summary>
    public const string Staff = "Staff";
    /// <summary>Administrator or coordinator.</summary>
    public const string Coordinator = "Coordinator";
    /// <summary>Administrator, coordinator or agency officer: may edit something (scope checked per row).</summary>
    public const string Editor = "Editor";
    /// <summary>Administrator only.</summary>
    public const string Admin = "Admin";
}
