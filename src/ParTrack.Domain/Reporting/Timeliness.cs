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

/// <summary>Submission progress of a period: "142/187 cơ quan đã gửi báo cáo, 9 trễ hạn, 12 quá hạn chưa gửi".</summary>
public sealed record TimelinessSummary(int Agencies, int OnTime, int Late, int Missing, int NotDueYet)
{
    public int Submitted => OnTime + Late;

    public static TimelinessSummary Of(IEnumerable<Timeliness> reports)
    {
        int onTime = 0, late = 0, missing = 0, notDue = 0;
        foreach (var t in reports)
            switch (t.Kind)
            {
                case TimelinessKind.OnTime: onTime++; break;
                case TimelinessKind.Late: late++; break;
                case TimelinessKind.Missing: missing++; break;
                default: notDue++; break;
            }
        return new(onTime + late + missing + notDue, onTime, late, missing, notDue);
    }

    public string Text
    {
        get
        {
            var text = $"{Submitted}/{Agencies} cơ quan đã gửi báo cáo";
            if (Late > 0) text += $", {Late} trễ hạn";
            if (Missing > 0) text += $", {Missing} quá hạn chưa gửi";
            return text;
        }
    }
}
