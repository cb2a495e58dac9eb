namespace ParTrack.Domain.Kpis;

/// <summary>
/// The counts behind the v1 KPIs for one window and one group (province, agency, level …). The database
/// computes the same counts with GROUP BY (Features/Dossiers/KpiQueries); both turn them into values with
/// <see cref="KpiValues.From"/>, so the command line and the API cannot round differently.
/// </summary>
public sealed record KpiCounts(
    long Received,
    long Resolved,
    long OnTime,
    long Late,
    long OverdueInProgress,
    long Online,
    long FullyOnline,
    long FeeRequired,
    long PaidOnline,
    long DigitisedInputs,
    long DigitisedResults)
{
    public static readonly KpiCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>What one dossier adds in the window, exactly as contracts/dossier-csv-v1.md defines it.</summary>
    public static KpiCounts Of(DossierRow row, KpiWindow window)
    {
        var received = window.Contains(row.ReceivedAt);
        // A withdrawn dossier (rút) counts in "received" and in nothing else.
        if (row.Status == DossierStatus.Withdrawn)
            return Zero with { Received = received ? 1 : 0 };

        var resolved = row.Status == DossierStatus.Resolved && window.Contains(row.ResolvedAt);
        var due = row.EffectiveDue;
        var onTime = resolved && (due is null || row.ResolvedAt <= due);
        var open = row.Status is DossierStatus.InProgress or DossierStatus.Suspended
            || (row.Status == DossierStatus.Resolved && row.ResolvedAt > window.To);
        var overdue = row.ReceivedAt <= window.To && open && due < window.To;
        var online = received && row.Channel == Channel.Online;
        var fee = received && row.FeeRequired;
        return new KpiCounts(
            Received: received ? 1 : 0,
            Resolved: resolved ? 1 : 0,
            OnTime: onTime ? 1 : 0,
            Late: resolved && !onTime ? 1 : 0,
            OverdueInProgress: overdue ? 1 : 0,
            Online: online ? 1 : 0,
            FullyOnline: online && row.ServiceLevel == ServiceLevel.Full ? 1 : 0,
            FeeRequired: fee ? 1 : 0,
            PaidOnline: fee && row.PaidOnline ? 1 : 0,
            DigitisedInputs: received && row.DigitisedInputs ? 1 : 0,
            DigitisedResults: resolved && row.DigitisedResult ? 1 : 0);
    }

    public static KpiCounts operator +(KpiCounts a, KpiCounts b) => new(
        a.Received + b.Received, a.Resolved + b.Resolved, a.OnTime + b.OnTime, a.Late + b.Late,
        a.OverdueInProgress + b.OverdueInProgress, a.Online + b.Online, a.FullyOnline + b.FullyOnline,
        a.FeeRequired + b.FeeRequired, a.PaidOnline + b.PaidOnline, a.DigitisedInputs + b.DigitisedInputs,
        a.DigitisedResults + b.DigitisedResults);

    /// <summary>True when the dossier touches the window at all (so a per-agency list can skip empty groups).</summary>
    public bool IsEmpty => this == Zero;
}
