namespace ParTrack.Domain.Activities;

/// <summary>An owing agency behind schedule on an activity: the percent the schedule expects today, the last one reported, days left.</summary>
public sealed record ScheduleRisk(int Expected, int Reported, int DaysLeft);

/// <summary>
/// Early warning on activities (nguy cơ chậm tiến độ). An agency's work on an activity is at risk when
/// <list type="number">
/// <item>the activity has a deadline (kind "by" or "during"; continuous, recurring and event work never runs late);</item>
/// <item>its due end is near: today is on or before it, at most <c>windowDays</c> days before (default 30). After the due end
///   the work is overdue (quá hạn, <see cref="ActivityState"/>), not at risk;</item>
/// <item>the agency's last report does not say it is finished (hoàn thành) or dropped (không thực hiện);</item>
/// <item>the last reported percent is under a linear schedule from the start (the due's start, else 1 January of the due
///   end's year) to the due end: expected = 100 × days elapsed / days in the window, rounded. No report, or a report
///   without a percent, counts as 0 %: nothing said is nothing shown done, a month before the deadline.</item>
/// </list>
/// </summary>
public static class ActivitySchedule
{
    public const int DefaultWindowDays = 30;

    /// <summary>The percent a linear schedule from <paramref name="start"/> to <paramref name="end"/> expects on <paramref name="asOf"/> (0–100).</summary>
    public static int Expected(DateOnly start, DateOnly end, DateOnly asOf)
    {
        if (asOf >= end) return 100;
        if (asOf <= start) return 0;
        return (int)Math.Round(100.0 * (asOf.DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber), MidpointRounding.AwayFromZero);
    }

    /// <summary>The risk on <paramref name="asOf"/> from the agency's last report (null: none yet), or null when not at risk.</summary>
    public static ScheduleRisk? AtRisk(DueSpec due, ReportedStatus? lastStatus, int? lastPercent, DateOnly asOf, int windowDays = DefaultWindowDays)
    {
        if (due.OverdueAfter is not { } end) return null;
        if (lastStatus is ReportedStatus.Done or ReportedStatus.DoneLate or ReportedStatus.NotDone) return null;
        var daysLeft = end.DayNumber - asOf.DayNumber;
        if (daysLeft < 0 || daysLeft > windowDays) return null;
        var start = due.Start is { } s && s < end ? s : new DateOnly(end.Year, 1, 1);
        var expected = Expected(start, end, asOf);
        var reported = Math.Clamp(lastPercent ?? 0, 0, 100);
        return reported < expected ? new ScheduleRisk(expected, reported, daysLeft) : null;
    }
}
