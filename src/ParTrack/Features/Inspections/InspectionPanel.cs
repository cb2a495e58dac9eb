using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Inspections;

/// <summary>The dashboard's inspection panel: this year's programme figures (coverage against target, remedies).</summary>
public sealed class InspectionPanelViewComponent(AppDbContext db, InspectionFigures figures, Programmes programmes, SteadyReads reads) : ViewComponent
{
    public sealed record Model(InspectionProgramme Programme, ProgrammeFigures Figures);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The same for every viewer of the dashboard; kept until the next write or the next day (coverage counts to today).
        var today = programmes.Today;
        var model = await reads.GetAsync($"inspection-panel:{today:yyyyMMdd}", async () =>
        {
            var p = await db.Set<InspectionProgramme>().AsNoTracking().Where(x => x.Year == today.Year).OrderBy(x => x.Id).FirstOrDefaultAsync();
            return p is null ? null : new Model(p, await figures.OfAsync(p));
        });
        return model is null ? Content("") : View("~/Features/Inspections/_DashboardPanel.cshtml", model);
    }
}
