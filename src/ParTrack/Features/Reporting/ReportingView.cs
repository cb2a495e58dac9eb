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

    /// <summary>A file size people read: "312 byte", "45 KB", "3,2 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{bytes / 1024} KB",
        _ => (bytes / 1024d / 1024).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " MB",
    };
}
