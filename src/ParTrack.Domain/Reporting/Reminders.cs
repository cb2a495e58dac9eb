namespace ParTrack.Domain.Reporting;

public enum ReminderKind { Before, OnDay, Overdue }

/// <param name="DaysBefore">Remind this many days before the deadline; 0 for no early reminder.</param>
/// <param name="OverdueEveryDays">After the deadline, remind again every this many days; 0 to remind once.</param>
public sealed record ReminderSettings(int DaysBefore = 3, int OverdueEveryDays = 7);

/// <summary>
/// A reminder that should have been sent by today. Key is stable for the same subject, deadline and
/// step, so a job that runs many times (or on several instances) records it as "sent" once and skips
/// it afterwards; the app holds the lock or unique index on the key.
/// </summary>
public sealed record Reminder(ReminderKind Kind, int DaysOverdue, string Key);

public static class ReminderSchedule
{
    /// <summary>
    /// The reminder due today for one unsubmitted report, or null. Only the current step is returned:
    /// a job that was down on the early-reminder day sends it late while before the deadline, but never
    /// sends a stale "3 days left" once the deadline has come.
    /// </summary>
    /// <param name="subject">Identifies what is reminded, e.g. "report:period-12:agency-34".</param>
    public static Reminder? Due(string subject, DateOnly deadline, ReminderSettings settings, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.DaysBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.OverdueEveryDays);

        int daysToDeadline = deadline.DayNumber - today.DayNumber;
        // The deadline is part of the key so a moved deadline starts a fresh series.
        string prefix = $"{subject}|{deadline:yyyy-MM-dd}|";

        if (daysToDeadline > 0)
            return daysToDeadline <= settings.DaysBefore
                ? new Reminder(ReminderKind.Before, 0, prefix + "before")
                : null;
        if (daysToDeadline == 0)
            return new Reminder(ReminderKind.OnDay, 0, prefix + "on-day");

        int overdue = -daysToDeadline;
        // Round 1 covers the first OverdueEveryDays days after the deadline, round 2 the next, ...
        int round = settings.OverdueEveryDays == 0 ? 1 : (overdue - 1) / settings.OverdueEveryDays + 1;
        return new Reminder(ReminderKind.Overdue, overdue, prefix + $"overdue-{round}");
    }
}
