using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>A measure of the plan with its binding (null: typed by agencies) and the indicator its words suggest.</summary>
public sealed record BindableMeasure(int MeasureId, string? TargetCode, string TargetText, string? Level, string Comparator, decimal Goal, string? Unit,
    MeasureBinding? Binding, Indicator? Suggested);

/// <summary>
/// Binds plan target measures to the indicators every registered <see cref="IIndicatorSource"/> offers (service KPIs,
/// satisfaction …) and computes a bound measure's actual for a period from its source. The coordinator confirms a
/// suggestion; nothing is bound by itself.
/// </summary>
public sealed class MeasureBindings(AppDbContext db, IEnumerable<IIndicatorSource> sources, TimeProvider clock, Dashboard.DashboardCache? dashboards = null)
{
    public IReadOnlyList<Indicator> Indicators { get; } = sources.SelectMany(s => s.Indicators).ToList();

    /// <summary>Words of a target → indicator key, most specific first ("thanh toán trực tuyến" before "trực tuyến").</summary>
    static readonly (string[] Words, string Key)[] Hints =
    [
        (["thanh toán trực tuyến", "thanh toán không dùng tiền mặt"], "kpi:online_payment_rate"),
        (["toàn trình"], "kpi:fully_online_rate"),
        (["số hóa kết quả", "kết quả giải quyết tthc được số hóa"], "kpi:digitised_results_rate"),
        (["số hóa"], "kpi:digitised_inputs_rate"),
        (["đúng hạn", "đúng hẹn"], "kpi:on_time_rate"),
        (["trực tuyến"], "kpi:online_rate"),
        (["hài lòng"], "satisfaction:index"),
        (["khắc phục"], "inspection:remedy_rate"),
        (["kiểm tra công tác cải cách hành chính", "kiểm tra công tác cchc", "kiểm tra cải cách hành chính", "được kiểm tra"], "inspection:coverage"),
    ];

    /// <summary>The indicator a target's words suggest, if one of the registered sources offers it.</summary>
    public Indicator? Suggest(string text)
    {
        var lower = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC);
        foreach (var (words, key) in Hints)
            if (words.Any(lower.Contains))
                return Indicators.FirstOrDefault(i => i.Key == key);
        return null;
    }

    public async Task<IReadOnlyList<BindableMeasure>> ForPlanAsync(int planId, CancellationToken ct = default)
    {
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measures).Include(t => t.Area)
            .Where(t => t.PlanId == planId).OrderBy(t => t.Area!.Order).ThenBy(t => t.Order).ToListAsync(ct);
        var ids = targets.SelectMany(t => t.Measures).Select(m => m.Id).ToList();
        var bound = await db.Set<MeasureBinding>().AsNoTracking().Where(b => ids.Contains(b.MeasureId)).ToDictionaryAsync(b => b.MeasureId, ct);
        return targets.SelectMany(t => t.Measures.OrderBy(m => m.Id).Select(m => new BindableMeasure(m.Id, t.Code, t.Text, m.Level, m.Comparator, m.Value, m.Unit,
            bound.GetValueOrDefault(m.Id), Suggest(t.Text)))).ToList();
    }

    /// <summary>The bindings of these measures (none for a plan nobody bound).</summary>
    public Task<Dictionary<int, MeasureBinding>> OfAsync(IReadOnlyCollection<int> measureIds, CancellationToken ct = default) =>
        db.Set<MeasureBinding>().AsNoTracking().Where(b => measureIds.Contains(b.MeasureId)).ToDictionaryAsync(b => b.MeasureId, ct);

    /// <summary>Binds (or re-binds) a measure of the plan; an unknown indicator or measure is refused with a message.</summary>
    public async Task<Outcome<int>> BindAsync(int planId, int measureId, string indicatorKey, CancellationToken ct = default)
    {
        if (Indicators.All(i => i.Key != indicatorKey))
            return Outcome<int>.Invalid("Indicator", "Chỉ số đã chọn không có trong các nguồn số liệu; hãy chọn lại trong danh sách.");
        if (!await db.PlanTargets.AnyAsync(t => t.PlanId == planId && t.Measures.Any(m => m.Id == measureId), ct)) return Outcome<int>.NotFound();
        var row = await db.Set<MeasureBinding>().FirstOrDefaultAsync(b => b.MeasureId == measureId, ct);
        if (row is null) db.Add(row = new MeasureBinding { MeasureId = measureId });
        row.IndicatorKey = indicatorKey;
        row.BoundAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        dashboards?.Changed();
        return Outcome<int>.Ok(measureId);
    }

    /// <summary>Unbinds: the measure is typed by agencies again (their stored values were never touched).</summary>
    public async Task<Outcome<int>> UnbindAsync(int planId, int measureId, CancellationToken ct = default)
    {
        if (!await db.PlanTargets.AnyAsync(t => t.PlanId == planId && t.Measures.Any(m => m.Id == measureId), ct)) return Outcome<int>.NotFound();
        var row = await db.Set<MeasureBinding>().FirstOrDefaultAsync(b => b.MeasureId == measureId, ct);
        if (row is not null) { db.Remove(row); await db.SaveChangesAsync(ct); dashboards?.Changed(); }
        return Outcome<int>.Ok(measureId);
    }

    /// <summary>The bound measure's actual over [from, to] from the source that offers its indicator (null: no data).</summary>
    /// <param name="agencies">Instead of the binding's group: these agencies (one agency's share of the figure).</param>
    public async Task<ComputedActual?> ActualAsync(MeasureBinding binding, string? measureLevel, DateOnly from, DateOnly to, CancellationToken ct = default,
        IReadOnlyCollection<int>? agencies = null)
    {
        foreach (var source in sources.Where(s => s.Indicators.Any(i => i.Key == binding.IndicatorKey)))
            if (await source.ActualAsync(binding.IndicatorKey, binding.Level ?? measureLevel, agencies ?? binding.Agencies, from, to, ct) is { } actual)
                return actual;
        return null;
    }
}
