using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Sets;

public sealed class SubForm
{
    public string Code { get; set; } = "";
    public string? MaxPoints { get; set; }
    public string Method { get; set; } = "range";
    public string? Parameters { get; set; }
    public bool EvidenceRequired { get; set; }
    public string? Guidance { get; set; }
}

/// <summary>A criteria set: the tree, its exports, and (coordinators) editing points, guidance, evidence and method.</summary>
public sealed class ShowModel(AppDbContext db, CurrentUser me, CriteriaSets sets) : PageModel
{
    public ParCriteriaSetRow Row { get; private set; } = null!;
    public CriteriaSet Set { get; private set; } = null!;
    public bool InUse { get; private set; }
    public List<string> Errors { get; } = [];
    [BindProperty] public List<SubForm> Subs { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var row = await db.Set<ParCriteriaSetRow>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (row is null) return false;
        Row = row;
        Set = CriteriaSets.Parse(row);
        InUse = await sets.InUseAsync(id, ct);
        return true;
    }

    // Officers work on their own assessment only; the sets are the coordinators' and appraisers' tool.
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (me.IsOfficer) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Row.Version;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(int id, CancellationToken ct)
    {
        if (me.IsOfficer) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(Encoding.UTF8.GetBytes(CriteriaSetJson.Serialize(Set)), "application/json", $"bo-tieu-chi-{Row.Year}-{Row.Group}.json".ToLowerInvariant());
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (me.IsOfficer) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(ParXlsx.WriteSet(Set), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"bo-tieu-chi-{Row.Year}-{Row.Group}.xlsx".ToLowerInvariant());
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var posted = Subs.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var areas = new List<ParArea>();
        foreach (var area in Set.Areas)
        {
            var criteria = new List<ParCriterion>();
            foreach (var c in area.Criteria)
            {
                var subs = new List<ParSubCriterion>();
                foreach (var s in c.SubCriteria)
                {
                    if (!posted.TryGetValue(s.Code, out var f)) { subs.Add(s); continue; }
                    decimal max = s.MaxPoints;
                    try { if (!string.IsNullOrWhiteSpace(f.MaxPoints)) max = ParXlsx.Dec(f.MaxPoints); }
                    catch (FormatException) { Errors.Add($"Tiêu chí {s.Code}: điểm tối đa \"{f.MaxPoints}\" không phải là số."); }
                    var (method, error) = ParXlsx.ParseMethod(f.Method, f.Parameters, s.Code);
                    if (error is not null) Errors.Add(error);
                    subs.Add(s with
                    {
                        MaxPoints = max,
                        Scoring = method ?? s.Scoring,
                        EvidenceRequired = f.EvidenceRequired,
                        Guidance = string.IsNullOrWhiteSpace(f.Guidance) ? null : f.Guidance.Trim(),
                    });
                }
                criteria.Add(c with { SubCriteria = subs });
            }
            areas.Add(area with { Criteria = criteria });
        }
        if (Errors.Count == 0)
        {
            db.Entry(Row).Property(r => r.Version).OriginalValue = Version;
            try
            {
                Errors.AddRange(await sets.ReplaceAsync(Row, Set with { Areas = areas }, ct));
            }
            catch (DbUpdateConcurrencyException)
            {
                Errors.Add(ApiExceptionHandler.ConcurrencyMessage);
            }
            if (Errors.Count == 0)
            {
                this.SetMessage("Đã lưu bộ tiêu chí.");
                return Redirect($"/ParIndex/Sets/{id}");
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }
}
