using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Satisfaction;

/// <summary>
/// A per-dossier rating from the one-stop system (đánh giá việc giải quyết hồ sơ), one per dossier code: a
/// re-upload replaces it. Scored when it arrives under the scheme then in force (<see cref="SchemeId"/>), so a later
/// change of bands does not silently rewrite what was reported.
/// </summary>
public sealed class DossierRating : IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string DossierCode { get; set; } = "";
    public DateOnly RatedOn { get; set; }
    /// <summary>Points per criterion, comma-separated in criterion order; empty when only the total was sent.</summary>
    public string Points { get; set; } = "";
    public decimal Total { get; set; }
    public string Band { get; set; } = "";
    /// <summary>"upload" or "api".</summary>
    public string Source { get; set; } = "";
    /// <summary>The scheme version the total was banded under (null for rows stored before schemes were versioned).</summary>
    public int? SchemeId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// One version of the rating scheme (criteria with points, bands with thresholds). Never edited: a change saves a
/// new version, and the highest <see cref="Number"/> is in force. Without any row the Domain's default (9 × 2) is.
/// </summary>
public sealed class RatingSchemeVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    /// <summary>The Domain RatingScheme as JSON.</summary>
    public string SchemeJson { get; set; } = "";
    public DateTime SavedUtc { get; set; }
    public string SavedBy { get; set; } = "";
}

sealed class DossierRatingConfig : IEntityTypeConfiguration<DossierRating>
{
    public void Configure(EntityTypeBuilder<DossierRating> e)
    {
        e.ToTable("DossierRatings");
        e.Property(x => x.DossierCode).HasMaxLength(Limits.ShortText);
        e.HasIndex(x => x.DossierCode).IsUnique();
        // Figures are per agency and month of the rating day.
        e.HasIndex(x => new { x.AgencyId, x.RatedOn });
        e.Property(x => x.Points).HasMaxLength(Limits.ShortText * 3);
        e.Property(x => x.Total).HasPrecision(8, 2);
        e.Property(x => x.Band).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Source).HasMaxLength(20);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RatingSchemeVersion>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class RatingSchemeVersionConfig : IEntityTypeConfiguration<RatingSchemeVersion>
{
    public void Configure(EntityTypeBuilder<RatingSchemeVersion> e)
    {
        e.ToTable("RatingSchemes");
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.SchemeJson).HasMaxLength(Limits.Text * 4);
        e.Property(x => x.SavedBy).HasMaxLength(Limits.ShortText);
    }
}
