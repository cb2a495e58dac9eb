using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A target measure whose actuals are computed by an IIndicatorSource (dossier KPIs, satisfaction) instead of typed by
/// agencies. Only the coordinator binds; a measure without a row stays typed, as before.
/// </summary>
public sealed class MeasureBinding
{
    public int MeasureId { get; set; }
    /// <summary>The indicator's key, e.g. "kpi:online_rate" or "satisfaction:index".</summary>
    public string IndicatorKey { get; set; } = "";
    /// <summary>"province" | "district" | "commune", or null for every level (the measure's own level by default).</summary>
    public string? Level { get; set; }
    /// <summary>An agency group as comma-separated ids ("12,15"), or null for the whole province.</summary>
    public string? AgencyIds { get; set; }
    public DateTime BoundAtUtc { get; set; }

    public IReadOnlyCollection<int>? Agencies => string.IsNullOrWhiteSpace(AgencyIds) ? null
        : AgencyIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var i) ? i : 0).Where(i => i > 0).ToList();
}

sealed class MeasureBindingConfig : IEntityTypeConfiguration<MeasureBinding>
{
    public void Configure(EntityTypeBuilder<MeasureBinding> e)
    {
        e.HasKey(x => x.MeasureId);
        e.Property(x => x.MeasureId).ValueGeneratedNever();
        e.Property(x => x.IndicatorKey).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Level).HasMaxLength(20);
        e.Property(x => x.AgencyIds).HasMaxLength(Limits.Name);
        e.Ignore(x => x.Agencies);
        e.HasOne<TargetMeasure>().WithOne().HasForeignKey<MeasureBinding>(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
