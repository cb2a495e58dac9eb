using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>Coordinator's view of the cascade: which agencies issued their own plan, which did not, which were late.</summary>
public sealed class CascadeStatusModel(AppDbContext db, CurrentUser me, Cascade cascade) : PlanPageModel(db, me)
{
    public CascadeReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!Me.IsCoordinator && Me.Role is not (Role.Leader or Role.Appraiser)) return Forbid();
        var report = await cascade.ReportAsync(id);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }

    /// <summary>A coordinator makes an agency's plan on its behalf (e.g. from the agency's paper copy).</summary>
    public async Task<IActionResult> OnPostAsync(int id, int agencyId)
    {
        if (!Me.IsCoordinator) return Forbid();
        var result = await cascade.CreateAgencyPlanAsync(id, agencyId);
        if (!result.IsOk) { this.SetMessage(result.Message); return Redirect($"/Plans/{id}/Cascade"); }
        return Redirect($"/Plans/{result.Value}");
    }
}
