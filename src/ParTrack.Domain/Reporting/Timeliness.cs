namespace ParTrack.Domain.Reporting;

public enum TimelinessKind { NotDueYet, OnTime, Late, Missing }

/// <summary>
/// An agency's report against its deadline. DaysLate is how many days after the deadline it was sent
/// (Late) or how many days the deadline has passed without it (Missing); 0 otherwise.
/// </summary>
public sealed record Timeliness(TimelinessKind Kind, int DaysLate)
{
    public static Timeliness Evaluate(DateOnly deadline, DateTime? submittedAtUtc, DateOnly today)
    {
        if (submittedAtUtc is { } at)
        {
            // The deadline day counts in full, in Vietnamese time.
            int days = VietnamTime.ToLocalDate(at).DayNumber - deadline.DayNumber;
            return days <= 0 ? new(TimelinessKind.OnTime, 0) : new(TimelinessKind.Late, days);
        }
        int overdue = today.DayNumber - deadline.DayNumber;
        return overdue <= 0 ? new(TimelinessKind.NotDueYet, 0) : new(TimelinessKind.Missing, overdue);
    }

    public string Label => Kind switch
    {
        TimelinessKind.OnTime => "Đúng hạn",
        TimelinessKind.Late => $"Trễ {DaysLate} ngày",
        TimelinessKind.Missing => $"Chưa gửi, quá hạn {DaysLate} ngày",
        _ => "Chưa đến hạn",
    };
}
