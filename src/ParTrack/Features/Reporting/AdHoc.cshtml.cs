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

    static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(PlanId)] = "Kế hoạch", [nameof(DataFrom)] = "Số liệu từ ngày", [nameof(DataTo)] = "Đến ngày", [nameof(Deadline)] = "Hạn gửi",
        [nameof(AgencyIds)] = "Cơ quan phải báo cáo",
    };

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
        var unreadable = FormInput.Unreadable(ModelState, Labels);
        // The request, its reports and the agencies' notifications commit with the form's key: a form posted
        // twice, even at the same moment, asks (and notifies) once.
        var url = unreadable.Count > 0 ? null : await once.RunAsync(async () =>
        {
            var result = await periods.RequestAdHocAsync(PlanId, Title, Questions, DataFrom, DataTo, Deadline, AgencyIds);
            if (result.IsOk) return $"/Reports/Periods/{result.Value}";
            if (result.Kind == OutcomeKind.NotFound) ModelState.AddModelError(nameof(PlanId), "Hãy chọn kế hoạch của tỉnh.");
            foreach (var (k, v) in result.Errors ?? new Dictionary<string, string>()) ModelState.AddModelError(k, v);
            return null;
        });
        if (url is null)
        {
            foreach (var (k, v) in unreadable) { ModelState.Remove(k); ModelState.AddModelError(k, v); }
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.SetMessage("Đã gửi yêu cầu báo cáo đột xuất tới {0} cơ quan.", AgencyIds.Count);
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
