using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

/// <summary>A plan's own cut-off and submission days (overrides Decree 09's defaults).</summary>
public sealed class PlanReportingCalendar
{
    public int PlanId { get; set; }
    public int CutOffDay { get; set; }
    public int SubmitDay { get; set; }
}

/// <summary>A reporting period (kỳ báo cáo) of a plan year, or an ad-hoc request (đột xuất) to chosen agencies.</summary>
public sealed class ReportPeriod
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Year { get; set; }
    public ReportingPeriodKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DataFrom { get; set; }
    public DateOnly DataTo { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>Ad-hoc requests: what the coordinator asks, answered in the report's Answers.</summary>
    public string? Questions { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Ad-hoc requests only: the agencies asked. Periodic reports are owed by every agency with work.</summary>
    public List<ReportRequestAgency> Agencies { get; set; } = [];

    public ReportingPeriod ToDomain() => new(Year, Kind, DataFrom, DataTo, Deadline);
}

public sealed class ReportRequestAgency
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int AgencyId { get; set; }
}

public enum ReportState { Draft, Submitted, Returned, Accepted }

/// <summary>One agency's report for one period. Submitted and Accepted reports are locked.</summary>
public sealed class AgencyReport : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportPeriod? Period { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public ReportState State { get; set; }
    public string? Results { get; set; }        // kết quả đạt được
    public string? Limitations { get; set; }    // tồn tại, hạn chế và nguyên nhân
    public string? Difficulties { get; set; }   // khó khăn, vướng mắc
    public string? Proposals { get; set; }      // đề xuất, kiến nghị
    public string? Answers { get; set; }        // ad-hoc: answers to the request's questions
    /// <summary>The first submission decides timeliness; a resubmission after return does not make it late.</summary>
    public DateTime? FirstSubmittedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>Number of the last kept version (each submission, return and acceptance is one).</summary>
    public int Revision { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<ReportEntry> Entries { get; set; } = [];
    public List<MeasureActual> Actuals { get; set; } = [];
    public Guid Version { get; set; }
    /// <summary>
    /// The save key of the page that made the last draft save (cleared by submit and review). A save with a stale
    /// Version but this key comes from the same page whose previous answer was lost: not someone else's change.
    /// </summary>
    public string? LastSaveKey { get; set; }
    /// <summary>
    /// The lead entries' answers as one text (<see cref="LeadAnswerText"/>), written by the submission that locks them:
    /// what Progress reads of a submitted or accepted report. Null for reports submitted before it was kept: Progress
    /// reads their entries instead.
    /// </summary>
    public string? LeadAnswers { get; set; }

    public bool IsLocked => State is ReportState.Submitted or ReportState.Accepted;
}

/// <summary>
/// One activity in a report: the lead's progress, or (Leads = false) a coordinating agency's
/// contribution to the lead's activity.
/// </summary>
public sealed class ReportEntry
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public bool Leads { get; set; }
    public ReportedStatus? Status { get; set; }
    public int? Percent { get; set; }
    public string? WorkDone { get; set; }
    /// <summary>Required when the status is "không thực hiện".</summary>
    public string? Reason { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>The coordinator's comment on this item when the report was returned.</summary>
    public string? ReviewComment { get; set; }
    /// <summary>Copied from the agency's previous report ("từ kỳ trước") and not yet confirmed or changed by the officer.</summary>
    public bool CarriedForward { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
}

/// <summary>Evidence of an entry: an uploaded file, or a reference to an issued document (số hiệu, ngày, trích yếu).</summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
    public string? FileName { get; set; }
    public string? DocNumber { get; set; }
    public DateOnly? DocDate { get; set; }
    public string? DocSummary { get; set; }
}

/// <summary>A file kept once under the data folder, named by its SHA-256.</summary>
public sealed class StoredFile
{
    public int Id { get; set; }
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The actual value of one target measure (one level) reported by an agency.</summary>
public sealed class MeasureActual
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int MeasureId { get; set; }
    public decimal Value { get; set; }
    /// <summary>Copied from the agency's previous report and not yet confirmed or changed.</summary>
    public bool CarriedForward { get; set; }
}

/// <summary>A target measure's rule for the province figure (no row: Domain ActualAggregation.Default by unit).</summary>
public sealed class MeasureAggregation
{
    public int MeasureId { get; set; }
    public Domain.Targets.Aggregation Rule { get; set; }
}

/// <summary>The province figure of a measure in a period, entered by the coordinator (rule ProvinceFigure).</summary>
public sealed class ProvinceActual
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int MeasureId { get; set; }
    public decimal Value { get; set; }
}

