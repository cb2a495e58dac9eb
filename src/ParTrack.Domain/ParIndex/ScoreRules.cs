namespace ParTrack.Domain.ParIndex;

/// <summary>
/// Rounding as in the official tables: points and the index to two decimals, halves away from zero
/// (12.345 → 12.35), which is how people round by hand and how spreadsheets' ROUND behaves; .NET's
/// default banker's rounding (12.345 → 12.34) would disagree with the published figures.
/// </summary>
public static class ParRounding
{
    public static decimal Points(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Index % = earned / applicable maximum × 100; 0 when nothing applies.</summary>
    public static decimal Index(decimal earned, decimal applicableMax) =>
        applicableMax <= 0 ? 0 : Math.Round(earned / applicableMax * 100, 2, MidpointRounding.AwayFromZero);
}

public static class ScoreRules
{
    /// <summary>Points for a ratio under a ratio rule (ratio 0..1), rounded to two decimals.</summary>
    public static decimal PointsForRatio(RatioScoring rule, decimal maxPoints, decimal ratio)
    {
        decimal bestMin = -1, share = 0;
        // Highest threshold reached wins, whatever order the list was written in.
        foreach (var t in rule.Thresholds)
            if (ratio >= t.MinRatio && t.MinRatio > bestMin) { bestMin = t.MinRatio; share = t.ShareOfMax; }
        return ParRounding.Points(share * maxPoints);
    }

    /// <summary>
    /// Why a chosen score is not acceptable for a sub-criterion, in Vietnamese; null when it is.
    /// For ratio rules the score must be one the rule can give (0 or a threshold's points).
    /// </summary>
    public static string? Validate(ParSubCriterion sub, decimal points)
    {
        string code = sub.Code, max = NumberText.Vietnamese(sub.MaxPoints), given = NumberText.Vietnamese(points);
        switch (sub.Scoring)
        {
            case LevelsScoring levels:
                foreach (var level in levels.Levels)
                    if (level == points) return null;
                return $"Điểm tiêu chí {code} phải là một trong các mức: {Join(levels.Levels)} (đã nhập {given}). " +
                       "Hãy chọn một mức trong danh sách.";
            case RatioScoring ratio:
                var allowed = new List<decimal> { 0 };
                foreach (var t in ratio.Thresholds)
                {
                    var p = ParRounding.Points(t.ShareOfMax * sub.MaxPoints);
                    if (!allowed.Contains(p)) allowed.Add(p);
                }
                allowed.Sort();
                return allowed.Contains(points) ? null
                    : $"Điểm tiêu chí {code} được tính theo tỷ lệ và chỉ có thể là: {Join(allowed)} (đã nhập {given}). " +
                      "Hãy tính lại theo tỷ lệ đạt được.";
            default:
                if (points < 0 || points > sub.MaxPoints)
                    return $"Điểm tiêu chí {code} phải từ 0 đến {max} (đã nhập {given}). Hãy nhập lại trong khoảng này.";
                if (points != Math.Round(points, 2))
                    return $"Điểm tiêu chí {code} chỉ được có tối đa hai chữ số thập phân (đã nhập {points.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')}).";
                return null;
        }
    }

    private static string Join(IEnumerable<decimal> values) => string.Join("; ", values.Select(NumberText.Vietnamese));
}
