using System.Globalization;
using ParTrack.Domain.Activities;

namespace ParTrack.Features.MyWork;

public enum Urgency { Overdue, Today, Soon, Later, NoDate }

/// <summary>A deadline said in plain words, and how urgent it is.</summary>
public sealed record DeadlineText(string Words, Urgency Urgency);

/// <summary>
/// How "Việc của tôi" sorts a deadline into overdue / today / due soon / later. The words ("còn 5 ngày",
/// "quá hạn 12 ngày", "thường xuyên", …) are the Domain's DueWording; only "done" and the 14-day
/// "due soon" window are this page's own. Pure: the caller passes today's date (from TimeProvider).
/// </summary>
public static class DeadlineWording
{
    public const int SoonDays = 14;

    public static DeadlineText Describe(string dueKind, DateOnly? dueEnd, DateOnly today, bool done = false, CultureInfo? culture = null)
    {
        if (done) return new(culture?.TwoLetterISOLanguageName == "en" ? "done" : "đã hoàn thành", Urgency.NoDate);
        var due = DueWording.Describe(new DueSpec(DueSpec.ParseKind(dueKind), null, dueEnd), today, culture);
        var urgency = due.State switch
        {
            DueState.Overdue => Urgency.Overdue,
            DueState.Today => Urgency.Today,
            DueState.Upcoming => due.Days <= SoonDays ? Urgency.Soon : Urgency.Later,
            _ => Urgency.NoDate,
        };
        return new(due.Text, urgency);
    }
}
