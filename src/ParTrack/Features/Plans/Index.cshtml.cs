using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

public sealed class IndexModel(AppDbContext db, CurrentUser me, ImportSessions imports) : PlanPageModel(db, me)
{
    public List<PlanListItem> Plans { get; private set; } = [];
    public HashSet<int> PendingImports { get; } = [];

    public async Task OnGetAsync()
    {
        Plans = await PlanQueries.ListAsync(Db, Viewer);
        foreach (var p in Plans.Where(p => p.Status == PlanStatus.Draft && imports.IsPending(p.Id))) PendingImports.Add(p.Id);
    }
}
