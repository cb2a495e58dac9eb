using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Reporting;

/// <summary>One kept version of a report, read-only.</summary>
public sealed class VersionModel(AppDbContext db, CurrentUser me) : PageModel
{
    public ReportVersion Kept { get; private set; } = null!;
    public Snapshot Snap { get; private set; } = null!;
    public int PeriodId { get; private set; }
    public int AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string PeriodTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var kept = await db.Set<ReportVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id);
        if (kept is null) return NotFound();
        var report = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.Id == kept.ReportId)
            .Select(r => new { r.PeriodId, r.AgencyId, Agency = r.Agency!.Name, Period = r.Period!.Title }).FirstAsync();
        if (!me.CanSeeAgency(report.AgencyId)) return NotFound();
        Kept = kept;
        Snap = JsonSerializer.Deserialize<Snapshot>(kept.Content)!;
        (PeriodId, AgencyId, AgencyName, PeriodTitle) = (report.PeriodId, report.AgencyId, report.Agency, report.Period);
        return Page();
    }
}
