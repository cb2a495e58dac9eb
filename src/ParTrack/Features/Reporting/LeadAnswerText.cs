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

    public static string Write(IEnumerable<ReportEntry> entries) =>
        string.Join(';', entries.Where(e => e.Leads && e.Status is not null).OrderBy(e => e.ActivityId)
            .Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.ActivityId},{e.Status},{e.Percent},{e.CompletedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")));

    /// <summary>The answers, or only those on the activities in <paramref name="only"/> (the others are skipped unparsed).</summary>
    public static IEnumerable<Answer> Read(string text, IReadOnlySet<int>? only = null)
    {
        // Walked by index, not Split: early warning reads every report's text for a few activities' answers, and a string
        // per skipped answer was most of its cost at ten times the large province (docs/benchmarks.md, "Growth").
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf(';', start);
            if (end < 0) end = text.Length;
            var (from, length) = (start, end - start);
            start = end + 1;
            if (length == 0) continue;
            if (only is not null && !only.Contains(int.Parse(text.AsSpan(from, text.IndexOf(',', from) - from), CultureInfo.InvariantCulture))) continue;
            var f = text.Substring(from, length).Split(',');
            yield return new Answer(int.Parse(f[0], CultureInfo.InvariantCulture), ByName[f[1]],
                f[2].Length == 0 ? null : int.Parse(f[2], CultureInfo.InvariantCulture),
                f[3].Length == 0 ? null : DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
