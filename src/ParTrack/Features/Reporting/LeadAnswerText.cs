using System.Globalization;
using ParTrack.Domain.Activities;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A submitted report's lead answers as one short text (AgencyReport.LeadAnswers): "activity,status,percent,completed;…",
/// written by the submission in the same save that locks the entries, so Progress reads one row per report
/// (about 300 a period) instead of every lead entry (about 30,000 in a large province).
/// </summary>
public static class LeadAnswerText
{
    public readonly record struct Answer(int ActivityId, ReportedStatus Status, int? Percent, DateOnly? CompletedOn);

    static readonly Dictionary<string, ReportedStatus> ByName = Enum.GetValues<ReportedStatus>().ToDictionary(s => s.ToString());
    static readonly Dictionary<string, ReportedStatus>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Write(IEnumerable<ReportEntry> entries) =>
        string.Join(';', entries.Where(e => e.Leads && e.Status is not null).OrderBy(e => e.ActivityId)
            .Select(e => Item(e.ActivityId, e.Status!.Value, e.Percent, e.CompletedOn)));

    /// <summary>
    /// One item. A report's text names the activity first; a period tally's answers on one activity
    /// (<see cref="ActivityPeriodTally.Answers"/>) name the agency there, and are read by the same <see cref="Read"/>.
    /// </summary>
    public static string Item(int id, ReportedStatus status, int? percent, DateOnly? completedOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{id},{status},{percent},{completedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    /// <summary>The answers, or only those on the activities in <paramref name="only"/> (the others are not split nor copied).</summary>
    public static IEnumerable<Answer> Read(string text, IReadOnlySet<int>? only = null)
    {
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf(';', start);
            if (end < 0) end = text.Length;
            var (from, length) = (start, end - start);
            start = end + 1;
            if (length == 0) continue;
            if (TryRead(text.AsSpan(from, length), only, out var answer)) yield return answer;
        }
    }

    /// <summary>
    /// One "id,status,percent,completed" item read in place (the progress API reads ~90,000 answers a period); false when
    /// its activity is not in <paramref name="only"/>.
    /// </summary>
    static bool TryRead(ReadOnlySpan<char> rest, IReadOnlySet<int>? only, out Answer answer)
    {
        answer = default;
        var id = int.Parse(Next(ref rest), CultureInfo.InvariantCulture);
        if (only is not null && !only.Contains(id)) return false;
        var status = ByNameSpan[Next(ref rest)];
        var percent = Next(ref rest);
        answer = new Answer(id, status, percent.IsEmpty ? null : int.Parse(percent, CultureInfo.InvariantCulture),
            rest.IsEmpty ? null : DateOnly.ParseExact(rest, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The field before the next comma; <paramref name="rest"/> moves past it.</summary>
    static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        var comma = rest.IndexOf(',');
        var field = rest[..comma];
        rest = rest[(comma + 1)..];
        return field;
    }
}
