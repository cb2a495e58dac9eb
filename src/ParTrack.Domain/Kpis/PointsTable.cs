namespace ParTrack.Domain.Kpis;

/// <summary>How an indicator's rate becomes points.</summary>
public enum ScoringMethod
{
    /// <summary>rate ÷ 100 × the indicator's points (90% of 20 points = 18).</summary>
    Proportional,
    /// <summary>The points of the highest band the rate reaches (≥ 98% → 20, ≥ 95% → 16, …; under every band 0).</summary>
    Bands,
}

/// <summary>A band: from <see cref="MinRate"/> percent up, <see cref="Points"/> points.</summary>
public sealed record PointsBand(decimal MinRate, decimal Points);

/// <summary>One line of the points table: a contract KPI (a rate), its 766 indicator group, its points and how they are earned.</summary>
public sealed record PointsItem(string Indicator, string Group, decimal MaxPoints, ScoringMethod Method, IReadOnlyList<PointsBand> Bands)
{
    /// <summary>The points a rate earns, two decimals; null when the rate is null (no dossier to judge it on).</summary>
    public decimal? Score(decimal? rate)
    {
        if (rate is not { } r) return null;
        var points = Method == ScoringMethod.Proportional
            ? Math.Clamp(r, 0, 100) / 100 * MaxPoints
            : Bands.Where(b => r >= b.MinRate).Select(b => b.Points).DefaultIfEmpty(0).Max();
        return Math.Round(Math.Min(points, MaxPoints), 2, MidpointRounding.AwayFromZero);
    }
}

/// <summary>
/// The province's points table for the monthly ranking (Decision 766/QĐ-TTg groups). The points are the province's to
/// set (DOMAIN §10: the official points were not confirmed); <see cref="Default"/> is only a starting point.
/// </summary>
public sealed record PointsTable(int Number, IReadOnlyList<PointsItem> Items)
{
    /// <summary>The KPIs a table can score: the contract's rates (counts are no measure of quality).</summary>
    public static readonly IReadOnlyList<string> Indicators =
        ["on_time_rate", "online_rate", "fully_online_rate", "online_payment_rate", "digitised_inputs_rate", "digitised_results_rate"];

    public decimal MaxTotal => Items.Sum(i => i.MaxPoints);

    /// <summary>
    /// Version 0, used until the province saves its own: 64 points over the four 766 groups the dossiers measure
    /// (progress 20, online service 12, online payment 10, digitisation 22). Not the official points.
    /// </summary>
    public static readonly PointsTable Default = new(0,
    [
        new("on_time_rate", "Tiến độ giải quyết", 20, ScoringMethod.Bands, [new(98, 20), new(95, 16), new(90, 12), new(80, 8), new(70, 4)]),
        new("online_rate", "Dịch vụ công trực tuyến", 6, ScoringMethod.Proportional, []),
        new("fully_online_rate", "Dịch vụ công trực tuyến", 6, ScoringMethod.Proportional, []),
        new("online_payment_rate", "Thanh toán trực tuyến", 10, ScoringMethod.Proportional, []),
        new("digitised_inputs_rate", "Số hóa hồ sơ", 11, ScoringMethod.Proportional, []),
        new("digitised_results_rate", "Số hóa hồ sơ", 11, ScoringMethod.Proportional, []),
    ]);

    /// <summary>What is wrong with a table a coordinator wrote, in Vietnamese; empty when it can be saved.</summary>
    public static List<string> Problems(IReadOnlyList<PointsItem> items)
    {
        var problems = new List<string>();
        if (items.Count == 0) problems.Add("Bảng điểm cần ít nhất một chỉ số có điểm lớn hơn 0.");
        foreach (var dup in items.GroupBy(i => i.Indicator).Where(g => g.Count() > 1))
            problems.Add($"Chỉ số {dup.Key} có hai dòng; mỗi chỉ số chỉ chấm một lần.");
        foreach (var item in items)
        {
            if (!Indicators.Contains(item.Indicator)) problems.Add($"Chỉ số {item.Indicator} không có trong danh mục.");
            if (item.MaxPoints is <= 0 or > 1000) problems.Add($"Điểm của {item.Indicator} phải lớn hơn 0 và không quá 1.000.");
            if (item.Method != ScoringMethod.Bands) continue;
            if (item.Bands.Count == 0) problems.Add($"{item.Indicator}: chấm theo mức cần ít nhất một mức (tỷ lệ từ … thì được … điểm).");
            foreach (var band in item.Bands)
                if (band.MinRate is < 0 or > 100 || band.Points < 0 || band.Points > item.MaxPoints)
                    problems.Add($"{item.Indicator}: mức “từ {band.MinRate}%: {band.Points} điểm” không hợp lệ (tỷ lệ 0–100, điểm 0–{item.MaxPoints}).");
        }
        return problems;
    }
}

/// <summary>One unit's line in a ranking: its points per item (null = not scored), total and rank.</summary>
public sealed record RankedUnit<T>(T Unit, IReadOnlyList<decimal?> Points, decimal? Total, int? Rank);

/// <summary>
/// The monthly ranking (xếp hạng tháng). An indicator without dossiers to judge (a null rate) is left out, and the
/// points earned are scaled to the table's total (earned ÷ points that could be earned × total), so a commune with no
/// fee-charging dossier is neither rewarded nor punished for it. Units with nothing scored come last, unranked. Equal
/// totals share a rank (1, 2, 2, 4).
/// </summary>
public static class MonthlyRanking
{
    public static List<RankedUnit<T>> Rank<T>(PointsTable table, IEnumerable<(T Unit, KpiValues Values)> units, Func<T, string> name)
    {
        var scored = units.Select(u =>
        {
            var points = table.Items.Select(i => i.Score(u.Values.Value(i.Indicator))).ToList();
            var possible = table.Items.Where((_, k) => points[k] is not null).Sum(i => i.MaxPoints);
            decimal? total = possible == 0 ? null
                : Math.Round(points.Sum(p => p ?? 0) * table.MaxTotal / possible, 2, MidpointRounding.AwayFromZero);
            return (u.Unit, Points: (IReadOnlyList<decimal?>)points, Total: total);
        }).OrderByDescending(u => u.Total ?? -1).ThenBy(u => name(u.Unit), StringComparer.Ordinal).ToList();

        var ranked = new List<RankedUnit<T>>(scored.Count);
        for (var k = 0; k < scored.Count; k++)
        {
            var u = scored[k];
            int? rank = u.Total is null ? null
                : k > 0 && scored[k - 1].Total == u.Total ? ranked[k - 1].Rank : k + 1;
            ranked.Add(new RankedUnit<T>(u.Unit, u.Points, u.Total, rank));
        }
        return ranked;
    }
}
