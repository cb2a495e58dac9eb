using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The KPI counters of one agency, dossier level and day, kept by the importer in the same transaction as the dossiers
/// that change them (<see cref="DayCounts"/>), so a KPI window reads agencies × days rows, not its million dossiers.
/// Flow counters belong to a day: received ones to the day received, resolved ones to the day resolved. "Overdue in
/// progress" is a stock at a window's end, kept as the days a dossier starts and stops being overdue: the number
/// overdue at day t is Σ (OverdueStarts − OverdueEnds) over every day ≤ t.
/// </summary>
public sealed class DossierDay
{
    public int AgencyId { get; set; }
    public AdminLevel Level { get; set; }
    public DateOnly Day { get; set; }
    public long Received { get; set; }
    public long Resolved { get; set; }
    public long OnTime { get; set; }
    public long Late { get; set; }
    public long Online { get; set; }
    public long FullyOnline { get; set; }
    public long FeeRequired { get; set; }
    public long PaidOnline { get; set; }
    public long DigitisedInputs { get; set; }
    public long DigitisedResults { get; set; }
    public long OverdueStarts { get; set; }
    public long OverdueEnds { get; set; }
}

sealed class DossierDayConfig : IEntityTypeConfiguration<DossierDay>
{
    public void Configure(EntityTypeBuilder<DossierDay> e)
    {
        e.ToTable("DossierDays");
        e.HasKey(x => new { x.AgencyId, x.Level, x.Day });
        // A window reads every day up to its end (the overdue stock needs them all), grouped by agency.
        e.HasIndex(x => x.Day);
    }
}
