using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>A coordinator asks chosen agencies for an ad-hoc report with its own questions and deadline.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class AdHocModel(AppDbContext db, ReportPeriods periods, FormOnce once, TimeProvider clock) : PageModel
{
    [BindProperty] public int PlanId { get; set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Questions { get; set; } = "";
    [BindProperty] public DateOnly DataFrom { get; set; }
    [BindProperty] public DateOnly DataTo { get; set; }
    [BindProperty] public DateOnly Deadline { get; set; }
    [BindProperty] public List<int> AgencyIds { get; set; } = [];

    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = VietnamTime.Today(clock);
        (DataFrom, DataTo, Deadline) = (new DateOnly(today.Year, 1, 1), today, today.AddDays(7));
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await once.EarlierResultAsync() is { } earlier) return Redirect(earlier);
        var result = await periods.RequestAdHocAsync(PlanId, Title, Questions, DataFrom, DataTo, Deadline, AgencyIds);
        if (result.Kind == OutcomeKind.NotFound) { ModelState.AddModelError(nameof(PlanId), "Hãy chọn kế hoạch của tỉnh."); }
        if (!result.IsOk)
        {
            foreach (var (k, v) in result.Errors ?? new Dictionary<string, string>()) ModelState.AddModelError(k, v);
            await LoadAsync();
            return Page();
        }
        var url = await once.SaveChangesAsync(() => $"/Reports/Periods/{result.Value}");
        TempData["Message"] = $"Đã gửi yêu cầu báo cáo đột xuất tới {AgencyIds.Count} cơ quan.";
        return Redirect(url);
    }

    async Task LoadAsync()
    {
        Plans = (await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued).OrderByDescending(p => p.FromYear)
            .Select(p => new { p.Id, p.Title }).ToListAsync()).Select(p => (p.Id, p.Title)).ToList();
        var today = VietnamTime.Today(clock);
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.Kind != AgencyKind.PeoplesCommittee).OrderBy(a => a.Name)
            .ToListAsync()).Where(a => a.IsCurrent(today)).Select(a => (a.Id, a.Name)).ToList();
    }
}
