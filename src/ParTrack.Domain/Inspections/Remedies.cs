namespace ParTrack.Domain.Inspections;

/// <summary>Where a finding's remedy stands: open → reported by the unit → verified (closed) or returned to the unit.</summary>
public enum RemedyStatus { Open, Reported, Verified, Returned }

/// <summary>What the rules need of a finding: its deadline, status and when the unit reported the remedy.</summary>
public sealed record RemedyState(DateOnly Deadline, RemedyStatus Status, DateOnly? ReportedOn);

public static class Remedies
{
    /// <summary>Not confirmed nationally (DOMAIN §8: "about 15 days" is reported), hence a setting with this default.</summary>
    public const int DefaultDays = 15;

    public static DateOnly DeadlineFor(DateOnly concludedOn, int days) => concludedOn.AddDays(Math.Max(0, days));

    /// <summary>
    /// The unit still owes the remedy after its deadline: open or returned on a day after the deadline. A remedy
    /// reported and waiting for Sở Nội vụ is not overdue (the wait is not the unit's).
    /// </summary>
    public static bool IsOverdue(RemedyState r, DateOnly today) =>
        r.Status is RemedyStatus.Open or RemedyStatus.Returned && today > r.Deadline;

    public static int DaysOverdue(RemedyState r, DateOnly today) =>
        IsOverdue(r, today) ? today.DayNumber - r.Deadline.DayNumber : 0;

    /// <summary>Verified and reported by the deadline (a report after it counts as done, not on time).</summary>
    public static bool IsVerifiedOnTime(RemedyState r) =>
        r.Status == RemedyStatus.Verified && r.ReportedOn is DateOnly d && d <= r.Deadline;

    /// <summary>
    /// Tỷ lệ khắc phục: verified on time ÷ findings whose deadline has come by <paramref name="today"/>, as a percent
    /// with one decimal; null when nothing is due yet. A remedy verified on time before its deadline counts in both.
    /// </summary>
    public static RemedyRate Rate(IEnumerable<RemedyState> remedies, DateOnly today)
    {
        var list = remedies.ToList();
        var due = list.Where(r => r.Deadline <= today || IsVerifiedOnTime(r)).ToList();
        var onTime = due.Count(IsVerifiedOnTime);
        decimal? percent = due.Count == 0 ? null : Math.Round(onTime * 100m / due.Count, 1, MidpointRounding.AwayFromZero);
        return new(due.Count, onTime, percent);
    }
}

public sealed record RemedyRate(int Due, int VerifiedOnTime, decimal? Percent);
