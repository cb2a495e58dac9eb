using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Complaints;

/// <summary>A complaint received by an agency (khiếu nại).</summary>
public sealed class Complaint : IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public Guid Version { get; set; }
}

sealed class ComplaintConfig : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> e)
    {
        e.ToTable("Complaints");
        e.Property(x => x.Title).HasMaxLength(Limits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId);
        e.HasIndex(x => x.AgencyId);
    }
}
