using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.ParIndex;

// The PAR Index (Chỉ số CCHC) tables. Scoring rules live in ParTrack.Domain.ParIndex; these rows only
// store what people entered. Sets are stored as the Domain's JSON so the tree stays one value.

/// <summary>
/// A group units are ranked in; each has its own criteria set per year. Three are built in
/// (departments, district and commune committees); coordinators add others (ParGroupRow), whose key is
/// their name. Stored as its key, so the tables hold one text column for both kinds.
/// </summary>
[System.ComponentModel.TypeConverter(typeof(ParUnitGroupConverter))]
public readonly record struct ParUnitGroup(string Key) : IComparable<ParUnitGroup>
{
    public static readonly ParUnitGroup Department = new("Department");
    public static readonly ParUnitGroup District = new("District");
    public static readonly ParUnitGroup Commune = new("Commune");
    public static readonly IReadOnlyList<ParUnitGroup> BuiltIn = [Department, District, Commune];

    public bool IsBuiltIn => BuiltIn.Contains(this);

    // Built-in groups first in their usual order, then configured groups by name.
    int Order => Key == Department.Key ? 0 : Key == District.Key ? 1 : Key == Commune.Key ? 2 : 3;

    public int CompareTo(ParUnitGroup other) =>
        Order != other.Order ? Order.CompareTo(other.Order) : string.CompareOrdinal(Key, other.Key);

    public override string ToString() => Key ?? "";

    /// <summary>A key safe in HTML ids (configured names hold spaces and accents).</summary>
    public string HtmlId => IsBuiltIn ? Key : "g-" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key ?? "")))[..8];
}

public sealed class ParUnitGroupConverter : System.ComponentModel.TypeConverter
{
    public override bool CanConvertFrom(System.ComponentModel.ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(System.ComponentModel.ITypeDescriptorContext? context, System.Globalization.CultureInfo? culture, object value) =>
        value is string s ? new ParUnitGroup(s.Trim()) : base.ConvertFrom(context, culture, value);
}

/// <summary>A group configured by a coordinator ("Cơ quan Trung ương"): its name and the agency kinds it holds.</summary>
public sealed class ParGroupRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Comma-separated <see cref="AgencyKind"/> names.</summary>
    public string MemberKinds { get; set; } = "";

    public IReadOnlyList<AgencyKind> Kinds() =>
        MemberKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<AgencyKind>(k, out var kind) ? kind : (AgencyKind?)null).OfType<AgencyKind>().ToList();
}

/// <summary>Steps of a round, opened one after another by a coordinator.</summary>
public enum RoundStage { Draft, SelfAssessment, Appraisal, Clarification, Review, Published }

public enum AssessmentStatus { Draft, Submitted }

