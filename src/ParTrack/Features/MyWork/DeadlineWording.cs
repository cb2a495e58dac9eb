namespace ParTrack.Features.MyWork;

public enum Urgency { Overdue, Today, Soon, Later, NoDate }

/// <summary>A deadline said in plain words, and how urgent it is.</summary>
public sealed record DeadlineText(string Words, Urgency Urgency);

/// <summary>
/// "còn 5 ngày", "hôm nay", "quá hạn 12 ngày", "thường xuyên", "theo sự kiện" — the wording officers read
/// on "Việc của tôi". Pure: the caller passes today's date (from TimeProvider).
/// </summary>
public static class DeadlineWording
{
    public const int SoonDays = 14;

    public static DeadlineText Describe(string dueKind, DateOnly? dueEnd, DateOnly today, bool done = false)
    {
        if (done) return new("đã hoàn thành", Urgency.NoDate);
        switch (dueKind)
        {
            case "continuous": return new("thường xuyên", Urgency.NoDate);
            case "event": return new("theo sự kiện", Urgency.NoDate);
            case "recurring": return new("định kỳ", Urgency.NoDate);
        }
        if (dueEnd is not DateOnly end) return new("chưa rõ thời hạn", Urgency.NoDate);

        var days = end.DayNumber - today.DayNumber;
        if (days < 0) return new($"quá hạn {-days} ngày", Urgency.Overdue);
        if (days == 0) return new("hôm nay", Urgency.Today);
        if (days == 1) return new("ngày mai", Urgency.Soon);
        return new($"còn {days} ngày", days <= SoonDays ? Urgency.Soon : Urgency.Later);
    }
}
