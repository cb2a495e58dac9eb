using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting;

namespace ParTrack.Features.Inspections;

/// <summary>A target measure of an issued province plan the programme can fulfil; <see cref="Suggested"/> when its words are about inspections.</summary>
public sealed record MeasureChoice(int MeasureId, int PlanId, string Label, bool Suggested);

/// <summary>
/// Ties the programme to the plan target it carries out ("kiểm tra ít nhất 30% cơ quan, đơn vị"): the measure is bound to
/// <see cref="InspectionIndicators.CoverageKey"/> through the plan's bindings, so its actual is computed from the visits on
/// the targets page, the dashboard and the report like any bound measure. Unbinding leaves what agencies typed untouched.
/// </summary>
public sealed class ProgrammeTargets(AppDbContext db, MeasureBindings bindings)
{
    /// <summary>The measures of the issued province plans covering the programme's year, the suggested ones first.</summary>
    public async Task<IReadOnlyList<MeasureChoice>> ChoicesAsync(int year, CancellationToken ct = default)
    {
        var plans = db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued && p.FromYear <= year && p.ToYear >= year).Select(p => p.Id);
        var targets = await db.PlanTargets.AsNoTracking().Include(t => t.Measures).Where(t => plans.Contains(t.PlanId))
            .OrderBy(t => t.PlanId).ThenBy(t => t.Order).ToListAsync(ct);
        return targets.SelectMany(t => t.Measures.OrderBy(m => m.Id).Select(m =>
                new MeasureChoice(m.Id, t.PlanId, Label(t, m), bindings.Suggest(t.Text)?.Key == InspectionIndicators.CoverageKey)))
            .OrderByDescending(c => c.Suggested).ToList();
    }

    /// <summary>The refusal a measure that is not one of the year's choices gets (null: acceptable).</summary>
    public async Task<Outcome<int?>?> RefusalAsync(int year, int? measureId, CancellationToken ct = default) =>
        measureId is int m && (await ChoicesAsync(year, ct)).All(c => c.MeasureId != m) ? NotAChoice : null;

    static readonly Outcome<int?> NotAChoice =
        Outcome<int?>.Invalid("targetMeasureId", "Chỉ tiêu đã chọn không thuộc kế hoạch CCHC đã ban hành của năm kiểm tra; hãy chọn lại.");

    /// <summary>Sets (or clears, with null) the programme's measure and moves the inspection binding with it.</summary>
    public async Task<Outcome<int?>> SetAsync(InspectionProgramme programme, int? measureId, CancellationToken ct = default)
    {
        var choice = measureId is int m ? (await ChoicesAsync(programme.Year, ct)).FirstOrDefault(c => c.MeasureId == m) : null;
        if (measureId is not null && choice is null) return NotAChoice;
        if (programme.TargetMeasureId is int previous && previous != measureId)
            await UnbindAsync(previous, ct);
        programme.TargetMeasureId = measureId;
        await db.SaveChangesAsync(ct);
        if (choice is not null)
        {
            var bound = await bindings.BindAsync(choice.PlanId, choice.MeasureId, InspectionIndicators.CoverageKey, ct);
            if (!bound.IsOk) return Outcome<int?>.Invalid("targetMeasureId", "Không gắn được chỉ tiêu với kết quả kiểm tra; hãy thử lại.");
        }
        return Outcome<int?>.Ok(measureId);
    }

    /// <summary>Removes the binding only while it still points at inspections (a coordinator may have re-bound the measure since).</summary>
    async Task UnbindAsync(int measureId, CancellationToken ct)
    {
        var binding = await db.Set<MeasureBinding>().AsNoTracking().FirstOrDefaultAsync(b => b.MeasureId == measureId, ct);
        if (binding?.IndicatorKey.StartsWith("inspection:", StringComparison.Ordinal) != true) return;
        var planId = await db.PlanTargets.Where(t => t.Measures.Any(x => x.Id == measureId)).Select(t => t.PlanId).FirstAsync(ct);
        await bindings.UnbindAsync(planId, measureId, ct);
    }

    static string Label(PlanTarget t, TargetMeasure m)
    {
        var text = t.Text.Length > 110 ? t.Text[..110] + "…" : t.Text;
        var level = m.Level is { } l ? $", {l}" : "";
        return $"{t.Code} {text} ({m.Value:0.##}{m.Unit}{level})".Trim();
    }
}
