using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction;

/// <summary>The survey campaigns, newest first, with their answers so far.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(SurveyCampaign Campaign, int Units, int Responses);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var campaigns = await db.Set<SurveyCampaign>().AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        var units = await db.Set<SurveyUnit>().GroupBy(u => u.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var answers = await db.Set<SurveyResponse>().Where(r => r.Verified).GroupBy(r => r.CampaignId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Rows = campaigns.Select(c => new Row(c, units.GetValueOrDefault(c.Id), answers.GetValueOrDefault(c.Id))).ToList();
    }
}
