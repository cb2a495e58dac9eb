namespace ParTrack.Domain.Kpis;

/// <summary>
/// The v1 service KPIs of one group: counts and rates in percent, rounded to two decimals half away from
/// zero; a rate whose denominator is 0 is null (no dossier to judge, not 0%). Every value is stored and
/// shown with <see cref="FormulaVersion"/>.
/// </summary>
public sealed record KpiValues(
    long Received,
    long Resolved,
    long OnTime,
    long Late,
    decimal? OnTimeRate,
    long OverdueInProgress,
    decimal? OnlineRate,
    decimal? FullyOnlineRate,
    decimal? OnlinePaymentRate,
    decimal? DigitisedInputsRate,
    decimal? DigitisedResultsRate)
{
    /// <summary>The version of the definitions in contracts/dossier-csv-v1.md.</summary>
    public const string FormulaVersion = "v1";

    public static KpiValues From(KpiCounts c) => new(
        c.Received, c.Resolved, c.OnTime, c.Late,
        Rate(c.OnTime, c.Resolved),
        c.OverdueInProgress,
        Rate(c.Online, c.Received),
        Rate(c.FullyOnline, c.Received),
        Rate(c.PaidOnline, c.FeeRequired),
        Rate(c.DigitisedInputs, c.Received),
        Rate(c.DigitisedResults, c.Resolved));

    /// <summary>part ÷ whole × 100 in decimal (no binary-float surprises at .005), or null on no denominator.</summary>
    public static decimal? Rate(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>A KPI by its contract code, for bindings and rankings ("on_time_rate" …); null for an unknown code.</summary>
    public decimal? Value(string code) => code switch
    {
        "received" => Received,
        "resolved" => Resolved,
        "on_time" => OnTime,
        "late" => Late,
        "on_time_rate" => OnTimeRate,
        "overdue_in_progress" => OverdueInProgress,
        "online_rate" => OnlineRate,
        "fully_online_rate" => FullyOnlineRate,
        "online_payment_rate" => OnlinePaymentRate,
        "digitised_inputs_rate" => DigitisedInputsRate,
        "digitised_results_rate" => DigitisedResultsRate,
        _ => null,
    };

    /// <summary>The contract codes, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        "received", "resolved", "on_time", "late", "on_time_rate", "overdue_in_progress", "online_rate",
        "fully_online_rate", "online_payment_rate", "digitised_inputs_rate", "digitised_results_rate",
    ];
}
