using ParTrack.Domain.Reporting;

namespace ParTrack.Domain.Targets;

/// <summary>Plan JSON v1 comparators.</summary>
public enum Comparator { AtLeast, AtMost, Exactly, ReduceBy, IncreaseBy }

/// <summary>One number a target commits to. Level is plan JSON's "province" | "district" | "commune" | null.</summary>
public sealed record TargetMeasure(string? Level, Comparator Comparator, decimal Value, string? Unit);

/// <summary>
/// A reported actual value. For ReduceBy/IncreaseBy it is the reduction/increase achieved so far,
/// not the raw level. Ad-hoc values have no place in the year and are ignored for achievement.
/// </summary>
public sealed record ActualValue(ReportingPeriodKind Period, decimal Value);

public enum AchievementStatus
{
    NoData,      // chưa có số liệu
    Achieved,    // đạt
    NotAchieved, // chưa đạt
    AtRisk,      // có nguy cơ không đạt
}

/// <param name="Latest">The value of the latest period reported.</param>
/// <param name="Projected">The year-end value the trend points to; null once the year report is in.</param>
public sealed record Achievement(AchievementStatus Status, decimal? Latest, decimal? Projected)
{
    public string Label => TargetAchievement.Label(Status);
}

public static class TargetAchievement
{
    private const int YearIndex = 4;

    /// <summary>
    /// Compares a measure with the values reported so far.
    /// With the year report: Achieved or NotAchieved by the year value.
    /// During the year: project the year-end value by a least-squares line through (period index, value)
    /// with Q1 = 1, 6 months = 2, 9 months = 3, year = 4, evaluated at 4 (a single value projects flat).
    /// Then: the projection misses the goal → AtRisk; the latest value meets it → Achieved; otherwise
    /// NotAchieved ("chưa đạt": not yet, but on course). Exactly cannot be projected sensibly (a line
    /// almost never lands on the value), so in-year it is only Achieved or NotAchieved.
    /// When a period is reported twice, the later entry in the list wins.
    /// </summary>
    public static Achievement Evaluate(TargetMeasure measure, IReadOnlyList<ActualValue> actuals)
    {
        // Index 1..4 → value; later entries overwrite earlier ones.
        var byIndex = new decimal?[YearIndex + 1];
        foreach (var a in actuals)
            if (ReportingPeriods.Index(a.Period) is { } i) byIndex[i] = a.Value;

        decimal? latest = null;
        for (int i = YearIndex; i >= 1 && latest is null; i--) latest = byIndex[i];
        if (latest is null) return new(AchievementStatus.NoData, null, null);

        if (byIndex[YearIndex] is { } final)
            return new(Meets(measure, final) ? AchievementStatus.Achieved : AchievementStatus.NotAchieved, final, null);

        // Rounded to 4 places so thirds from the averaging do not turn 95 into 94.9999….
        decimal projected = Math.Round(ProjectToYearEnd(byIndex), 4, MidpointRounding.AwayFromZero);
        bool latestMeets = Meets(measure, latest.Value);
        if (measure.Comparator == Comparator.Exactly)
            return new(latestMeets ? AchievementStatus.Achieved : AchievementStatus.NotAchieved, latest, projected);

        var status = !Meets(measure, projected) ? AchievementStatus.AtRisk
            : latestMeets ? AchievementStatus.Achieved
            : AchievementStatus.NotAchieved;
        return new(status, latest, projected);
    }

    public static bool Meets(TargetMeasure measure, decimal value) => measure.Comparator switch
    {
        Comparator.AtMost => value <= measure.Value,
        Comparator.Exactly => value == measure.Value,
        // AtLeast, and ReduceBy/IncreaseBy whose actual is the change achieved.
        _ => value >= measure.Value,
    };

    public static string Label(AchievementStatus status) => status switch
    {
        AchievementStatus.Achieved => "đạt",
        AchievementStatus.NotAchieved => "chưa đạt",
        AchievementStatus.AtRisk => "có nguy cơ không đạt",
        _ => "chưa có số liệu",
    };

    private static decimal ProjectToYearEnd(decimal?[] byIndex)
    {
        int n = 0;
        decimal sumX = 0, sumY = 0;
        for (int i = 1; i < YearIndex; i++)
            if (byIndex[i] is { } y) { n++; sumX += i; sumY += y; }
        decimal meanX = sumX / n, meanY = sumY / n;
        if (n == 1) return meanY;

        decimal sxy = 0, sxx = 0;
        for (int i = 1; i < YearIndex; i++)
            if (byIndex[i] is { } y) { sxy += (i - meanX) * (y - meanY); sxx += (i - meanX) * (i - meanX); }
        return meanY + sxy / sxx * (YearIndex - meanX);
    }
}
