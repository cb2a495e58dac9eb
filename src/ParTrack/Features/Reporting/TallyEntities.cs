using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A periodic period whose tallies are complete (<see cref="Tallies"/>). No row: they are missing or stale (a change to who
/// owes what removed it) and the next reader rebuilds them. Derived data, so not audited (Data.INotAudited).
/// </summary>
public sealed class PeriodTally : INotAudited
{
    public int PeriodId { get; set; }
    public DateTime BuiltAtUtc { get; set; }
}

/// <summary>
/// One activity in one period: how many owing agencies are in each state, judged without the calendar (an agency
/// is never Overdue here; <see cref="Domain.Activities.ActivityProgress.Aggregate(Domain.Activities.StateCounts, Domain.Activities.DueSpec, DateOnly)"/>
/// gives the activity's state on any day from these counts), and the sum of the counted agencies' percents.
/// </summary>
public sealed class ActivityPeriodTally : INotAudited
{
    public int PeriodId { get; set; }
    public int ActivityId { get; set; }
    public int Done { get; set; }
    public int DoneLate { get; set; }
    public int InProgress { get; set; }
    public int NotStarted { get; set; }
    public int NotDone { get; set; }
    /// <summary>The percents of the agencies not "không thực hiện" (not reported: 0): the activity's percent is their mean.</summary>
    public int PercentSum { get; set; }
}

/// <summary>
/// One owing agency in one period: how many activities it leads and supports and its own states for those it leads,
/// without the calendar. <see cref="Pending"/> lists its unfinished lead work by due end ("yyyy-MM-dd,inProgress,notStarted;…"),
/// so its overdue count on any day is a sum over a few items.
/// </summary>
public sealed class AgencyPeriodTally : INotAudited
{
    public int PeriodId { get; set; }
    public int AgencyId { get; set; }
    public int Leads { get; set; }
    public int Supports { get; set; }
    public int Done { get; set; }
    public int DoneLate { get; set; }
    public int InProgress { get; set; }
    public int NotStarted { get; set; }
    public int NotDone { get; set; }
    public string Pending { get; set; } = "";
}

sealed class PeriodTallyConfig : IEntityTypeConfiguration<PeriodTally>
{
    public void Configure(EntityTypeBuilder<PeriodTally> b)
    {
        b.HasKey(x => x.PeriodId);
        b.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ActivityPeriodTallyConfig : IEntityTypeConfiguration<ActivityPeriodTally>
{
    public void Configure(EntityTypeBuilder<ActivityPeriodTally> b)
    {
        b.HasKey(x => new { x.PeriodId, x.ActivityId });
        b.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AgencyPeriodTallyConfig : IEntityTypeConfiguration<AgencyPeriodTally>
{
    public void Configure(EntityTypeBuilder<AgencyPeriodTally> b)
    {
        b.HasKey(x => new { x.PeriodId, x.AgencyId });
        b.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