/// <summary>A kept version: the whole report as JSON at a submission, return or acceptance.</summary>
public sealed class ReportVersion
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Number { get; set; }
    public string Action { get; set; } = "";   // Submitted | Returned | Accepted
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
    public string Content { get; set; } = "";
}

sealed class PlanReportingCalendarConfig : IEntityTypeConfiguration<PlanReportingCalendar>
{
    public void Configure(EntityTypeBuilder<PlanReportingCalendar> e)
    {
        e.HasKey(x => x.PlanId);
        e.Property(x => x.PlanId).ValueGeneratedNever();
        e.HasOne<Plan>().WithOne().HasForeignKey<PlanReportingCalendar>(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ReportPeriodConfig : IEntityTypeConfiguration<ReportPeriod>
{
    public void Configure(EntityTypeBuilder<ReportPeriod> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(Limits.Name);
        e.Property(x => x.Questions).HasMaxLength(Limits.LongText);
        e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Agencies).WithOne().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanId, x.Year });
    }
}

sealed class ReportRequestAgencyConfig : IEntityTypeConfiguration<ReportRequestAgency>
{
    public void Configure(EntityTypeBuilder<ReportRequestAgency> e)
    {
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PeriodId, x.AgencyId }).IsUnique();
        e.HasIndex(x => x.AgencyId);
    }
}

sealed class AgencyReportConfig : IEntityTypeConfiguration<AgencyReport>
{
    public void Configure(EntityTypeBuilder<AgencyReport> e)
    {
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        foreach (var p in new[] { nameof(AgencyReport.Results), nameof(AgencyReport.Limitations), nameof(AgencyReport.Difficulties),
                     nameof(AgencyReport.Proposals), nameof(AgencyReport.Answers), nameof(AgencyReport.ReviewComment) })
            e.Property<string?>(p).HasMaxLength(Limits.LongText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.LastSaveKey).HasMaxLength(ReportWork.SaveKeyLength);
        e.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Actuals).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        // One report per agency per period; a second "create" loses the race on this index.
        e.HasIndex(x => new { x.PeriodId, x.AgencyId }).IsUnique();
        e.HasIndex(x => x.AgencyId);
    }
}

sealed class ReportEntryConfig : IEntityTypeConfiguration<ReportEntry>
{
    public void Configure(EntityTypeBuilder<ReportEntry> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.WorkDone).HasMaxLength(Limits.LongText);
        e.Property(x => x.Reason).HasMaxLength(Limits.Text);
        e.Property(x => x.ReviewComment).HasMaxLength(Limits.Text);
        e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReportId, x.ActivityId }).IsUnique();
        e.HasIndex(x => x.ActivityId);
    }
}

sealed class EvidenceConfig : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> e)
    {
        e.Property(x => x.FileName).HasMaxLength(Limits.Name);
        e.Property(x => x.DocNumber).HasMaxLength(Limits.ShortText);
        e.Property(x => x.DocSummary).HasMaxLength(Limits.Text);
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.EntryId);
        e.HasIndex(x => x.FileId);
    }
}

sealed class StoredFileConfig : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(Limits.ShortText);
        e.HasIndex(x => x.Sha256).IsUnique();
    }
}

sealed class MeasureActualConfig : IEntityTypeConfiguration<MeasureActual>
{
    public void Configure(EntityTypeBuilder<MeasureActual> e)
    {
        e.HasOne<Data.TargetMeasure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReportId, x.MeasureId }).IsUnique();
        e.HasIndex(x => x.MeasureId);
    }
}

sealed class MeasureAggregationConfig : IEntityTypeConfiguration<MeasureAggregation>
{
    public void Configure(EntityTypeBuilder<MeasureAggregation> e)
    {
        e.HasKey(x => x.MeasureId);
        e.Property(x => x.MeasureId).ValueGeneratedNever();
        e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Data.TargetMeasure>().WithOne().HasForeignKey<MeasureAggregation>(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ProvinceActualConfig : IEntityTypeConfiguration<ProvinceActual>
{
    public void Configure(EntityTypeBuilder<ProvinceActual> e)
    {
        e.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Data.TargetMeasure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PeriodId, x.MeasureId }).IsUnique();
        e.HasIndex(x => x.MeasureId);
    }
}

sealed class ReportVersionConfig : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> e)
    {
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.UserName).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Comment).HasMaxLength(Limits.LongText);
        e.HasOne<AgencyReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ReportId, x.Number }).IsUnique();
    }
}
