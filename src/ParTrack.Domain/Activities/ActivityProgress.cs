namespace ParTrack.Domain.Activities;

/// <summary>
/// The state of an activity in one reporting period, from the agencies that owe it (the lead bodies:
/// an agency named directly, the members of a named group, the successor of a merged body).
/// Each owing agency's own state is what its report for that period says (<see cref="ActivityState.Derive"/>
/// on its entry, or no entry when it has not reported); the activity's state aggregates them:
/// <list type="number">
/// <item>done (hoàn thành) when every owing agency is done — "hoàn thành quá hạn" if any of them finished
///   late; an agency that decided not to do it (không thực hiện, with a reason) is set aside, unless all did,
///   then the activity is "không thực hiện";</item>
/// <item>overdue (quá hạn) when its due end has passed on the as-of day and it is not done;</item>
/// <item>in progress (đang thực hiện) when any owing agency has started (in progress or done);</item>
/// <item>not started (chưa triển khai) otherwise, also when nobody owes it yet.</item>
/// </list>
/// </summary>
public static class ActivityProgress
{
    /// <summary>One agency's state for the activity from its report's entry (null: not reported in this period).</summary>
    public static ActivityStatus OfAgency(AcceptedProgress? reported, DueSpec due, DateOnly asOf) =>
        ActivityState.Derive(reported, due, asOf);

    /// <summary>The activity's state from its owing agencies' states (each from <see cref="OfAgency"/>).</summary>
    public static ActivityStatus Aggregate(IReadOnlyCollection<ActivityStatus> owing, DueSpec due, DateOnly asOf) =>
        Aggregate(StateCounts.Of(owing), due, asOf);

    /// <summary>
    /// The same rule on counts of the owing agencies' states, so stored counts give the state without the list. Counts
    /// taken without the calendar (no agency Overdue, <see cref="OfAgency"/> on <see cref="DateOnly.MinValue"/>) give the
    /// state on any day: an agency's Overdue only matters past the due end, where the activity is Overdue anyway.
    /// </summary>
    public static ActivityStatus Aggregate(StateCounts owing, DueSpec due, DateOnly asOf)
    {
        var counted = owing.Total - owing.NotDone;
        if (owing.Total > 0 && counted == 0) return ActivityStatus.NotDone;
        if (counted > 0 && owing.Done + owing.DoneLate == counted)
            return owing.DoneLate > 0 ? ActivityStatus.DoneLate : ActivityStatus.Done;
        if (due.OverdueAfter is { } end && asOf > end) return ActivityStatus.Overdue;
        return owing.InProgress + owing.Done + owing.DoneLate > 0 ? ActivityStatus.InProgress : ActivityStatus.NotStarted;
    }

    public static bool IsDone(ActivityStatus s) => s is ActivityStatus.Done or ActivityStatus.DoneLate;

    /// <summary>
    /// The day a period's figures are judged on: its data cut-off, or today while the period is still
    /// running. So a past period's figures never change with the calendar, only with its reports.
    /// </summary>
    public static DateOnly AsOf(DateOnly dataTo, DateOnly today) => today < dataTo ? today : dataTo;
}

/// <summary>How many owing agencies are in each state.</summary>
public readonly record struct StateCounts(int Done, int DoneLate, int InProgress, int NotStarted, int NotDone, int Overdue)
{
    public int Total => Done + DoneLate + InProgress + NotStarted + NotDone + Overdue;

    public static StateCounts Of(IEnumerable<ActivityStatus> states)
    {
        int done = 0, late = 0, progress = 0, notStarted = 0, notDone = 0, overdue = 0;
        foreach (var s in states)
            switch (s)
            {
                case ActivityStatus.Done: done++; break;
                case ActivityStatus.DoneLate: late++; break;
                case ActivityStatus.InProgress: progress++; break;
                case ActivityStatus.NotStarted: notStarted++; break;
                case ActivityStatus.NotDone: notDone++; break;
                default: overdue++; break;
            }
        return new(done, late, progress, notStarted, notDone, overdue);
    }
}
