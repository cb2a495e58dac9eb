namespace ParTrack.Domain.Kpis;

/// <summary>How the year-end value was projected (said beside the figure, so a reader can judge it).</summary>
public enum ProjectionMethod { Trend, YearToDate }

/// <summary>A projected year-end value and, against a target that must be reached or exceeded, the gap.</summary>
public sealed record Projection(decimal Value, ProjectionMethod Method, int MonthsUsed, decimal? Target)
{
    /// <summary>Nguy cơ không đạt: the projection falls short of the target.</summary>
    public bool AtRisk => Target is { } t && Value < t;

    /// <summary>How far short (target − projection), 0 when on track.</summary>
    public decimal Gap => Target is { } t && Value < t ? t - Value : 0m;
}

/// <summary>
/// Early warning on a KPI rate from its monthly series (month 1–12 of the year, missing months absent):
/// a least-squares line through the last six months with data, read at December; when that line is flat
/// (|slope| under <see cref="FlatSlope"/> points a month) the year-to-date mean of the monthly values instead,
/// since a flat line adds nothing but noise. No projection on fewer than three months: two points make any
/// line. Rates are kept within 0–100. (docs/kpis.md, "Early warning".)
/// </summary>
public static class YearEndProjection
{
    public const int MinMonths = 3, TrendMonths = 6;
    public const decimal FlatSlope = 0.25m;

    public static Projection? Project(IReadOnlyDictionary<int, decimal> monthly, decimal? target, int toMonth = 12)
    {
        var points = monthly.Where(m => m.Key is >= 1 and <= 12).OrderBy(m => m.Key).ToList();
        if (points.Count < MinMonths) return null;
        var recent = points.TakeLast(TrendMonths).ToList();
        var slope = Slope(recent, out var intercept);
        if (Math.Abs(slope) < FlatSlope)
            return new Projection(Round(points.Average(p => p.Value)), ProjectionMethod.YearToDate, points.Count, target);
        var value = Math.Clamp(intercept + slope * toMonth, 0m, 100m);
        return new Projection(Round(value), ProjectionMethod.Trend, recent.Count, target);
    }

    static decimal Slope(List<KeyValuePair<int, decimal>> points, out decimal intercept)
    {
        decimal n = points.Count, meanX = (decimal)points.Average(p => p.Key), meanY = points.Average(p => p.Value);
        decimal sxy = 0, sxx = 0;
        foreach (var (x, y) in points)
        {
            sxy += (x - meanX) * (y - meanY);
            sxx += (x - meanX) * (x - meanX);
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        intercept = meanY - slope * meanX;
        return n == 0 ? 0 : slope;
    }

    static decimal Round(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
