using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// The coordinator binds the plan's target measures to computed indicators (service KPIs, satisfaction …), with the
/// indicator the target's words suggest preselected; a bound measure's actuals come from its source, the rest stay typed.
/// </summary>
public sealed class BindingsModel(CurrentUser me, AppDbContext db, MeasureBindings bindings) : PageModel
{
    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public IReadOnlyList<BindableMeasure> Measures { get; private set; } = [];
    public IReadOnlyList<Shared.Indicator> Indicators => bindings.Indicators;

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        return await LoadAsync(planId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostBindAsync(int planId, int measureId, string? indicator, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        return await Done(planId, await bindings.BindAsync(planId, measureId, indicator ?? "", ct), "Đã gắn chỉ tiêu với chỉ số; số liệu thực hiện được tính tự động.", ct);
    }

    public async Task<IActionResult> OnPostUnbindAsync(int planId, int measureId, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        return await Done(planId, await bindings.UnbindAsync(planId, measureId, ct), "Đã bỏ gắn; các cơ quan nhập số liệu của chỉ tiêu này như trước.", ct);
    }

    IActionResult? Refused() => me.IsOfficer ? NotFound() : me.IsCoordinator ? null : Forbid();

    async Task<IActionResult> Done(int planId, Outcome<int> outcome, string message, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk)
        {
            foreach (var (k, v) in outcome.Errors!) ModelState.AddModelError(k, v);
            if (!await LoadAsync(planId, ct)) return NotFound();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.SetMessage(message);
        return Redirect($"/Reports/Plans/{planId}/Bindings");
    }

    async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.OwnerAgencyId == null).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        (PlanId, PlanTitle) = (plan.Id, plan.Title);
        Measures = await bindings.ForPlanAsync(planId, ct);
        return true;
    }

    public string Label(string key) => Indicators.FirstOrDefault(i => i.Key == key)?.Label ?? key;
}
