using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dashboard;

/// <summary>Coordinators' and leaders' dashboard (appraisers too: they read everything); officers use "Việc của tôi".</summary>
public sealed class IndexModel(CurrentUser me, DashboardQuery query, Reporting.TargetWarnings warnings, Reporting.ActivityRisks risks,
    TimeProvider clock, FragmentCache fragments) : PageModel
{
    /// <summary>The rendered body is kept under this key (<see cref="FragmentCache"/>); null: not kept.</summary>
    public string? Fragment { get; private set; }
    public IReadOnlyList<Reporting.TargetWarning> Warnings { get; private set; } = [];
    public IReadOnlyList<Reporting.ActivityAtRisk> ActivitiesAtRisk { get; private set; } = [];
    public int RiskDays => risks.WindowDays;

    /// <summary>
    /// The agencies named per activity at risk, furthest behind first; the rest are counted and linked to the activity's
    /// breakdown. An activity led by a whole group (every commune) named hundreds, which made the dashboard of a large
    /// province megabytes of names nobody reads.
    /// </summary>
    public const int BehindShown = 5;
    public DashboardView View { get; private set; } = null!;
    [FromQuery] public string? Sort { get; set; }
    [FromQuery(Name = "period")] public int? PeriodId { get; set; }

    public IReadOnlyList<AgencyProgress> Agencies => (Sort ?? "name") switch
    {
        "done" => View.Agencies.OrderByDescending(a => a.Leads == 0 ? 0 : (double)a.Done / a.Leads).ThenBy(a => a.Name).ToList(),
        "overdue" => View.Agencies.OrderByDescending(a => a.Overdue).ThenBy(a => a.Name).ToList(),
        // Worst first: missing, late (most days first), not due, on time.
        "timeliness" => View.Agencies.OrderBy(a => a.Timeliness.Kind switch
            {
                TimelinessKind.Missing => 0,
                TimelinessKind.Late => 1,
                TimelinessKind.NotDueYet => 2,
                _ => 3,
            }).ThenByDescending(a => a.Timeliness.DaysLate).ThenBy(a => a.Name).ToList(),
        _ => View.Agencies,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (me.IsOfficer) return Forbid();   // officers have "Việc của tôi"; the dashboard is the province view
        // The province's figures, the same for every role allowed here; the role is in the key all the same, so a
        // role-specific link added later cannot leak to another role.
        Fragment = fragments.Key($"/Dashboard?period={PeriodId}&sort={Sort}", FragmentCache.ScopeOf(me.Scope));
        return Page();
    }

    /// <summary>The figures, warnings and risks: called by the page inside its cached part, so a hit reads none of it.</summary>
    public async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var place = await query.PlaceAsync(PeriodId, ct);
        View = await query.LoadAsync(PeriodId, place, ct);
        if (place.PlanId is not int planId) return;
        // Warnings and risks are judged on the chosen period's cut-off, like the figures (today while the period runs).
        Warnings = await warnings.ForPlanAsync(planId, place.Period?.Year ?? Domain.VietnamTime.Today(clock).Year, ct);
        ActivitiesAtRisk = await risks.AsOfAsync(planId, place.Period?.DataTo ?? DateOnly.MaxValue, ct);
    }
}
