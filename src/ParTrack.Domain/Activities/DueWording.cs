using System.Globalization;

namespace ParTrack.Domain.Activities;

public enum DueState { Upcoming, Today, Overdue, NoDate }

/// <summary>A due relative to today: state, day count (for sorting) and words for people.</summary>
public sealed record DueCountdown(DueState State, int Days, string Text);

public static class DueWording
{
    /// <summary>
    /// "còn 5 ngày", "hôm nay", "quá hạn 12 ngày" for deadlines and windows (counted to the end day);
    /// "thường xuyên", "định kỳ", "theo sự kiện", "chưa rõ thời hạn" otherwise. English when the culture's
    /// language is English; Vietnamese for anything else.
    /// </summary>
    public static DueCountdown Describe(DueSpec due, DateOnly today, CultureInfo? culture = null)
    {
        bool en = NumberText.IsEnglish(culture);
        switch (due.Kind)
        {
            case DueKind.Continuous: return NoDate(en ? "ongoing" : "thường xuyên");
            case DueKind.Recurring: return NoDate(en ? "recurring" : "định kỳ");
            case DueKind.Event: return NoDate(en ? "when the event occurs" : "theo sự kiện");
        }
        if (due.Kind == DueKind.Unknown || due.End is null)
            return NoDate(en ? "no deadline set" : "chưa rõ thời hạn");

        int days = due.End.Value.DayNumber - today.DayNumber;
        if (days == 0) return new(DueState.Today, 0, en ? "due today" : "hôm nay");
        if (days > 0)
            return new(DueState.Upcoming, days, en ? $"{days} {Days(days)} left" : $"còn {days} ngày");
        int late = -days;
        return new(DueState.Overdue, late, en ? $"{late} {Days(late)} overdue" : $"quá hạn {late} ngày");
    }

    private static string Days(int n) => n == 1 ? "day" : "days";

    private static DueCountdown NoDate(string text) => new(DueState.NoDate, 0, text);
}
