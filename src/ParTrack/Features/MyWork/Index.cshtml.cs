using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.MyWork;

/// <summary>One plan's work on "Việc của tôi", by area, with how many lines it has after the filters.</summary>
public sealed record PlanWork(int PlanId, string Title, IReadOnlyList<WorkArea> Areas)
{
    public int Count => Areas.Sum(a => a.Items.Count);
}

public sealed class IndexModel(CurrentUser me, MyWorkQuery query, AppDbContext db, TimeProvider clock, FragmentCache fragments,
    SteadyReads reads) : PageModel
{
    /// <summary>The rendered list is kept under this key (<see cref="FragmentCache"/>); null: not kept.</summary>
    public string? Fragment { get; private set; }
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
        if (!me.IsOfficer || me.AgencyId is not int agencyId) return Redirect("/Plans");
        // Before anything is read (the key holds the data version). The list is the agency's, but kept per user: nothing
        // personal is in it today, and a page called "my work" should not start sharing silently if that changes. The
        // query's deadline words count days from the UTC date, so that date is in the key too.
        Fragment = fragments.Key($"/MyWork?year={Year}&role={Role}&due={Due}&utc={clock.GetUtcNow():yyyyMMdd}",
            $"{FragmentCache.ScopeOf(me.Scope)}:user{me.Id}");
        if (!await reads.GetAsync($"agency-exists:{agencyId}", () => db.Agencies.AnyAsync(a => a.Id == agencyId, ct))) return NotFound();
        return Page();
    }

    /// <summary>The agency's work and the filters' choices: called by the page inside its cached part, so a hit reads none of it.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        View = await query.LoadAsync(me.AgencyId!.Value, ct);
        if (View is null) return;

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
    }
}
