namespace ParTrack.Domain.Satisfaction;

/// <summary>A factor (yếu tố) and its satisfaction questions, e.g. "Tiếp cận dịch vụ" with its 5-level questions.</summary>
public sealed record SurveyFactor(string Key, string Title, IReadOnlyList<string> QuestionKeys);

/// <summary>
/// How the index is combined, stored with every result because the Ministry's exact composite (1001/QĐ-BNV)
/// is not confirmed (DOMAIN §9). Weights are per factor key; an empty map weighs every factor the same.
/// A unit with fewer than <paramref name="MinResponses"/> responses is computed but flagged and not ranked.
/// </summary>
public sealed record IndexFormula(string Version, IReadOnlyDictionary<string, decimal> Weights, int MinResponses = 30)
{
    public const string CurrentVersion = "sipas-share45-v1";
    public const int SatisfiedFrom = 4;   // levels 4 (hài lòng) and 5 (rất hài lòng) of 5

    public decimal WeightOf(string factorKey) =>
        Weights.Count == 0 ? 1m : Weights.TryGetValue(factorKey, out var w) ? w : 0m;

    /// <summary>The formula in words ({0} version, {1} minimum responses); the web app translates this format.</summary>
    public const string DescriptionFormat =
        "{0}: tỉ lệ hài lòng của câu hỏi = số trả lời mức 4–5 / số trả lời mức 1–5; yếu tố = trung bình các câu hỏi; " +
        "chỉ số = Σ(trọng số × yếu tố) / Σ trọng số của các yếu tố có trả lời; làm tròn 2 chữ số thập phân ở kết quả cuối; " +
        "đơn vị dưới {1} phiếu không xếp hạng.";

    /// <summary>The formula in words, stored beside every result.</summary>
    public string Describe() => string.Format(System.Globalization.CultureInfo.InvariantCulture, DescriptionFormat, Version, MinResponses);
}

/// <summary>One respondent's 5-level answers: question key → level 1..5 (a question left blank is absent).</summary>
public sealed record Response(string UnitId, IReadOnlyDictionary<string, int> Levels);

public sealed record QuestionShare(string QuestionKey, int Answered, int Satisfied, decimal Percent);

public sealed record FactorShare(string FactorKey, decimal Percent);

/// <summary>A unit's (or the province's) figures; Index null when nothing was answered. Rank null when not ranked.</summary>
public sealed record UnitIndex(string UnitId, int Responses, IReadOnlyList<QuestionShare> Questions,
    IReadOnlyList<FactorShare> Factors, decimal? Index, bool TooFewResponses, int? Rank = null);

public sealed record IndexSpread(decimal Min, decimal Max)
{
    public decimal Range => Max - Min;
}

public sealed record IndexResult(IReadOnlyList<UnitIndex> Units, UnitIndex Province, string FormulaVersion, string FormulaText,
    IndexSpread? Spread, IReadOnlyList<UnitIndex> TopFive, IReadOnlyList<UnitIndex> BottomFive);

public static class SatisfactionIndex
{
    public const string ProvinceId = "";

    /// <summary>
    /// Per unit and for the province (all responses pooled, flagged units included: their answers are real).
    /// Shares are kept exact until the end and rounded once (2 decimals, half away from zero), so the index
    /// does not drift from rounding its parts; ranks compare the rounded figures people see (equal shown, equal rank).
    /// </summary>
    public static IndexResult Compute(IReadOnlyList<SurveyFactor> factors, IndexFormula formula, IEnumerable<Response> responses,
        IEnumerable<string>? units = null)
    {
        var all = responses.ToList();
        var ids = (units ?? []).Concat(all.Select(r => r.UnitId)).Distinct(StringComparer.Ordinal).ToList();
        var computed = ids.Select(id => Unit(id, factors, formula, all.Where(r => r.UnitId == id).ToList())).ToList();
        var ranked = Rank(computed);
        var province = Unit(ProvinceId, factors, formula, all) with { TooFewResponses = false };
        var eligible = ranked.Where(u => u.Rank is not null).OrderBy(u => u.Rank).ThenBy(u => u.UnitId, StringComparer.Ordinal).ToList();
        var spread = eligible.Count == 0 ? null : new IndexSpread(eligible.Min(u => u.Index!.Value), eligible.Max(u => u.Index!.Value));
        var bottom = eligible.AsEnumerable().Reverse().Take(5).ToList();
        return new IndexResult(ranked, province, formula.Version, formula.Describe(), spread, eligible.Take(5).ToList(), bottom);
    }

    static UnitIndex Unit(string id, IReadOnlyList<SurveyFactor> factors, IndexFormula formula, IReadOnlyList<Response> responses)
    {
        var questions = new List<QuestionShare>();
        var exactByQuestion = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var key in factors.SelectMany(f => f.QuestionKeys).Distinct(StringComparer.Ordinal))
        {
            int answered = 0, satisfied = 0;
            foreach (var r in responses)
                if (r.Levels.TryGetValue(key, out var level) && level is >= 1 and <= 5)
                {
                    answered++;
                    if (level >= IndexFormula.SatisfiedFrom) satisfied++;
                }
            if (answered > 0) exactByQuestion[key] = 100m * satisfied / answered;
            questions.Add(new QuestionShare(key, answered, satisfied, answered == 0 ? 0 : Round(100m * satisfied / answered)));
        }
        var factorShares = new List<FactorShare>();
        decimal weighted = 0, weights = 0;
        foreach (var f in factors)
        {
            var shares = f.QuestionKeys.Where(exactByQuestion.ContainsKey).Select(k => exactByQuestion[k]).ToList();
            if (shares.Count == 0) continue;
            var exact = shares.Average();
            factorShares.Add(new FactorShare(f.Key, Round(exact)));
            var w = formula.WeightOf(f.Key);
            weighted += w * exact;
            weights += w;
        }
        decimal? index = weights > 0 ? Round(weighted / weights) : null;
        return new UnitIndex(id, responses.Count, questions, factorShares, index, responses.Count < formula.MinResponses || index is null);
    }

    /// <summary>Competition ranking (1, 2, 2, 4) of units that are not flagged, highest index first.</summary>
    static List<UnitIndex> Rank(List<UnitIndex> units)
    {
        var order = units.Where(u => !u.TooFewResponses).OrderByDescending(u => u.Index).ToList();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
            ranks[order[i].UnitId] = i > 0 && order[i].Index == order[i - 1].Index ? ranks[order[i - 1].UnitId] : i + 1;
        return units.Select(u => u with { Rank = ranks.TryGetValue(u.UnitId, out var r) ? r : null }).ToList();
    }

    public static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);
}
