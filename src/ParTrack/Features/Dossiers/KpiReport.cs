using System.Text.Json;
using System.Text.Json.Serialization;
using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The partrack.kpis/v1 answer (contracts/dossier-csv-v1.md): the same shape from `partrack dossiers kpis --json`
/// and GET /api/kpis, with the contract's snake_case names (not the API's usual camelCase) so a client can read
/// either. <see cref="FormulaVersion"/> goes with every value, as the contract asks.
/// </summary>
public sealed record KpiReport(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("formula_version")] string FormulaVersion,
    [property: JsonPropertyName("province")] KpiFigures Province,
    [property: JsonPropertyName("agencies")] IReadOnlyList<AgencyKpiFigures> Agencies)
{
    public const string SchemaName = "partrack.kpis/v1";

    public static KpiReport Of(KpiWindow window, KpiCounts province, IEnumerable<AgencyKpiFigures> agencies) =>
        new(SchemaName, window.From, window.To, KpiValues.FormulaVersion, KpiFigures.Of(KpiValues.From(province)), [.. agencies]);

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The v1 KPIs of one group under the contract's names.</summary>
public sealed record KpiFigures(
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("resolved")] long Resolved,
    [property: JsonPropertyName("on_time")] long OnTime,
    [property: JsonPropertyName("late")] long Late,
    [property: JsonPropertyName("on_time_rate")] decimal? OnTimeRate,
    [property: JsonPropertyName("overdue_in_progress")] long OverdueInProgress,
    [property: JsonPropertyName("online_rate")] decimal? OnlineRate,
    [property: JsonPropertyName("fully_online_rate")] decimal? FullyOnlineRate,
    [property: JsonPropertyName("online_payment_rate")] decimal? OnlinePaymentRate,
    [property: JsonPropertyName("digitised_inputs_rate")] decimal? DigitisedInputsRate,
    [property: JsonPropertyName("digitised_results_rate")] decimal? DigitisedResultsRate)
{
    public static KpiFigures Of(KpiValues v) => new(v.Received, v.Resolved, v.OnTime, v.Late, v.OnTimeRate, v.OverdueInProgress,
        v.OnlineRate, v.FullyOnlineRate, v.OnlinePaymentRate, v.DigitisedInputsRate, v.DigitisedResultsRate);
}

/// <summary>One agency's line: its name (as written in the file, or the registry's name), its id when stored, its KPIs.</summary>
public sealed record AgencyKpiFigures(
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("agency_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AgencyId,
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("resolved")] long Resolved,
    [property: JsonPropertyName("on_time")] long OnTime,
    [property: JsonPropertyName("late")] long Late,
    [property: JsonPropertyName("on_time_rate")] decimal? OnTimeRate,
    [property: JsonPropertyName("overdue_in_progress")] long OverdueInProgress,
    [property: JsonPropertyName("online_rate")] decimal? OnlineRate,
    [property: JsonPropertyName("fully_online_rate")] decimal? FullyOnlineRate,
    [property: JsonPropertyName("online_payment_rate")] decimal? OnlinePaymentRate,
    [property: JsonPropertyName("digitised_inputs_rate")] decimal? DigitisedInputsRate,
    [property: JsonPropertyName("digitised_results_rate")] decimal? DigitisedResultsRate)
{
    public static AgencyKpiFigures Of(string agency, int? agencyId, KpiCounts counts)
    {
        var v = KpiValues.From(counts);
        return new(agency, agencyId, v.Received, v.Resolved, v.OnTime, v.Late, v.OnTimeRate, v.OverdueInProgress,
            v.OnlineRate, v.FullyOnlineRate, v.OnlinePaymentRate, v.DigitisedInputsRate, v.DigitisedResultsRate);
    }
}
