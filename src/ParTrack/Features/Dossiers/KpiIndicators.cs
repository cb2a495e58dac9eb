using ParTrack.Domain;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The service KPIs as indicators a plan's target measure can be bound to ("kpi:online_rate" …): the actual of a
/// period is computed from the stored dossiers, for the measure's level and agencies, with the formula version in its source.
/// </summary>
public sealed class KpiIndicators(KpiQueries queries, TimeProvider clock) : IIndicatorSource
{
    public const string Prefix = "kpi:";

    static readonly Indicator[] All =
    [
        new(Prefix + "on_time_rate", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%"),
        new(Prefix + "online_rate", "Tỷ lệ hồ sơ nộp trực tuyến", "%"),
        new(Prefix + "fully_online_rate", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%"),
        new(Prefix + "online_payment_rate", "Tỷ lệ thanh toán trực tuyến", "%"),
        new(Prefix + "digitised_inputs_rate", "Tỷ lệ số hóa hồ sơ", "%"),
        new(Prefix + "digitised_results_rate", "Tỷ lệ số hóa kết quả giải quyết TTHC", "%"),
        new(Prefix + "overdue_in_progress", "Số hồ sơ quá hạn đang xử lý", "hồ sơ"),
    ];

    public IReadOnlyList<Indicator> Indicators => All;

    public async Task<ComputedActual?> ActualAsync(string indicatorKey, string? Level, IReadOnlyCollection<int>? AgencyIds,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!indicatorKey.StartsWith(Prefix, StringComparison.Ordinal) || All.All(i => i.Key != indicatorKey)) return null;
        var level = Level is null ? null : DossiersApi.Level(Level);
        HashSet<int>? ids = null;
        if (AgencyIds is not null)
        {
            ids = [];
            foreach (var id in AgencyIds)
                ids.UnionWith(await queries.AgencyAndPredecessorsAsync(id, ct) ?? [id]);
        }
        var groups = await queries.CountByAgencyAsync(new KpiWindow(from, to), new KpiFilter(ids, level), ct);
        var counts = groups.Aggregate(KpiCounts.Zero, (sum, g) => sum + g.Counts);
        if (KpiValues.From(counts).Value(indicatorKey[Prefix.Length..]) is not { } value) return null;
        var now = clock.GetUtcNow();
        return new ComputedActual(value,
            $"Hồ sơ một cửa {from:dd/MM/yyyy}–{to:dd/MM/yyyy} ({counts.Received:N0} hồ sơ tiếp nhận), công thức {KpiValues.FormulaVersion}, tính lúc {VietnamTime.Now(clock):HH:mm dd/MM/yyyy}",
            now);
    }
}
