using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Publishing;

/// <summary>
/// Period keys every province's open data shares, so 34 provinces' feeds line up: a reporting period is named by
/// its year and the months it covers from January ("2025-3M" the Q1 report, "2025-6M", "2025-9M", "2025-12M" the
/// year report); a PAR Index round by its year ("2024").
/// </summary>
public static class PeriodKeys
{
    public static string? Of(int year, ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.Q1 => $"{year}-3M",
        ReportingPeriodKind.SixMonths => $"{year}-6M",
        ReportingPeriodKind.Q3 => $"{year}-9M",
        ReportingPeriodKind.Year => $"{year}-12M",
        _ => null,
    };
}
