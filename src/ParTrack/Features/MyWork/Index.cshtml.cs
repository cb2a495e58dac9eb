using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.MyWork;

/// <summary>One plan's work on "Việc của tôi", by area, with how many lines it has after the filters.</summary>
public sealed record PlanWork(int PlanId, string Title, IReadOnlyList<WorkArea> Areas)
{
    public int Count => Areas.Sum(a => a.Items.Count);
}

public sealed class IndexModel(CurrentUser me, MyWorkQuery query, AppDbContext db, TimeProvider clock) : PageModel
{
    public MyWorkView? View { get; private set; }
    /// <summary>The work after the filters, grouped by plan (province plans first, as the query orders them) then area.</summary>
    public IReadOnlyList<PlanWork> Plans { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The plans' year shown; by default this year, or the latest year with work when this year has none.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>"lead" (chủ trì), "support" (phối hợp) or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>"soon" (due within 14 days or today), "overdue", or empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // "Việc của tôi" is an agency's list; other roles have no agency of their own.
        if (!me.IsOfficer || me.AgencyId is null) return Redirect("/Plans");
        View = await query.LoadAsync(me.AgencyId.Value, ct);
        if (View is null) return NotFound();

        var items = View.ByArea.SelectMany(a => a.Items).ToList();
        var planIds = items.Select(i => i.PlanId).Distinct().ToList();
        var spans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FromYear, p.ToYear }).ToDictionaryAsync(p => p.Id, ct);
        Years = spans.Values.SelectMany(p => Enumerable.Range(p.FromYear, Math.Max(1, p.ToYear - p.FromYear + 1)))
            .Distinct().OrderDescending().ToList();
        var thisYear = VietnamTime.Today(clock).Year;
        Year ??= Years.Contains(thisYear) || Years.Count == 0 ? thisYear : Years.Where(y => y < thisYear).DefaultIfEmpty(Years[^1]).Max();
        var year = Year.Value;

        var shown = items.Where(i => spans.TryGetValue(i.PlanId, out var s) && s.FromYear <= year && year <= s.ToYear)
            .Where(i => Role switch { "lead" => i.Leads, "support" => !i.Leads, _ => true })
            .Where(i => Due switch
            {
                "overdue" => i.Deadline.Urgency == Urgency.Overdue,
                "soon" => i.Deadline.Urgency is Urgency.Today or Urgency.Soon,
                _ => true,
            });
        Plans = shown.GroupBy(i => (i.PlanId, i.PlanTitle))
            .Select(p => new PlanWork(p.Key.PlanId, p.Key.PlanTitle, p.GroupBy(i => (i.AreaCode, i.AreaTitle))
                .Select(g => new WorkArea(g.Key.AreaCode, g.Key.AreaTitle ?? "Chưa xếp lĩnh vực", g.ToList())).ToList()))
            .ToList();
        return Page();
    }
}
