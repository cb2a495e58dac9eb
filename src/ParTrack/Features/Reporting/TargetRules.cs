using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Domain.Targets;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <summary>The coordinator's settings for the province's target figures: each measure's rule and, per period, the figures entered by hand.</summary>
public sealed class TargetRules(AppDbContext db, Dashboard.DashboardCache? dashboards = null)
{
    /// <summary>Saves rules and province figures together, or nothing when any figure is unreadable or out of range.</summary>
    public async Task<Outcome<int>> SaveAsync(int periodId, IReadOnlyDictionary<int, Aggregation> rules, IReadOnlyDictionary<int, string?> provinceTexts,
        CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId && p.Kind != ReportingPeriodKind.AdHoc, ct);
        if (period is null) return Outcome<int>.NotFound();
        var measures = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == period.PlanId).SelectMany(t => t.Measures).ToDictionaryAsync(m => m.Id, ct);

        var errors = new Dictionary<string, string>();
        var figures = new Dictionary<int, decimal?>();
        foreach (var (id, text) in provinceTexts.Where(x => measures.ContainsKey(x.Key)))
        {
            if (!ActualAggregation.TryRead(text, out var value))
                errors[$"Province[{id}]"] = $"Số liệu toàn tỉnh \"{text}\" không phải là số. Hãy nhập một số, ví dụ 95 hoặc 12,5; giá trị đã lưu được giữ nguyên.";
            else if (value is { } v && ActualAggregation.Validate(measures[id].Unit, v, "Số liệu toàn tỉnh") is { } message)
                errors[$"Province[{id}]"] = message;
            else figures[id] = value;
        }
        if (errors.Count > 0) return Outcome<int>.Invalid(errors);

        var stored = await db.Set<MeasureAggregation>().Where(r => measures.Keys.Contains(r.MeasureId)).ToDictionaryAsync(r => r.MeasureId, ct);
        foreach (var (id, rule) in rules.Where(x => measures.ContainsKey(x.Key)))
        {
            if (stored.TryGetValue(id, out var row)) row.Rule = rule;
            else db.Add(new MeasureAggregation { MeasureId = id, Rule = rule });
        }
        var entered = await db.Set<ProvinceActual>().Where(p => p.PeriodId == periodId).ToDictionaryAsync(p => p.MeasureId, ct);
        foreach (var (id, value) in figures)
        {
            entered.TryGetValue(id, out var row);
            if (value is null) { if (row is not null) db.Remove(row); }   // emptied on purpose
            else if (row is null) db.Add(new ProvinceActual { PeriodId = periodId, MeasureId = id, Value = value.Value });
            else row.Value = value.Value;
        }
        await db.SaveChangesAsync(ct);
        dashboards?.Changed();
        return Outcome<int>.Ok(periodId);
    }

    public async Task<(Dictionary<int, Aggregation> Rules, Dictionary<int, decimal> Province)> LoadAsync(int periodId, CancellationToken ct = default) =>
        (await db.Set<MeasureAggregation>().AsNoTracking().ToDictionaryAsync(r => r.MeasureId, r => r.Rule, ct),
         await db.Set<ProvinceActual>().AsNoTracking().Where(p => p.PeriodId == periodId).ToDictionaryAsync(p => p.MeasureId, p => p.Value, ct));
}
