using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// One version of the province's points table for the monthly ranking (bảng điểm xếp hạng theo Quyết định 766).
/// Saving never changes a version: it adds the next <see cref="Number"/>, so a ranking names the table it used and
/// an earlier month can be ranked again under the table of the day. Audited like any entity.
/// </summary>
public sealed class KpiPointsTable
{
    public int Id { get; set; }
    /// <summary>1, 2, 3 … (unique): two coordinators saving at once cannot both make version N.</summary>
    public int Number { get; set; }
    /// <summary>The items (indicator, group, points, method, bands) as <see cref="PointsTableJson"/> writes them.</summary>
    public string ItemsJson { get; set; } = "[]";
    public string? Note { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTime SavedUtc { get; set; }
}

sealed class KpiPointsTableConfig : IEntityTypeConfiguration<KpiPointsTable>
{
    public void Configure(EntityTypeBuilder<KpiPointsTable> e)
    {
        e.ToTable("KpiPointsTables");
        e.Property(x => x.ItemsJson).HasMaxLength(Limits.LongText);
        e.Property(x => x.Note).HasMaxLength(Limits.Name);
        e.Property(x => x.SavedBy).HasMaxLength(Limits.ShortText);
        e.HasIndex(x => x.Number).IsUnique();
    }
}
