using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// /Dossiers/Kpis: the service KPIs of a period, drilled down province → agency → procedure → the late and overdue
/// dossiers. Coordinators and leaders see the province; an officer sees their own agency only.
/// </summary>
public sealed class KpisModel(CurrentUser me, KpiQueries queries, AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxLate = 200;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }

    public KpiWindow Window { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? AgencyName { get; private set; }
    public KpiReport Report { get; private set; } = null!;
    public List<(string Code, string? Name, KpiValues Values)> Procedures { get; private set; } = [];
    public List<KpiQueries.LateDossier> Late { get; private set; } = [];
    public bool IsOfficer => me.IsOfficer;
    public bool CanUpload => me.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var from = new DateOnly(today.Year, 1, 1);
        var to = today;
        if ((From is not null && !FormInput.TryDate(From, out from)) || (To is not null && !FormInput.TryDate(To, out to)) || from > to)
        {
            Error = "Khoảng ngày không hợp lệ; đang hiển thị từ đầu năm đến hôm nay.";
            (from, to) = (new DateOnly(today.Year, 1, 1), today);
        }
        Window = new KpiWindow(from, to);
        (From, To) = (from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"));

        if (me.IsOfficer) AgencyId ??= me.AgencyId;
        if (AgencyId is int id && !me.CanSeeAgency(id)) return Forbid();
        IReadOnlyCollection<int>? ids = null;
        if (AgencyId is int agency)
        {
            ids = await queries.AgencyAndPredecessorsAsync(agency, ct);
            if (ids is null) return NotFound();
            AgencyName = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleAsync(ct);
        }
        var filter = new KpiFilter(ids);
        Report = await queries.ReportAsync(Window, filter, ct);
        if (AgencyId is null) return Page();

        var names = await db.Set<Dossier>().AsNoTracking().Where(d => ids!.Contains(d.AgencyId))
            .GroupBy(d => d.ProcedureCode).Select(g => new { g.Key, Name = g.Max(d => d.ProcedureName) }).ToDictionaryAsync(x => x.Key, x => x.Name, ct);
        Procedures = [.. (await queries.Count(Window, filter, d => d.ProcedureCode, ct))
            .Select(g => (g.Key, names.GetValueOrDefault(g.Key), KpiValues.From(g.Counts)))
            .OrderBy(p => p.Item3.OnTimeRate ?? 101).ThenBy(p => p.Key, StringComparer.Ordinal)];
        Late = await queries.LateAsync(Window, filter, Procedure, MaxLate, ct);
        return Page();
    }
}
