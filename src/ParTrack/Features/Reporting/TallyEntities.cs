using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A periodic period whose tallies are complete (<see cref="Tallies"/>), built when "who owes what" was <see cref="Stamp"/>.
/// No row, or another stamp than <see cref="TallyStamp"/>'s: they are missing or stale and the next reader rebuilds them.
/// Derived data, so not audited (Data.INotAudited).
/// </summary>
public sealed class PeriodTally : INotAudited
{
    public int PeriodId { get; set; }
    public DateTime BuiltAtUtc { get; set; }
    /// <summary>The <see cref="TallyStamp"/> read by the rebuild before it read the obligations.</summary>
    public Guid Stamp { get; set; }
}

/// <summary>
/// One row: renewed by every save that changes who owes what (<see cref="TallyStaleness"/>), in that save. A rebuild
/// keeps the stamp it read before reading anything else, so a change that commits while it runs leaves its tallies stale:
/// deleting the periods' rows instead would miss the one a running rebuild is about to insert.
/// </summary>
public sealed class TallyStamp : INotAudited
{
    public const int OnlyId = 1;
    public int Id { get; set; } = OnlyId;
    public Guid Value { get; set; }
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
    /// <summary>
    /// The period's submitted and accepted answers on the activity, by agency: <see cref="LeadAnswerText"/>'s items with the
    /// agency's id first ("agency,status,percent,completed;…"). Early warning reads the few activities due soon from here
    /// instead of every report's answers of every earlier period.
    /// </summary>
    public string Answers { get; set; } = "";
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

sealed class TallyStampConfig : IEntityTypeConfiguration<TallyStamp>
{
    public void Configure(EntityTypeBuilder<TallyStamp> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new TallyStamp { Id = TallyStamp.OnlyId, Value = Guid.Empty });
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