/// <summary>Bộ tiêu chí of one year and one group. Revision counts saved edits (the audit log keeps each one).</summary>
public sealed class ParCriteriaSetRow : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public ParUnitGroup Group { get; set; }
    public string Title { get; set; } = "";
    public int Revision { get; set; } = 1;
    public string Json { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Đợt đánh giá: one year, its schedule and the current step.</summary>
public sealed class ParRound : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public RoundStage Stage { get; set; }
    public DateOnly SelfAssessmentDeadline { get; set; }
    public DateOnly AppraisalStart { get; set; }
    public DateOnly AppraisalEnd { get; set; }
    public DateOnly ClarificationStart { get; set; }
    public DateOnly ClarificationEnd { get; set; }
    public DateOnly PublishOn { get; set; }
    /// <summary>False: survey sub-criteria are left out and the index is computed on the rest.</summary>
    public bool SurveyIncluded { get; set; } = true;
    public List<ParAssessment> Assessments { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>One unit's assessment in a round (its self-assessment, the appraisal and survey points).</summary>
public sealed class ParAssessment : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ParRound? Round { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public ParUnitGroup Group { get; set; }
    public int SetId { get; set; }
    public ParCriteriaSetRow? Set { get; set; }
    public AssessmentStatus Status { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>Comma-separated codes (area, criterion or sub-criterion) that do not apply to this unit.</summary>
    public string Excluded { get; set; } = "";
    public List<ParScore> Scores { get; set; } = [];
    public List<ParEvidence> Evidence { get; set; } = [];
    public Guid Version { get; set; }

    public IReadOnlySet<string> ExcludedCodes() =>
        Excluded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Scores of one sub-criterion for one unit: self, appraised (with reason), clarification, survey.</summary>
public sealed class ParScore : IVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public string Code { get; set; } = "";
    public decimal? SelfPoints { get; set; }
    public string? Explanation { get; set; }
    public decimal? AppraisedPoints { get; set; }
    public string? AppraisalReason { get; set; }
    /// <summary>Giải trình: the unit's one answer to an appraiser's change.</summary>
    public string? Clarification { get; set; }
    public decimal? SurveyPoints { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// Tài liệu kiểm chứng. Either an uploaded file (stored once under the data folder by its SHA-256) or a
/// file already submitted in a progress report: the same hash plus ReportId, deliberately without a
/// foreign key so the reporting tables can evolve on their own.
/// </summary>
public sealed class ParEvidence
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public string Code { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public int? ReportId { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>A plan activity that serves a criterion (by code) of a year's sets.</summary>
public sealed class ParCriterionActivity
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Code { get; set; } = "";
    public int ActivityId { get; set; }
}

sealed class ParGroupRowConfig : IEntityTypeConfiguration<ParGroupRow>
{
    public void Configure(EntityTypeBuilder<ParGroupRow> e)
    {
        e.ToTable("ParGroups");
        e.Property(x => x.Name).HasMaxLength(ParGroups.NameLength);
        e.Property(x => x.MemberKinds).HasMaxLength(Limits.Name);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

sealed class ParCriteriaSetRowConfig : IEntityTypeConfiguration<ParCriteriaSetRow>
{
    public void Configure(EntityTypeBuilder<ParCriteriaSetRow> e)
    {
        e.ToTable("ParCriteriaSets");
        e.Property(x => x.Group).HasConversion(g => g.Key, k => new ParUnitGroup(k)).HasMaxLength(ParGroups.NameLength);
        e.Property(x => x.Title).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Year, x.Group }).IsUnique();
    }
}

sealed class ParRoundConfig : IEntityTypeConfiguration<ParRound>
{
    public void Configure(EntityTypeBuilder<ParRound> e)
    {
        e.ToTable("ParRounds");
        e.Property(x => x.Title).HasMaxLength(Limits.Text);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Assessments).WithOne(x => x.Round).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Year);
    }
}

sealed class ParAssessmentConfig : IEntityTypeConfiguration<ParAssessment>
{
    public void Configure(EntityTypeBuilder<ParAssessment> e)
    {
        e.ToTable("ParAssessments");
        e.Property(x => x.Group).HasConversion(g => g.Key, k => new ParUnitGroup(k)).HasMaxLength(ParGroups.NameLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Excluded).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Set).WithMany().HasForeignKey(x => x.SetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoundId, x.AgencyId }).IsUnique();
    }
}

sealed class ParScoreConfig : IEntityTypeConfiguration<ParScore>
{
    public void Configure(EntityTypeBuilder<ParScore> e)
    {
        e.ToTable("ParScores");
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.SelfPoints).HasPrecision(9, 2);
        e.Property(x => x.AppraisedPoints).HasPrecision(9, 2);
        e.Property(x => x.SurveyPoints).HasPrecision(9, 2);
        e.Property(x => x.Explanation).HasMaxLength(Limits.Text);
        e.Property(x => x.AppraisalReason).HasMaxLength(Limits.Text);
        e.Property(x => x.Clarification).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.AssessmentId, x.Code }).IsUnique();
    }
}

sealed class ParEvidenceConfig : IEntityTypeConfiguration<ParEvidence>
{
    public void Configure(EntityTypeBuilder<ParEvidence> e)
    {
        e.ToTable("ParEvidence");
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.FileName).HasMaxLength(Limits.Name);
        e.Property(x => x.ContentType).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => new { x.AssessmentId, x.Code });
        e.HasIndex(x => x.Sha256);
    }
}

sealed class ParCriterionActivityConfig : IEntityTypeConfiguration<ParCriterionActivity>
{
    public void Configure(EntityTypeBuilder<ParCriterionActivity> e)
    {
        e.ToTable("ParCriterionActivities");
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.Year, x.Code, x.ActivityId }).IsUnique();
        e.HasIndex(x => x.ActivityId);
    }
}
