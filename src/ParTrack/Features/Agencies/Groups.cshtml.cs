using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>Named groups and their members on a chosen day (default today).</summary>
public sealed class GroupsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }

    public sealed record GroupView(AgencyGroup Group, IReadOnlyList<Agency> Members);
    public List<GroupView> Groups { get; private set; } = [];
    public DateOnly On { get; private set; }

    public async Task OnGetAsync()
    {
        On = Day ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        var groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Aliases).OrderBy(g => g.Name).ToListAsync();
        Groups = groups.Select(g => new GroupView(g, AgencyDirectory.Members(g, agencies, On))).ToList();
    }
}
