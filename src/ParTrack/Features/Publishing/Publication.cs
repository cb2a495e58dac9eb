using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Publishing;

/// <summary>
/// One "công bố" of a dataset item (a plan's progress for a period, a PAR round's results…) on the public site.
/// The table is frozen at publication (<see cref="TableJson"/>): what citizens read does not change silently when
/// a report is accepted later; the coordinator republishes to update, which withdraws this row with a reason.
/// Only rows without <see cref="WithdrawnAtUtc"/> are ever read for the public.
/// </summary>
public sealed class Publication : IVersioned
{
    public int Id { get; set; }
    /// <summary>The IPublicDataset kind ("plan-progress", "par-index", …).</summary>
    public string Kind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    /// <summary>The dataset's title and the item's label at publication, as the public site shows them.</summary>
    public string DatasetTitle { get; set; } = "";
    public string Label { get; set; } = "";
    public DateOnly? PeriodEnd { get; set; }
    /// <summary>The PublicTable as JSON (columns and rows), exactly as published.</summary>
    public string TableJson { get; set; } = "";
    /// <summary>SHA-256 of <see cref="TableJson"/>: the ETag of every public answer made from it.</summary>
    public string Sha256 { get; set; } = "";
    public DateTime PublishedAtUtc { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawnReason { get; set; }
    public Guid Version { get; set; }
}

sealed class PublicationConfig : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> e)
    {
        e.ToTable("Publications");
        e.Property(x => x.Kind).HasMaxLength(Publications.KeyLength);
        e.Property(x => x.ItemKey).HasMaxLength(Publications.KeyLength);
        e.Property(x => x.DatasetTitle).HasMaxLength(Limits.Name);
        e.Property(x => x.Label).HasMaxLength(Limits.Name);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.PublishedBy).HasMaxLength(Limits.ShortText);
        e.Property(x => x.WithdrawnBy).HasMaxLength(Limits.ShortText);
        e.Property(x => x.WithdrawnReason).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.Kind, x.ItemKey });
    }
}
