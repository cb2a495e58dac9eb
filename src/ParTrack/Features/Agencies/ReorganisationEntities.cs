using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>Sáp nhập (several bodies become one), chia tách (one becomes several), đổi tên (a new name from a day).</summary>
public enum ChangeKind { Merge, Split, Rename }

/// <summary>
/// One reorganisation of the registry (sắp xếp tổ chức bộ máy): which bodies ceased, which carry their
/// work, from which day and on what decision. The registry rows keep the state (valid-from/valid-to and
/// successors); this keeps the story, for the registry page and the sign-in message of moved accounts.
/// </summary>
public sealed class AgencyChange
{
    public int Id { get; set; }
    public ChangeKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    /// <summary>The decision and what it moved ("Quyết định số 25/QĐ-UBND; bảo trợ xã hội sang Sở Y tế").</summary>
    public string? Note { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public List<AgencyChangePart> Parts { get; set; } = [];
}

/// <summary>One arrow of a change: this body's work goes to that one (a merge has one per merged body, a split one per successor).</summary>
public sealed class AgencyChangePart
{
    public int Id { get; set; }
    public int ChangeId { get; set; }
    public int FromAgencyId { get; set; }
    public Agency? FromAgency { get; set; }
    public int ToAgencyId { get; set; }
    public Agency? ToAgency { get; set; }
}

/// <summary>
/// An account the change moved to the successor (ToAgencyId set) or deactivated (null), so its user is
/// told why at the next sign-in. <see cref="SeenAtUtc"/>: when a moved user was told (a deactivated one is told every time).
/// </summary>
public sealed class AccountMove
{
    public int Id { get; set; }
    public int ChangeId { get; set; }
    public AgencyChange? Change { get; set; }
    public int UserId { get; set; }
    public int FromAgencyId { get; set; }
    public Agency? FromAgency { get; set; }
    public int? ToAgencyId { get; set; }
    public Agency? ToAgency { get; set; }
    public DateTime? SeenAtUtc { get; set; }
}

sealed class AgencyChangeConfig : IEntityTypeConfiguration<AgencyChange>
{
    public void Configure(EntityTypeBuilder<AgencyChange> e)
    {
        e.ToTable("AgencyChanges");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(Limits.Text);
        e.Property(x => x.UserName).HasMaxLength(100);
        e.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.EffectiveOn);
    }
}

sealed class AgencyChangePartConfig : IEntityTypeConfiguration<AgencyChangePart>
{
    public void Configure(EntityTypeBuilder<AgencyChangePart> e)
    {
        e.ToTable("AgencyChangeParts");
        e.HasOne(x => x.FromAgency).WithMany().HasForeignKey(x => x.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ToAgency).WithMany().HasForeignKey(x => x.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AccountMoveConfig : IEntityTypeConfiguration<AccountMove>
{
    public void Configure(EntityTypeBuilder<AccountMove> e)
    {
        e.ToTable("AccountMoves");
        e.HasOne(x => x.Change).WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.FromAgency).WithMany().HasForeignKey(x => x.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ToAgency).WithMany().HasForeignKey(x => x.ToAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
