namespace ParTrack.Domain.Activities;

/// <summary>What an agency reports for an activity (the statuses of the report form).</summary>
public enum ReportedStatus
{
    NotStarted, // chưa triển khai
    InProgress, // đang thực hiện
    Done,       // hoàn thành
    DoneLate,   // hoàn thành quá hạn
    NotDone,    // không thực hiện (with a reason)
}

/// <summary>The status shown for an activity: the reported one, or Overdue when its due date passed undone.</summary>
public enum ActivityStatus { NotStarted, InProgress, Done, DoneLate, NotDone, Overdue }

/// <summary>The kinds of due expression of plan JSON v1.</summary>
public enum DueKind { By, During, Continuous, Recurring, Event, Unknown }

/// <summary>An activity's due (plan JSON's "due" without its text).</summary>
public sealed record DueSpec(DueKind Kind, DateOnly? Start, DateOnly? End)
{
    /// <summary>Reads plan JSON's kind names ("by", "during", ...); anything else is Unknown.</summary>
    public static DueKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "by" => DueKind.By,
        "during" => DueKind.During,
        "continuous" => DueKind.Continuous,
        "recurring" => DueKind.Recurring,
        "event" => DueKind.Event,
        _ => DueKind.Unknown,
    };

    /// <summary>
    /// Only deadlines and windows can run late. Continuous and recurring work carries the plan year as
    /// its window in plan JSON, but it is never "finished", so it is never overdue.
    /// </summary>
    public DateOnly? OverdueAfter => Kind is DueKind.By or DueKind.During ? End : null;
}

/// <summary>The latest accepted report on an activity.</summary>
/// <param name="CompletedOn">When the work was finished (for Done); the app may pass the report's date if none was given.</param>
public sealed record AcceptedProgress(ReportedStatus Status, DateOnly? CompletedOn = null);

public static class ActivityState
{
    /// <summary>
    /// The status of an activity from its latest accepted report (null if none) and its due, as of today.
    /// Done after the due end becomes DoneLate; anything not finished past the due end is Overdue;
    /// "không thực hiện" is a decision and stays as reported.
    /// </summary>
    public static ActivityStatus Derive(AcceptedProgress? latest, DueSpec due, DateOnly today)
    {
        var end = due.OverdueAfter;
        switch (latest?.Status)
        {
            case ReportedStatus.NotDone:
                return ActivityStatus.NotDone;
            case ReportedStatus.DoneLate:
                return ActivityStatus.DoneLate;
            case ReportedStatus.Done:
                return end is { } e && latest.CompletedOn is { } c && c > e
                    ? ActivityStatus.DoneLate
                    : ActivityStatus.Done;
        }
        if (end is { } dueEnd && today > dueEnd) return ActivityStatus.Overdue;
        return latest?.Status == ReportedStatus.InProgress ? ActivityStatus.InProgress : ActivityStatus.NotStarted;
    }

    public static string Label(ActivityStatus status) => status switch
    {
        ActivityStatus.NotStarted => "Chưa triển khai",
        ActivityStatus.InProgress => "Đang thực hiện",
        ActivityStatus.Done => "Hoàn thành",
        ActivityStatus.DoneLate => "Hoàn thành quá hạn",
        ActivityStatus.NotDone => "Không thực hiện",
        _ => "Quá hạn",
    };
}
