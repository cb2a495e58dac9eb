using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;
using ParTrack.Features.Accounts;
using ParTrack.Features.Dashboard;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A period's target figures for the province: each measure's rule (sum, mean, minimum, or the province figure
/// the coordinator enters) and the figure it gives, the same as on the dashboard. Coordinators change; leaders read.
/// </summary>
public sealed class TargetsModel(CurrentUser me, ReportQueries queries, DashboardQuery dashboard, TargetRules rules) : PageModel
{
    public PeriodRow Period { get; private set; } = null!;
    public IReadOnlyList<MeasureProgress> Measures { get; private set; } = [];
    public Dictionary<int, decimal> Province { get; private set; } = [];
    public bool CanEdit => me.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (me.IsOfficer) return NotFound();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (me.IsOfficer) return NotFound();
        if (!me.IsCoordinator) return Forbid();
        var chosen = Indexed("Rules").Where(x => Enum.TryParse<Aggregation>(x.Value, out _))
            .ToDictionary(x => x.Key, x => Enum.Parse<Aggregation>(x.Value!));
        var result = await rules.SaveAsync(id, chosen, Indexed("Province"));
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        if (!result.IsOk)
        {
            foreach (var (k, v) in result.Errors!) ModelState.AddModelError(k, v);
            await LoadAsync(id);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.SetMessage("Đã lưu cách tính và số liệu toàn tỉnh của các chỉ tiêu.");
        return Redirect($"/Reports/Periods/{id}/Targets");
    }

    async Task<bool> LoadAsync(int id)
    {
        var period = await queries.PeriodAsync(id);
        if (period is null || period.Kind == ReportingPeriodKind.AdHoc) return false;
        Period = period;
        Measures = (await dashboard.LoadAsync(id)).Measures;
        Province = (await rules.LoadAsync(id)).Province;
        return true;
    }

    Dictionary<int, string?> Indexed(string prefix) =>
        Request.Form.Where(x => x.Key.StartsWith(prefix + "[") && x.Key.EndsWith(']') && int.TryParse(x.Key[(prefix.Length + 1)..^1], out _))
            .ToDictionary(x => int.Parse(x.Key[(prefix.Length + 1)..^1]), x => (string?)x.Value.ToString());
}
