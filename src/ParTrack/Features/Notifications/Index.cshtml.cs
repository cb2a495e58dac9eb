using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

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

    /// <summary>Opens one notification: marks it read (audited like any change) and goes where it points.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        // Someone else's, or gone with its agency: back to the list (nothing of anyone else's is read or changed).
        var n = await Mine().FirstOrDefaultAsync(x => x.Id == id);
        if (n is null) return Redirect("/Notifications");
        if (n.ReadAtUtc is null)
        {
            n.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        return Redirect(LocalUrl.OrDefault(n.Url, "/Notifications"));
    }

    IQueryable<Notification> Mine() => Inbox.Of(db, me);
}
