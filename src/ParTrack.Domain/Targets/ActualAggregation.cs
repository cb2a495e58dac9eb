using System.Globalization;

namespace ParTrack.Domain.Targets;

/// <summary>How the province's figure for a target measure comes from the agencies' values in a period.</summary>
public enum Aggregation
{
    Sum,             // cộng: counts (procedures cut, units inspected)
    Mean,            // trung bình: rates every agency measures for itself
    Minimum,         // thấp nhất: "100% of agencies ..." holds only if the weakest agency reaches it
    ProvinceFigure,  // số liệu toàn tỉnh do Sở Nội vụ nhập (a survey, an index)
}

public static class ActualAggregation
{
    /// <summary>When no rule is set: percentages are averaged, anything else is counted.</summary>
    public static Aggregation Default(string? unit) => IsPercent(unit) ? Aggregation.Mean : Aggregation.Sum;

    public static bool IsPercent(string? unit) => unit?.Contains('%') == true;

    /// <summary>The province figure of a period; null when nothing is reported (or no province figure was entered).</summary>
    public static decimal? Aggregate(Aggregation rule, IReadOnlyCollection<decimal> agencyValues, decimal? provinceFigure) => rule switch
    {
        Aggregation.ProvinceFigure => provinceFigure,
        _ when agencyValues.Count == 0 => null,
        Aggregation.Sum => agencyValues.Sum(),
        Aggregation.Mean => Math.Round(agencyValues.Average(), 2),
        _ => agencyValues.Min(),
    };

    /// <summary>
    /// Reads a number as people type it: "95", "12,5", "12.5", "1 234". Empty is "no value" (true, null);
    /// anything else unreadable is false, so the caller refuses it instead of storing nothing.
    /// </summary>
    public static bool TryRead(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace(" ", "").Replace('\u00a0'.ToString(), "").Replace(',', '.');
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            return false;
        value = d;
        return true;
    }

    /// <summary>A Vietnamese message when the value cannot be right for its unit (null when it can).</summary>
    public static string? Validate(string? unit, decimal value, string label) =>
        IsPercent(unit) && value is < 0 or > 100 ? $"{label}: tỷ lệ phải từ 0 đến 100% (đã nhập {value:0.##})."
        : value < 0 ? $"{label}: số liệu không được âm (đã nhập {value:0.##})."
        : null;

    public static string Label(Aggregation rule) => rule switch
    {
        Aggregation.Sum => "Cộng số liệu các cơ quan",
        Aggregation.Mean => "Trung bình các cơ quan",
        Aggregation.Minimum => "Thấp nhất trong các cơ quan",
        _ => "Số liệu toàn tỉnh do Sở Nội vụ nhập",
    };
}
