using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Notifications;

/// <summary>In-app notifications: the user's own and, for an officer, its agency's.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await Mine().OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(200).AsNoTracking().ToListAsync();

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Through SaveChanges, not a bulk update, so each change is audited like any other.
        foreach (var n in await Mine().Where(n => n.ReadAtUtc == null).ToListAsync()) n.ReadAtUtc = now;
        await db.SaveChangesAsync();
        return Redirect("/Notifications");
    }

    IQueryable<Notification> Mine()
    {
        var userId = me.Id;
        var agencyId = me.IsOfficer ? me.AgencyId : null;
        return db.Set<Notification>().Where(n => (n.UserId != null && n.UserId == userId) || (agencyId != null && n.AgencyId == agencyId));
    }
}
