using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Reporting;

/// <summary>
/// One activity in one period: its state and each owing agency's state ("12/18 cơ quan hoàn thành" with the
/// list), from the same Progress figures as the dashboard. The province view, so not for officers (as the period page).
/// </summary>
public sealed class ActivityBreakdownModel(CurrentUser me, Progress progress) : PageModel
{
    public PlanProgress Figures { get; private set; } = null!;
    public ActivityProgressRow Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int periodId, int activityId)
    {
        if (me.IsOfficer) return NotFound();
        var figures = await progress.ForPeriodAsync(periodId);
        var row = figures?.Activities.FirstOrDefault(a => a.ActivityId == activityId);
        if (figures is null || row is null) return NotFound();
        (Figures, Activity) = (figures, row);
        return Page();
    }
}
