using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Features.ParIndex;

public sealed record ResultRow(int AssessmentId, int AgencyId, string Name, ParUnitGroup Group, UnitResult Result,
    decimal? PreviousIndex, int? PreviousRank, decimal? IndexDelta, int? RankChange);

public sealed record GroupLosses(ParUnitGroup Group, LostPointsReport Report);

public sealed record LinkedActivity(int Id, int PlanId, string Text, bool Suggested);

public sealed record RoundResults(ParRound Round, IReadOnlyList<ResultRow> Rows, IReadOnlyList<GroupLosses> Losses,
    IReadOnlyDictionary<string, string> UnitNames, ParRound? PreviousRound,
    IReadOnlyDictionary<string, IReadOnlyList<LinkedActivity>> ActivitiesByCriterion);

/// <summary>Scores, ranks and analyses a round with the Domain rules; compares with last year's round.</summary>
public sealed class ParResults(AppDbContext db)
{
    public async Task<(IReadOnlyList<ResultRow> Rows, IReadOnlyList<GroupLosses> Losses)> ComputeAsync(ParRound round, CancellationToken ct = default)
    {
        // Only the columns scoring needs: the results page runs this for two rounds on every request.
        var heads = await db.Set<ParAssessment>().AsNoTracking().Where(a => a.RoundId == round.Id)
            .Select(a => new { a.Id, a.AgencyId, Name = a.Agency!.Name, a.Group, a.SetId, a.Excluded }).ToListAsync(ct);
        var scores = (await (from s in db.Set<ParScore>().AsNoTracking()
                             join a in db.Set<ParAssessment>() on s.AssessmentId equals a.Id
                             where a.RoundId == round.Id
                             select new { s.AssessmentId, s.Code, s.SelfPoints, s.AppraisedPoints, s.SurveyPoints }).ToListAsync(ct))
            .ToLookup(s => s.AssessmentId);
        var sets = await CriteriaSets.LoadAsync(db, heads.Select(h => h.SetId).Distinct().ToList(), ct);
        var options = new ParIndexOptions(round.SurveyIncluded);
        var rows = new List<ResultRow>();
        var losses = new List<GroupLosses>();
        foreach (var group in heads.GroupBy(a => a.Group).OrderBy(g => g.Key))
        {
            var list = group.ToList();
            var set = sets[list[0].SetId];
            var units = list.Select(h =>
            {
                var a = new ParAssessment { Id = h.Id, AgencyId = h.AgencyId, Group = h.Group, Excluded = h.Excluded };
                a.Scores.AddRange(scores[h.Id].Select(s => new ParScore
                { Code = s.Code, SelfPoints = s.SelfPoints, AppraisedPoints = s.AppraisedPoints, SurveyPoints = s.SurveyPoints }));
                return ParAssessments.ToDomain(a);
            }).ToList();
            var results = ParIndexCalculator.Compute(set, units, options);
            for (int i = 0; i < list.Count; i++)
                rows.Add(new ResultRow(list[i].Id, list[i].AgencyId, list[i].Name, group.Key, results[i], null, null, null, null));
            losses.Add(new GroupLosses(group.Key, LostPointsAnalysis.Analyse(set, units, options)));
        }
        return (rows.OrderBy(r => r.Group).ThenBy(r => r.Result.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).ToList(), losses);
    }

    public async Task<RoundResults> LoadAsync(ParRound round, CancellationToken ct = default)
    {
        var (rows, losses) = await ComputeAsync(round, ct);
        var previous = await db.Set<ParRound>().AsNoTracking()
            .Where(r => r.Year == round.Year - 1 && r.Stage == RoundStage.Published)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            var (before, _) = await ComputeAsync(previous, ct);
            var changes = new List<ResultRow>();
            foreach (var group in rows.GroupBy(r => r.Group))
            {
                var compared = YearComparison.Compare(before.Where(b => b.Group == group.Key).Select(b => b.Result).ToList(),
                    group.Select(r => r.Result).ToList());
                changes.AddRange(group.Zip(compared, (r, c) => r with
                {
                    PreviousIndex = c.PreviousIndexPercent,
                    PreviousRank = c.PreviousRank,
                    IndexDelta = c.IndexDelta,
                    RankChange = c.RankChange,
                }));
            }
            rows = changes;
        }
        var names = rows.ToDictionary(r => r.AgencyId.ToString(CultureInfo.InvariantCulture), r => r.Name);
        return new RoundResults(round, rows, losses, names, previous, await ActivitiesAsync(round.Year, losses, ct));
    }

    // Words that tell which plan area serves which PAR Index area (by the default set's area codes).
    static readonly Dictionary<string, string[]> AreaWords = new()
    {
        ["1"] = ["chỉ đạo", "điều hành"],
        ["2"] = ["thể chế"],
        ["3"] = ["thủ tục hành chính"],
        ["4"] = ["tổ chức bộ máy", "bộ máy"],
        ["5"] = ["công vụ", "công chức"],
        ["6"] = ["tài chính công"],
        ["7"] = ["chính quyền điện tử", "chính quyền số", "chuyển đổi số"],
        ["8"] = ["hài lòng", "tác động"],
    };

    /// <summary>
    /// Plan activities of the year linked to each criterion: those a coordinator mapped, else suggestions
    /// from the plan area that matches the criterion's area (at most five).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LinkedActivity>>> ActivitiesAsync(
        int year, IReadOnlyList<GroupLosses> losses, CancellationToken ct = default)
    {
        var mapped = await (from m in db.Set<ParCriterionActivity>().AsNoTracking()
                            join a in db.Activities.AsNoTracking() on m.ActivityId equals a.Id
                            where m.Year == year && a.CancelledAtUtc == null && a.Plan!.Status != PlanStatus.Withdrawn
                            select new { m.Code, a.Id, a.PlanId, a.Text }).ToListAsync(ct);
        var planAreas = await (from a in db.Activities.AsNoTracking()
                               join p in db.Plans.AsNoTracking() on a.PlanId equals p.Id
                               join ar in db.PlanAreas.AsNoTracking() on a.AreaId equals ar.Id
                               where p.OwnerAgencyId == null && p.FromYear <= year && p.ToYear >= year
                                     && a.CancelledAtUtc == null && p.Status != PlanStatus.Withdrawn && p.Status != PlanStatus.Archived
                               orderby a.Order
                               select new { a.Id, a.PlanId, a.Text, Area = ar.Title }).ToListAsync(ct);
        var result = new Dictionary<string, IReadOnlyList<LinkedActivity>>();
        var codes = losses.SelectMany(l => l.Report.ByCriterion.Select(c => c.Code)).Distinct();
        foreach (var code in codes)
        {
            var own = mapped.Where(m => m.Code == code).Select(m => new LinkedActivity(m.Id, m.PlanId, m.Text, false)).ToList();
            if (own.Count == 0 && AreaWords.TryGetValue(code.Split('.')[0], out var words))
                own = planAreas.Where(a => words.Any(w => a.Area.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    .Take(5).Select(a => new LinkedActivity(a.Id, a.PlanId, a.Text, true)).ToList();
            result[code] = own;
        }
        return result;
    }
}
