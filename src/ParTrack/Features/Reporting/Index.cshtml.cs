using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>"Báo cáo": the periods; coordinators open a year's periods with the plan's calendar here.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, ReportQueries queries, ReportPeriods periods, TimeProvider clock) : PageModel
{
    public List<PeriodRow> Periods { get; private set; } = [];
    /// <summary>Officer's own reports by period.</summary>
    public Dictionary<int, (ReportState State, DateTime? SubmittedAt)> Mine { get; private set; } = [];
    public List<(int Id, string Title, int From, int To)> ProvincePlans { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public int PlanId { get; set; }
    [BindProperty] public int Year { get; set; }
    /// <summary>Empty: the calendar saved for the plan (or Decree 09's when none is saved).</summary>
    [BindProperty] public int? CutOffDay { get; set; }
    [BindProperty] public int? SubmitDay { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostOpenYearAsync()
    {
        if (!me.IsCoordinator) return Forbid();
        var result = await periods.OpenYearAsync(PlanId, Year, CutOffDay, SubmitDay);
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        if (!result.IsOk)
        {
            foreach (var (k, v) in result.Errors!) ModelState.AddModelError(k, v);
            await LoadAsync();
            return Page();
        }
        var used = await periods.CalendarAsync(PlanId);
        this.SetMessage("Đã mở các kỳ báo cáo năm {0} (chốt số liệu ngày {1}, hạn gửi ngày {2} tháng cuối kỳ).", Year, used.CutOffDay, used.SubmitDay);
        return Redirect("/Reports");
    }

    async Task LoadAsync()
    {
        Today = VietnamTime.Today(clock);
        Periods = await queries.PeriodsAsync();
        if (me.IsOfficer)
        {
            var agency = me.AgencyId;
            var asked = await db.Set<ReportRequestAgency>().Where(r => r.AgencyId == agency).Select(r => r.PeriodId).ToListAsync();
            Periods = Periods.Where(p => p.Kind != ReportingPeriodKind.AdHoc || asked.Contains(p.Id)).ToList();
            Mine = (await db.Set<AgencyReport>().AsNoTracking().Where(r => r.AgencyId == agency)
                    .Select(r => new { r.PeriodId, r.State, r.FirstSubmittedAtUtc }).ToListAsync())
                .ToDictionary(r => r.PeriodId, r => (r.State, r.FirstSubmittedAtUtc));
        }
        ProvincePlans = (await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
                .OrderByDescending(p => p.FromYear).Select(p => new { p.Id, p.Title, p.FromYear, p.ToYear }).ToListAsync())
            .Select(p => (p.Id, p.Title, p.FromYear, p.ToYear)).ToList();
        if (Year == 0) Year = ProvincePlans.FirstOrDefault().From is > 0 and var y ? y : Today.Year;
        // The form shows the calendar saved for the plan, the one its periods use.
        if (PlanId == 0 && ProvincePlans.Count > 0) PlanId = ProvincePlans[0].Id;
        if (PlanId != 0 && CutOffDay is null && SubmitDay is null)
        {
            var saved = await periods.CalendarAsync(PlanId);
            (CutOffDay, SubmitDay) = (saved.CutOffDay, saved.SubmitDay);
        }
    }
}
