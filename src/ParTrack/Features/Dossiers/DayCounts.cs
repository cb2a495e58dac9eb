using ParTrack.Data;
using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>What the KPI counters need to know of one stored dossier.</summary>
public readonly record struct DossierFacts(int AgencyId, AdminLevel Level, DateOnly ReceivedOn, DateOnly? ResolvedOn, DateOnly? EffectiveDueOn,
    DossierStatus Status, Channel Channel, ServiceLevel ServiceLevel, bool FeeRequired, bool PaidOnline, bool DigitisedInputs, bool DigitisedResult)
{
    public static DossierFacts Of(Dossier d) => new(d.AgencyId, d.Level, d.ReceivedOn, d.ResolvedOn, d.EffectiveDueOn, d.Status, d.Channel,
        d.ServiceLevel, d.FeeRequired, d.PaidOnline, d.DigitisedInputs, d.DigitisedResult);
}

/// <summary>
/// The changes a set of dossiers makes to <see cref="DossierDay"/> rows: +1 per counter for a dossier stored, −1 for the
/// version it replaces. The conditions are the contract's (KpiCounts.Of, KpiQueries.Count) split by the day they hang on;
/// DossierDayTests proves the days add up to the figures computed from the dossiers for any window.
/// </summary>
public sealed class DayCounts
{
    public const int Received = 0, Resolved = 1, OnTime = 2, Late = 3, Online = 4, FullyOnline = 5, FeeRequired = 6, PaidOnline = 7,
        DigitisedInputs = 8, DigitisedResults = 9, OverdueStarts = 10, OverdueEnds = 11, Count = 12;

    public readonly record struct Key(int AgencyId, AdminLevel Level, DateOnly Day);

    readonly Dictionary<Key, long[]> _changes = [];

    public IReadOnlyDictionary<Key, long[]> Changes => _changes;

    public void Clear() => _changes.Clear();

    public void Add(in DossierFacts d) => Apply(d, +1);

    public void Remove(in DossierFacts d) => Apply(d, -1);

    void Apply(in DossierFacts d, int sign)
    {
        var received = Row(d, d.ReceivedOn);
        received[Received] += sign;
        // A withdrawn dossier (rút) counts in "received" and in nothing else.
        if (d.Status != DossierStatus.Withdrawn)
        {
            if (d.Channel == Channel.Online) received[Online] += sign;
            if (d.Channel == Channel.Online && d.ServiceLevel == ServiceLevel.Full) received[FullyOnline] += sign;
            if (d.FeeRequired) received[FeeRequired] += sign;
            if (d.FeeRequired && d.PaidOnline) received[PaidOnline] += sign;
            if (d.DigitisedInputs) received[DigitisedInputs] += sign;
        }
        if (d.Status == DossierStatus.Resolved && d.ResolvedOn is { } resolvedOn)
        {
            var resolved = Row(d, resolvedOn);
            resolved[Resolved] += sign;
            resolved[d.EffectiveDueOn is not { } due || resolvedOn <= due ? OnTime : Late] += sign;
            if (d.DigitisedResult) resolved[DigitisedResults] += sign;
        }
        // Overdue in progress at day t: received by t, deadline before t, and still open at t (in progress or suspended,
        // or resolved after t). That is the days [max(deadline + 1, received), resolved) — open-ended while unresolved.
        var open = d.Status is DossierStatus.InProgress or DossierStatus.Suspended;
        if (d.EffectiveDueOn is { } deadline && (open || (d.Status == DossierStatus.Resolved && d.ResolvedOn is not null)))
        {
            var start = deadline.AddDays(1) > d.ReceivedOn ? deadline.AddDays(1) : d.ReceivedOn;
            var end = open ? null : d.ResolvedOn;
            if (end is null || start < end)
            {
                Row(d, start)[OverdueStarts] += sign;
                if (end is { } e) Row(d, e)[OverdueEnds] += sign;
            }
        }
    }

    long[] Row(in DossierFacts d, DateOnly day)
    {
        var key = new Key(d.AgencyId, d.Level, day);
        if (!_changes.TryGetValue(key, out var row)) _changes[key] = row = new long[Count];
        return row;
    }

    /// <summary>The counts of a window from day rows summed per counter: flows over [from, to], the overdue stock up to to.</summary>
    public static KpiCounts Window(long[] flows, long overdue) => new(
        flows[Received], flows[Resolved], flows[OnTime], flows[Late], overdue, flows[Online], flows[FullyOnline],
        flows[FeeRequired], flows[PaidOnline], flows[DigitisedInputs], flows[DigitisedResults]);
}
