using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Agencies;

/// <summary>
/// Names the registry learned from resolving plans: province-wide aliases a coordinator confirmed, and each
/// agency's own resolutions, with who made them. Every staff member may read; coordinators remove.
/// </summary>
public sealed class LearnedNamesModel(AppDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(string Kind, int Id, string Text, string Means, string? Scope, string? By, DateTime? AtUtc);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        var groups = await db.AgencyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name);
        string Means(int? agencyId, int? groupId) =>
            agencyId is int a ? agencies.GetValueOrDefault(a, "?") : groups.GetValueOrDefault(groupId ?? 0, "?");

        var province = await db.AgencyAliases.AsNoTracking().Where(x => x.CreatedBy != null).ToListAsync();
        var scoped = await db.AgencyScopedAliases.AsNoTracking().ToListAsync();
        Rows = province.Select(x => new Row("p", x.Id, x.Text, Means(x.AgencyId, x.GroupId), null, x.CreatedBy, x.CreatedAtUtc))
            .Concat(scoped.Select(x => new Row("s", x.Id, x.Text, Means(x.AgencyId, x.GroupId), agencies.GetValueOrDefault(x.OwnerAgencyId), x.CreatedBy, x.CreatedAtUtc)))
            .OrderByDescending(r => r.AtUtc).ToList();
    }

    /// <summary>Forgets a learned name: later imports no longer resolve it by itself (plans already resolved keep their links).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string kind, int id)
    {
        if (!me.IsCoordinator) return Forbid();
        var removed = kind == "p"
            ? await db.AgencyAliases.Where(x => x.Id == id && x.CreatedBy != null).FirstOrDefaultAsync() is { } alias && Remove(alias)
            : await db.AgencyScopedAliases.FindAsync(id) is { } local && Remove(local);
        if (removed)
        {
            await db.SaveChangesAsync();
            this.SetMessage("Đã bỏ tên đã học; lần nhập sau tên này sẽ được hỏi lại.");
        }
        return RedirectToPage();
    }

    bool Remove(object entity)
    {
        db.Remove(entity);
        return true;
    }
}
