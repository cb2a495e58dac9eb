using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string UserName, string DisplayName, Role Role, string? Agency, bool Active, bool Locked);
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.UserName, u.DisplayName, u.Role, u.Agency != null ? u.Agency.Name : null, u.Active,
                u.LockedUntilUtc != null && u.LockedUntilUtc > now))
            .ToListAsync();
    }
}
