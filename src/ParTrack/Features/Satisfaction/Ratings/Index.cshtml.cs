using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Ratings;

/// <summary>
/// Per-dossier rating figures for a year: per agency and the province, per month; count and share per band, mean
/// points. Every signed-in user; an agency officer sees only their own agency.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AppDbContext db, RatingFigures figures, CurrentUser user, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public int? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public RatingFiguresResult Figures { get; private set; } = null!;
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public bool CanManage => user.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(int? year, int? agencyId, CancellationToken ct)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : VietnamTime.Today(clock).Year;
        if (user.IsOfficer) agencyId ??= user.AgencyId;
        if (agencyId is int asked && !user.CanSeeAgency(asked)) return Forbid();
        if (agencyId is int id)
        {
            AgencyName = await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (AgencyName is null) return NotFound();
        }
        AgencyId = agencyId;
        if (!user.IsOfficer) Agencies = await db.Agencies.AsNoTracking().Where(a => db.Set<DossierRating>().Any(r => r.AgencyId == a.Id))
            .OrderBy(a => a.Name).ToListAsync(ct);
        Figures = await figures.ForAsync(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31), agencyId is int a ? [a] : null, ct);
        return Page();
    }
}
