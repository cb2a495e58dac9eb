namespace ParTrack.Domain;

/// <summary>
/// Deadlines are calendar days in Vietnam (UTC+7, no daylight saving), while instants are stored in UTC.
/// A report sent at 23:30 on the deadline day in Hà Nội is 16:30 UTC the same day, and one sent at 00:30
/// the next day is still "yesterday" in UTC, so every comparison with a deadline goes through here.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The Vietnamese calendar day of a UTC instant.</summary>
    public static DateOnly ToLocalDate(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
            throw new ArgumentException("Expected a UTC instant, got a local time.", nameof(utc));
        return DateOnly.FromDateTime(utc + Offset);
    }

    /// <summary>Today in Vietnam according to the given clock.</summary>
    public static DateOnly Today(TimeProvider clock) => ToLocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The wall-clock time in Vietnam now, for showing ("đã lưu lúc 14:32").</summary>
    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime + Offset;
}
