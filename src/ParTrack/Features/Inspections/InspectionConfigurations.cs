using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Inspections;

sealed class InspectionProgrammeConfig : IEntityTypeConfiguration<InspectionProgramme>
{
    public void Configure(EntityTypeBuilder<InspectionProgramme> e)
    {
        e.Property(x => x.Title).HasMaxLength(Limits.Name);
        e.Property(x => x.LegalBasis).HasMaxLength(Limits.Text);
        e.Property(x => x.ContentAreas).HasMaxLength(Limits.Text);
        e.Property(x => x.Kinds).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Checklist).HasMaxLength(Limits.Text);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<TargetMeasure>().WithMany().HasForeignKey(x => x.TargetMeasureId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Rounds).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Year);
    }
}

sealed class InspectionTargetConfig : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Value).HasPrecision(9, 2);
        e.HasOne<AgencyGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgrammeId, x.GroupId }).IsUnique();
    }
}

sealed class InspectionRoundConfig : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.DecisionNumber).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class InspectionTeamMemberConfig : IEntityTypeConfiguration<InspectionTeamMember>
{
    public void Configure(EntityTypeBuilder<InspectionTeamMember> e)
    {
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.AgencyName).HasMaxLength(Limits.Name);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.UserId);
    }
}

sealed class InspectionDrawRecordConfig : IEntityTypeConfiguration<InspectionDrawRecord>
{
    public void Configure(EntityTypeBuilder<InspectionDrawRecord> e)
    {
        e.ToTable("InspectionDraws");
        e.Property(x => x.Candidates).HasMaxLength(Limits.LongText);
        e.Property(x => x.Drawn).HasMaxLength(Limits.Text);
        e.Property(x => x.By).HasMaxLength(Limits.ShortText);
        e.HasOne<InspectionProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class InspectionConfig : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.DocumentsToPrepare).HasMaxLength(Limits.Text);
        e.Property(x => x.SampledDossiers).HasMaxLength(Limits.Text);
        e.Property(x => x.Attendees).HasMaxLength(Limits.Text);
        e.Property(x => x.ConclusionNumber).HasMaxLength(Limits.ShortText);
        e.Property(x => x.ConclusionSigner).HasMaxLength(Limits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<InspectionRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<InspectionDrawRecord>().WithMany().HasForeignKey(x => x.DrawId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Observations).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Findings).WithOne(x => x.Inspection).HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgrammeId, x.AgencyId }).IsUnique();
        e.HasIndex(x => x.AgencyId);
    }
}

sealed class InspectionObservationConfig : IEntityTypeConfiguration<InspectionObservation>
{
    public void Configure(EntityTypeBuilder<InspectionObservation> e)
    {
        e.Property(x => x.Item).HasMaxLength(Limits.Name);
        e.Property(x => x.Note).HasMaxLength(Limits.Text);
    }
}

sealed class InspectionDocumentConfig : IEntityTypeConfiguration<InspectionDocument>
{
    public void Configure(EntityTypeBuilder<InspectionDocument> e)
    {
        e.Property(x => x.Requirement).HasMaxLength(Limits.Name);
        e.Property(x => x.FileName).HasMaxLength(Limits.Name);
        e.Property(x => x.ContentType).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(Limits.ShortText);
    }
}

sealed class InspectionFindingConfig : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> e)
    {
        e.Property(x => x.Area).HasMaxLength(Limits.Name);
        e.Property(x => x.Criterion).HasMaxLength(Limits.Code);
        e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Found).HasMaxLength(Limits.Text);
        e.Property(x => x.RequiredRemedy).HasMaxLength(Limits.Text);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RemedyReport).HasMaxLength(Limits.Text);
        e.Property(x => x.EvidenceFileName).HasMaxLength(Limits.Name);
        e.Property(x => x.EvidenceContentType).HasMaxLength(Limits.ShortText);
        e.Property(x => x.EvidenceSha256).HasMaxLength(64);
        e.Property(x => x.ReturnReason).HasMaxLength(Limits.Text);
        e.Property(x => x.VerifiedBy).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ResponsibleAgencyId);
    }
}

sealed class InspectionTemplateConfig : IEntityTypeConfiguration<InspectionTemplate>
{
    public void Configure(EntityTypeBuilder<InspectionTemplate> e)
    {
        e.Property(x => x.Kind).HasMaxLength(Limits.Code);
        e.Property(x => x.Text).HasMaxLength(Limits.LongText);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Kind).IsUnique();
    }
}
