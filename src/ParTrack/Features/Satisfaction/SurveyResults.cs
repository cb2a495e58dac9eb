using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Features.Satisfaction;

/// <summary>A unit's figures with its agency, as pages, API, reports and exports show them.</summary>
public sealed record UnitFigures(int UnitId, int AgencyId, string Agency, int Quota, UnitIndex Index);

/// <summary>One unit's shares of an expectation question (its unit id as the index keys units: a string).</summary>
public sealed record UnitExpectation(string UnitId, IReadOnlyList<ExpectationShare> Shares);

/// <summary>An expectation question's shares for the province and per unit (Units is null in results frozen before units were kept).</summary>
public sealed record ExpectationFigures(string QuestionKey, string Text, IReadOnlyList<ExpectationShare> Shares, IReadOnlyList<UnitExpectation>? Units = null)
{
    /// <summary>A unit's shares; none (empty) when the results were frozen without them.</summary>
    public IReadOnlyList<ExpectationShare> ForUnit(int unitId) =>
        Units?.FirstOrDefault(u => u.UnitId == unitId.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Shares ?? [];
}

/// <summary>A campaign's results: per unit, the province, the formula they were computed with, expectations.</summary>
public sealed record CampaignResults(SurveyCampaign Campaign, IReadOnlyList<UnitFigures> Units, UnitIndex Province,
    string FormulaVersion, string FormulaText, IndexSpread? Spread, IReadOnlyList<UnitFigures> TopFive, IReadOnlyList<UnitFigures> BottomFive,
    IReadOnlyList<ExpectationFigures> Expectations, bool Frozen);

/// <summary>Computes results from the stored answers (published campaigns: the figures frozen at publication).</summary>
public sealed class SurveyResults(AppDbContext db)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Frozen(IndexResult Index, IReadOnlyList<ExpectationFigures> Expectations);

    public async Task<CampaignResults?> ForAsync(int campaignId, CancellationToken ct, IReadOnlyCollection<int>? agencyIds = null)
    {
        var campaign = await db.Set<SurveyCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? null : await ForAsync(campaign, ct, agencyIds);
    }

    public async Task<CampaignResults> ForAsync(SurveyCampaign campaign, CancellationToken ct, IReadOnlyCollection<int>? agencyIds = null)
    {
        var units = await db.Set<SurveyUnit>().AsNoTracking().Where(u => u.CampaignId == campaign.Id)
            .Select(u => new { u.Id, u.AgencyId, u.Agency!.Name, u.Quota }).ToListAsync(ct);
        if (agencyIds is not null) units = units.Where(u => agencyIds.Contains(u.AgencyId)).ToList();
        Frozen figures;
        if (campaign.ResultsJson is { } frozen && agencyIds is null)
            figures = JsonSerializer.Deserialize<Frozen>(frozen, Json)!;
        else
            figures = await ComputeAsync(campaign, units.Select(u => u.Id).ToList(), ct);
        var byId = units.ToDictionary(u => u.Id.ToString());
        UnitFigures F(UnitIndex i) { var u = byId[i.UnitId]; return new UnitFigures(u.Id, u.AgencyId, u.Name, u.Quota, i); }
        var rows = figures.Index.Units.Where(i => byId.ContainsKey(i.UnitId)).Select(F)
            .OrderBy(u => u.Index.Rank ?? int.MaxValue).ThenBy(u => u.Agency, StringComparer.Ordinal).ToList();
        return new CampaignResults(campaign, rows, figures.Index.Province, figures.Index.FormulaVersion, figures.Index.FormulaText,
            figures.Index.Spread, figures.Index.TopFive.Where(i => byId.ContainsKey(i.UnitId)).Select(F).ToList(),
            figures.Index.BottomFive.Where(i => byId.ContainsKey(i.UnitId)).Select(F).ToList(), figures.Expectations, campaign.ResultsJson is not null && agencyIds is null);
    }

    async Task<Frozen> ComputeAsync(SurveyCampaign campaign, IReadOnlyList<int> unitIds, CancellationToken ct)
    {
        var answers = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.CampaignId == campaign.Id && r.Verified && unitIds.Contains(r.UnitId))
            .Select(r => new { r.UnitId, r.AnswersJson }).ToListAsync(ct);
        var questionnaire = SurveyCampaigns.QuestionnaireOf(campaign);
        var parsed = answers.Select(a => (a.UnitId, Answers: JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(a.AnswersJson) ?? [])).ToList();
        var responses = parsed.Select(p => new Response(p.UnitId.ToString(), p.Answers
            .Where(x => x.Value.ValueKind == JsonValueKind.Number).ToDictionary(x => x.Key, x => x.Value.GetInt32()))).ToList();
        var index = SatisfactionIndex.Compute(questionnaire.IndexFactors(), SurveyCampaigns.FormulaOf(campaign), responses, unitIds.Select(i => i.ToString()));
        var expectations = questionnaire.Questions.Where(q => q.Kind == QuestionKind.Expectation).Select(q =>
        {
            IReadOnlyList<ExpectationShare> Shares(IEnumerable<(int UnitId, Dictionary<string, JsonElement> Answers)> of) =>
                Domain.Satisfaction.Expectations.Shares(q.Options ?? [], q.MaxChoices, of.Select(p =>
                    p.Answers.TryGetValue(q.Key, out var v) && v.ValueKind == JsonValueKind.Array
                        ? (IReadOnlyCollection<string>)v.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : []));
            return new ExpectationFigures(q.Key, q.Text, Shares(parsed),
                unitIds.Select(u => new UnitExpectation(u.ToString(), Shares(parsed.Where(p => p.UnitId == u)))).ToList());
        }).ToList();
        return new Frozen(index, expectations);
    }

    /// <summary>Freezes the figures with their formula when the campaign is published.</summary>
    public async Task FreezeAsync(SurveyCampaign campaign, CancellationToken ct)
    {
        var unitIds = await db.Set<SurveyUnit>().Where(u => u.CampaignId == campaign.Id).Select(u => u.Id).ToListAsync(ct);
        campaign.ResultsJson = JsonSerializer.Serialize(await ComputeAsync(campaign, unitIds, ct), Json);
    }
}
