using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

public sealed record CampaignDto(int Id, int Year, string Title, string State, DateOnly OpensOn, DateOnly ClosesOn, string FormUrl, string MethodVersion);

public sealed record FactorDto(string Key, decimal Percent);

public sealed record ExpectationShareDto(string Option, int Chosen, decimal Percent);

/// <summary>An expectation question (mong đợi): per option, how many respondents chose it and their share (%) of those who answered.</summary>
public sealed record ExpectationDto(string QuestionKey, string Question, IReadOnlyList<ExpectationShareDto> Shares);

public sealed record UnitResultDto(int AgencyId, string Agency, int Responses, int Quota, decimal? Index, int? Rank, bool TooFewResponses, IReadOnlyList<FactorDto> Factors,
    IReadOnlyList<ExpectationDto> Expectations);

public sealed record ProvinceResultDto(int Responses, decimal? Index, IReadOnlyList<ExpectationDto> Expectations);

public sealed record CampaignResultsDto(int CampaignId, string State, string FormulaVersion, string Formula, bool Frozen,
    ProvinceResultDto Province, IReadOnlyList<UnitResultDto> Units);

/// <summary>Campaigns and their results for integrations (read-only; any signed-in user or integration token).</summary>
public static class SatisfactionApi
{
    public static void MapSatisfactionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/satisfaction", "Satisfaction");
        api.MapGet("/campaigns", async (HttpRequest request, AppDbContext db, CancellationToken ct) =>
            {
                var campaigns = await db.Set<SurveyCampaign>().AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
                return TypedResults.Ok(campaigns.Select(c => new CampaignDto(c.Id, c.Year, c.Title, c.State.ToString(), c.OpensOn, c.ClosesOn,
                    FormUrl(request, c.Code), c.MethodVersion)).ToList());
            })
            .WithSummary("Survey campaigns")
            .WithDescription("Each campaign (đợt khảo sát) with its state (Draft, Open, Closed, Published), window and the public form's URL (formUrl, the address its QR code holds).")
            .Produces<List<CampaignDto>>();
        api.MapGet("/campaigns/{id:int}/results", async Task<Results<Ok<CampaignResultsDto>, ProblemHttpResult>> (int id, SurveyResults results, CancellationToken ct) =>
            {
                if (await results.ForAsync(id, ct) is not { } r) return (ProblemHttpResult)ApiProblems.NotFound("Không có đợt khảo sát này.");
                return TypedResults.Ok(new CampaignResultsDto(id, r.Campaign.State.ToString(), r.FormulaVersion, r.FormulaText, r.Frozen,
                    new ProvinceResultDto(r.Province.Responses, r.Province.Index, [.. r.Expectations.Select(e => Expectation(e, e.Shares))]),
                    r.Units.Select(u => new UnitResultDto(u.AgencyId, u.Agency, u.Index.Responses, u.Quota, u.Index.Index, u.Index.Rank, u.Index.TooFewResponses,
                        u.Index.Factors.Select(f => new FactorDto(f.FactorKey, f.Percent)).ToList(),
                        [.. r.Expectations.Select(e => Expectation(e, e.ForUnit(u.UnitId)))])).ToList()));
            })
            .WithSummary("A campaign's results")
            .WithDescription("Per unit: responses, index (share satisfied or very satisfied, weighted over factors, %), rank (null when the unit has too few responses), " +
                             "factor shares and expectation shares; the province's index and expectation shares over all responses; the formula and its version. " +
                             "Published campaigns answer the figures frozen at publication.")
            .Produces<CampaignResultsDto>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRatingsApi();
    }

    static ExpectationDto Expectation(ExpectationFigures e, IReadOnlyList<Domain.Satisfaction.ExpectationShare> shares) =>
        new(e.QuestionKey, e.Text, [.. shares.Select(s => new ExpectationShareDto(s.Option, s.Chosen, s.Percent))]);

    public static string FormUrl(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/ks/{code}";
}
