using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

public sealed class IndexModel(AppDbContext db, CurrentUser me, ImportSessions imports) : PlanPageModel(db, me)
{
    public List<PlanListItem> Plans { get; private set; } = [];
    public HashSet<int> PendingImports { get; } = [];
    /// <summary>Agency plans whose province plan was withdrawn or replaced, by plan id.</summary>
    public Dictionary<int, EndedBasis> EndedBases { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Plans = await PlanQueries.ListAsync(Db, Viewer);
        EndedBases = (await PlanBasis.EndedAsync(Db, PlanAccess.Visible(Db.Plans, Viewer))).ToDictionary(b => b.AgencyPlanId);
        foreach (var p in Plans.Where(p => p.Status == PlanStatus.Draft && imports.IsPending(p.Id))) PendingImports.Add(p.Id);
    }
}
