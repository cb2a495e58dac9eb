using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Inspections;

/// <summary>The dashboard's inspection panel: this year's programme figures (coverage against target, remedies).</summary>
public sealed class InspectionPanelViewComponent(AppDbContext db, InspectionFigures figures, Programmes programmes) : ViewComponent
{
    public sealed record Model(InspectionProgramme Programme, ProgrammeFigures Figures);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var year = programmes.Today.Year;
        var p = await db.Set<InspectionProgramme>().AsNoTracking().Where(x => x.Year == year).OrderBy(x => x.Id).FirstOrDefaultAsync();
        if (p is null) return Content("");
        return View("~/Features/Inspections/_DashboardPanel.cshtml", new Model(p, await figures.OfAsync(p)));
    }
}
