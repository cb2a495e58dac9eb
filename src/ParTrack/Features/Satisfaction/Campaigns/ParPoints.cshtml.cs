using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Accounts;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction.Campaigns;

/// <summary>
/// The campaign's index offered as a PAR round's survey points (the page where coordinators otherwise type them):
/// each chosen survey sub-criterion gets max × the unit's index. The mapping is shown; nothing is written until confirmed.
/// Units without enough answers get nothing (their points stay as they were).
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class ParPointsModel(AppDbContext db, SurveyResults results) : PageModel
{
    public sealed record Proposal(ParAssessment Assessment, UnitFigures? Figures, IReadOnlyList<(ParSubCriterion Sub, decimal Points)> Points);

    public CampaignResults Results { get; private set; } = null!;
    public IReadOnlyList<ParRound> Rounds { get; private set; } = [];
    public ParRound? Round { get; private set; }
    public IReadOnlyList<ParSubCriterion> SurveySubs { get; private set; } = [];
    public IReadOnlyList<string> Chosen { get; private set; } = [];
    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];
    public List<string> Errors { get; } = [];

    async Task<bool> LoadAsync(int id, int? roundId, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        if (await results.ForAsync(id, ct) is not { } r) return false;
        Results = r;
        Rounds = await db.Set<ParRound>().AsNoTracking().OrderByDescending(x => x.Year).ToListAsync(ct);
        Round = roundId is { } rid ? await db.Set<ParRound>().FirstOrDefaultAsync(x => x.Id == rid, ct)
            : await db.Set<ParRound>().Where(x => x.Year == r.Campaign.Year).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (Round is null) return true;
        var units = await db.Set<ParAssessment>().Where(a => a.RoundId == Round.Id)
            .Include(a => a.Agency).Include(a => a.Scores).Include(a => a.Set).AsSplitQuery().ToListAsync(ct);
        units.ForEach(u => u.Round = Round);
        var byAgency = r.Units.ToDictionary(u => u.AgencyId);
        var proposals = new List<Proposal>();
        var allSubs = new Dictionary<string, ParSubCriterion>();
        foreach (var a in units.OrderBy(a => a.Agency!.Name, StringComparer.Ordinal))
        {
            var subs = CriteriaSets.Parse(a.Set!).Flatten().Where(i => i.Sub.IsSurvey).Select(i => i.Sub).ToList();
            subs.ForEach(s => allSubs.TryAdd(s.Code, s));
            var figures = byAgency.GetValueOrDefault(a.AgencyId);
            var chosen = codes ?? subs.Where(s => s.Code.StartsWith("8.1", StringComparison.Ordinal)).Select(s => s.Code).ToList();
            var points = figures is { Index: { Index: { } index, TooFewResponses: false } }
                ? subs.Where(s => chosen.Contains(s.Code)).Select(s => (s, ParSurveyPoints.FromPercent(index, s.MaxPoints))).ToList() : [];
            proposals.Add(new Proposal(a, figures, points));
        }
        SurveySubs = allSubs.Values.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        Chosen = codes ?? SurveySubs.Where(s => s.Code.StartsWith("8.1", StringComparison.Ordinal)).Select(s => s.Code).ToList();
        Proposals = proposals;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? round, string[]? code, CancellationToken ct) =>
        await LoadAsync(id, round, code is { Length: > 0 } ? code : null, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int round, string[]? code, CancellationToken ct)
    {
        if (!await LoadAsync(id, round, code ?? [], ct)) return NotFound();
        if (Round is null) { Errors.Add("Hãy chọn một đợt đánh giá Chỉ số CCHC."); Response.StatusCode = 422; return Page(); }
        foreach (var p in Proposals.Where(p => p.Points.Count > 0))
            Errors.AddRange(ParAssessments.SetSurvey(p.Assessment, CriteriaSets.Parse(p.Assessment.Set!),
                p.Points.ToDictionary(x => x.Sub.Code, x => (string?)x.Points.ToString(CultureInfo.InvariantCulture))));
        if (Errors.Count > 0) { Response.StatusCode = 422; return Page(); }
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã đưa chỉ số hài lòng vào điểm điều tra xã hội học của {0} đơn vị.", Proposals.Count(p => p.Points.Count > 0));
        return Redirect($"/ParIndex/Rounds/{Round.Id}/Survey");
    }
}
