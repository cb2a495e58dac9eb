using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

/// <summary>Which plan activities serve which criterion (by code) in a year; coordinators edit the mapping.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class LinksModel(AppDbContext db, ParResults results) : PageModel
{
    public sealed record Option(int Id, int PlanId, string Text, string Area);
    public sealed record Link(int Id, string Code, int ActivityId, int PlanId, string Text);

    [BindProperty(SupportsGet = true)] public int Year { get; set; } = DateTime.UtcNow.Year;
    public List<ParCriterion> Criteria { get; private set; } = [];
    public List<Option> Activities { get; private set; } = [];
    public List<Link> Existing { get; private set; } = [];
    public Dictionary<string, IReadOnlyList<LinkedActivity>> Suggestions { get; private set; } = [];
    public string? Error { get; private set; }

    async Task LoadAsync(CancellationToken ct)
    {
        var sets = await db.Set<ParCriteriaSetRow>().AsNoTracking().Where(s => s.Year == Year).ToListAsync(ct);
        Criteria = sets.SelectMany(s => CriteriaSets.Parse(s).Areas.SelectMany(a => a.Criteria)).DistinctBy(c => c.Code).ToList();
        Activities = await (from a in db.Activities.AsNoTracking()
                            join p in db.Plans.AsNoTracking() on a.PlanId equals p.Id
                            join ar in db.PlanAreas.AsNoTracking() on a.AreaId equals ar.Id into areas
                            from ar in areas.DefaultIfEmpty()
                            where p.OwnerAgencyId == null && p.FromYear <= Year && p.ToYear >= Year
                                  && a.CancelledAtUtc == null && p.Status != PlanStatus.Withdrawn && p.Status != PlanStatus.Archived
                            orderby a.PlanId, a.Order
                            select new Option(a.Id, a.PlanId, a.Text, ar == null ? "" : ar.Title)).ToListAsync(ct);
        Existing = await (from m in db.Set<ParCriterionActivity>().AsNoTracking()
                          join a in db.Activities.AsNoTracking() on m.ActivityId equals a.Id
                          where m.Year == Year && a.CancelledAtUtc == null && a.Plan!.Status != PlanStatus.Withdrawn
                          orderby m.Code
                          select new Link(m.Id, m.Code, a.Id, a.PlanId, a.Text)).ToListAsync(ct);
        var fake = new List<GroupLosses>
        {
            new(ParUnitGroup.Department, new LostPointsReport([], Criteria.Select(c => new LostPoints(c.Code, c.Title, 0, 0, 0, [])).ToList())),
        };
        Suggestions = (await results.ActivitiesAsync(Year, fake, ct)).Where(kv => kv.Value.Any(a => a.Suggested))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string code, int activityId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Criteria.All(c => c.Code != code) || Activities.All(a => a.Id != activityId))
            Error = "Hãy chọn một tiêu chí và một hoạt động trong danh sách.";
        else if (Existing.Any(e => e.Code == code && e.ActivityId == activityId))
            Error = "Hoạt động này đã được gắn với tiêu chí.";
        else
        {
            db.Add(new ParCriterionActivity { Year = Year, Code = code, ActivityId = activityId });
            await db.SaveChangesAsync(ct);
            return Redirect($"/ParIndex/Links?year={Year}");
        }
        return Page();
    }

    /// <summary>Stores the area-based suggestions as links for criteria that have none yet.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var (code, acts) in Suggestions)
            if (Existing.All(e => e.Code != code))
                foreach (var a in acts)
                    db.Add(new ParCriterionActivity { Year = Year, Code = code, ActivityId = a.Id });
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã gắn các hoạt động gợi ý theo lĩnh vực; hãy rà soát và gỡ những hoạt động không phù hợp.");
        return Redirect($"/ParIndex/Links?year={Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int linkId, CancellationToken ct)
    {
        var link = await db.Set<ParCriterionActivity>().FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null) return NotFound();
        db.Remove(link);
        await db.SaveChangesAsync(ct);
        return Redirect($"/ParIndex/Links?year={link.Year}");
    }
}
