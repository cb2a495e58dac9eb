using FluentAssertions;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;

namespace ParTrack.Tests.Dossiers;

/// <summary>
/// In memory, many random dossiers and windows: the day counters summed over a window (flows over its days, the overdue
/// stock over every day up to its end) equal the contract's KpiCounts.Of summed over the dossiers — every edge of the
/// definitions (no deadline, resolved before it was received, resolved without a day, withdrawn, open forever) included.
/// </summary>
public sealed class DayCountsTests
{
    [Fact]
    public void DaysSummedOverAnyWindow_EqualTheContractsCounts_AndRemovingEveryDossierLeavesZero()
    {
        var random = new Random(17);
        var start = new DateOnly(2025, 1, 1);
        var rows = Enumerable.Range(0, 3000).Select(i =>
        {
            var received = start.AddDays(random.Next(200));
            DateOnly? due = random.Next(5) == 0 ? null : received.AddDays(random.Next(-3, 30));
            DateOnly? resolved = random.Next(7) == 0 ? null : received.AddDays(random.Next(-2, 60));
            return new DossierRow($"C{i}", "1.001", null, null, "x", null, received, due, resolved, null,
                (Channel)random.Next(3), (ServiceLevel)random.Next(3), random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0,
                random.Next(2) == 0, (DossierStatus)random.Next(5), random.Next(3) == 0 ? random.Next(10) : 0);
        }).ToList();
        var days = new DayCounts();
        foreach (var r in rows) days.Add(Facts(r));

        for (var i = 0; i < 300; i++)
        {
            var from = start.AddDays(random.Next(-10, 280));
            var window = new KpiWindow(from, from.AddDays(random.Next(0, 120)));
            var expected = rows.Aggregate(KpiCounts.Zero, (sum, r) => sum + KpiCounts.Of(r, window));
            Sum(days, window).Should().Be(expected, $"window {window.From}..{window.To}");
        }

        foreach (var r in rows) days.Remove(Facts(r));
        days.Changes.Values.Should().OnlyContain(counts => counts.All(c => c == 0));
    }

    static DossierFacts Facts(DossierRow r) => new(1, AdminLevel.Province, r.ReceivedAt, r.ResolvedAt, r.EffectiveDue, r.Status, r.Channel,
        r.ServiceLevel, r.FeeRequired, r.PaidOnline, r.DigitisedInputs, r.DigitisedResult);

    static KpiCounts Sum(DayCounts days, KpiWindow w)
    {
        var flows = new long[DayCounts.Count];
        long overdue = 0;
        foreach (var (key, counts) in days.Changes)
        {
            if (key.Day > w.To) continue;
            overdue += counts[DayCounts.OverdueStarts] - counts[DayCounts.OverdueEnds];
            if (key.Day < w.From) continue;
            for (var i = 0; i < counts.Length; i++) flows[i] += counts[i];
        }
        return DayCounts.Window(flows, overdue);
    }
}
