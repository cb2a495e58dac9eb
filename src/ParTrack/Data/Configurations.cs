using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParTrack.Data;

/// <summary>Length limits shared by validation and the schema.</summary>
/// <summary>
/// The one set of text lengths: the entity configurations give them to the database (HasMaxLength) and the
/// handlers check input against them with <see cref="TooLong"/> before saving, so a text over its limit is a
/// message, never a truncation or a database error.
/// </summary>
public static class Limits
{
    public const int Name = 300, ShortText = 100, Code = 20, Text = 4000, LongText = 20000;

    static readonly System.Globalization.CultureInfo Vietnamese = new("vi-VN");

    /// <summary>The Vietnamese message when <paramref name="text"/> is longer than <paramref name="max"/>, else null.</summary>
    public static string? TooLong(string label, string? text, int max) => text is { } t && t.Length > max
        ? string.Format(Vietnamese, "{0} dài {1:N0} ký tự, quá giới hạn {2:N0} ký tự. Hãy rút gọn (phần chi tiết có thể đưa vào tệp minh chứng) rồi lưu lại. Chưa có gì được lưu.",
            label, t.Length, max)
        : null;

    /// <summary>Adds the message for an over-long text to <paramref name="errors"/> under <paramref name="key"/>.</summary>
    public static void Check(IDictionary<string, string> errors, string key, string label, string? text, int max)
    {
        if (TooLong(label, text, max) is { } message) errors[key] = message;
    }
}

sealed class AgencyConfig : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.ShortName).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Aliases).WithOne().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Name);
    }
}

sealed class AgencyGroupConfig : IEntityTypeConfiguration<AgencyGroup>
{
    public void Configure(EntityTypeBuilder<AgencyGroup> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.MemberKinds).HasMaxLength(Limits.Name);
        e.Property(x => x.MemberLevel).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Aliases).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AgencyAliasConfig : IEntityTypeConfiguration<AgencyAlias>
{
    public void Configure(EntityTypeBuilder<AgencyAlias> e)
    {
        e.Property(x => x.Text).HasMaxLength(Limits.Name);
        e.Property(x => x.Key).HasMaxLength(Limits.Name);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.CreatedBy).HasMaxLength(Limits.ShortText);
    }
}

sealed class AgencyScopedAliasConfig : IEntityTypeConfiguration<AgencyScopedAlias>
{
    public void Configure(EntityTypeBuilder<AgencyScopedAlias> e)
    {
        e.Property(x => x.Text).HasMaxLength(Limits.Name);
        e.Property(x => x.Key).HasMaxLength(Limits.Name);
        e.Property(x => x.CreatedBy).HasMaxLength(Limits.ShortText);
        e.HasIndex(x => new { x.OwnerAgencyId, x.Key }).IsUnique();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.OwnerAgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AgencyGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class IntegrationTokenConfig : IEntityTypeConfiguration<IntegrationToken>
{
    public void Configure(EntityTypeBuilder<IntegrationToken> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.ShortText);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => x.SecretHash).IsUnique();
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class UserConfig : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.Property(x => x.UserName).HasMaxLength(Limits.ShortText);
        e.Property(x => x.DisplayName).HasMaxLength(Limits.Name);
        e.Property(x => x.PasswordHash).HasMaxLength(500);
        e.Property(x => x.SecurityStamp).HasMaxLength(40);
        e.Property(x => x.TwoFactorKey).HasMaxLength(500);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.UserName).IsUnique();
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AuditEntryConfig : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.UserName).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Entity).HasMaxLength(Limits.ShortText);
        e.Property(x => x.EntityId).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Action).HasMaxLength(40);
        e.HasIndex(x => x.AtUtc);
    }
}

sealed class PlanConfig : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.Property(x => x.Title).HasMaxLength(Limits.Text);
        e.Property(x => x.Number).HasMaxLength(Limits.ShortText);
        e.Property(x => x.DocumentType).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Issuer).HasMaxLength(Limits.Name);
        e.Property(x => x.Place).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Signer).HasMaxLength(Limits.Name);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ContentHash).HasMaxLength(64);
        e.Property(x => x.EndReason).HasMaxLength(Limits.Text);
        e.HasIndex(x => x.ContentHash);
        // ReplacesPlanId has no foreign key: the plan it names is archived, and archived plans are never deleted.
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.ParentPlan).WithMany().HasForeignKey(x => x.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.OwnerAgency).WithMany().HasForeignKey(x => x.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Areas).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Activities).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ParentPlanId, x.OwnerAgencyId });
    }
}

sealed class PlanAreaConfig : IEntityTypeConfiguration<PlanArea>
{
    public void Configure(EntityTypeBuilder<PlanArea> e)
    {
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.Title).HasMaxLength(Limits.Text);
    }
}

sealed class PlanTargetConfig : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> e)
    {
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.Text).HasMaxLength(Limits.LongText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Measures).WithOne().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TargetMeasureConfig : IEntityTypeConfiguration<TargetMeasure>
{
    public void Configure(EntityTypeBuilder<TargetMeasure> e)
    {
        e.Property(x => x.Level).HasMaxLength(20);
        e.Property(x => x.Comparator).HasMaxLength(20);
        e.Property(x => x.Unit).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Value).HasPrecision(18, 4);
    }
}

sealed class PlanTaskConfig : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.Text).HasMaxLength(Limits.LongText);
        e.Property(x => x.TargetCodes).HasMaxLength(Limits.Name);
        e.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ActivityConfig : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.Property(x => x.Text).HasMaxLength(Limits.LongText);
        e.Property(x => x.Outputs).HasMaxLength(Limits.LongText);
        e.Property(x => x.DueText).HasMaxLength(Limits.Text);
        e.Property(x => x.DueKind).HasMaxLength(20);
        e.Property(x => x.Budget).HasMaxLength(Limits.Text);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.CancelReason).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanId, x.Order });
        e.HasIndex(x => x.SourceActivityId);
    }
}

sealed class AssignmentConfig : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.Text);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.MovedToAgencyId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.AgencyId, x.Role });
    }
}

sealed class FormSubmissionConfig : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> e)
    {
        e.Property(x => x.Key).HasMaxLength(Limits.ShortText);
        e.Property(x => x.UserName).HasMaxLength(Limits.ShortText);
        e.Property(x => x.ResultUrl).HasMaxLength(Limits.Name);
        e.HasIndex(x => x.Key).IsUnique();
    }
}
