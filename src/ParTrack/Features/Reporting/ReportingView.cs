using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

/// <summary>Badge colours shared by the reporting pages and the dashboard.</summary>
public static class ReportingView
{
    public static string StateBadge(ReportState s) => s switch
    {
        ReportState.Draft => "text-bg-secondary",
        ReportState.Submitted => "text-bg-primary",
        ReportState.Returned => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string TimelinessBadge(TimelinessKind k) => k switch
    {
        TimelinessKind.OnTime => "text-bg-success",
        TimelinessKind.Late => "text-bg-warning",
        TimelinessKind.Missing => "text-bg-danger",
        _ => "text-bg-light border",
    };
}
