using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;
using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// One one-stop dossier (hồ sơ TTHC), unique by <see cref="Source"/> and <see cref="Code"/>: importing the same code
/// from the same source again replaces it. Written by set-based upserts (<see cref="DossierImporter"/>), not by
/// tracked saves, so a million rows do not become a million audit entries; the import itself is audited
/// (<see cref="DossierImport"/>). Enums are stored as small integers: they are grouped and filtered a million times.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }
    /// <summary>Which one-stop system sent it ("motcua" by default), so two systems' codes never collide.</summary>
    public string Source { get; set; } = "";
    public string Code { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string? ProcedureName { get; set; }
    public string? Field { get; set; }
    /// <summary>The body the row named, as resolved in the registry (a merged body's successor is found at query time).</summary>
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public AdminLevel Level { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>DueOn + SuspendedDays, stored so the deadline comparisons are plain column comparisons.</summary>
    public DateOnly? EffectiveDueOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public Channel Channel { get; set; }
    public ServiceLevel ServiceLevel { get; set; }
    public bool FeeRequired { get; set; }
    public bool PaidOnline { get; set; }
    public bool DigitisedInputs { get; set; }
    public bool DigitisedResult { get; set; }
    public DossierStatus Status { get; set; }
    public int SuspendedDays { get; set; }
    public DateTime ImportedUtc { get; set; }
}

/// <summary>One import (file upload, CLI or API push): what came in, from whom. Audited like any entity.</summary>
public sealed class DossierImport
{
    public int Id { get; set; }
    public string Source { get; set; } = "";
    public string? FileName { get; set; }
    public string UserName { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public long Taken { get; set; }
    public long Refused { get; set; }
    public long Replaced { get; set; }
    /// <summary>
    /// The refused rows kept for the summary (JSON [{ "Line": 7, "Reason": "…" }], at most <see cref="FileKpis.KeptRefusals"/>).
    /// Written after the audited save, so the audit log holds the counts, not a thousand reasons.
    /// </summary>
    public string? RefusedJson { get; set; }
}

/// <summary>How a source's export names its columns (its header key → canonical name), saved at the upload's mapping step.</summary>
public sealed class DossierSource : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>JSON object { "mã hồ sơ": "dossier_code", … } (header keys as <see cref="DossierColumns.Key"/> normalises them).</summary>
    public string MappingJson { get; set; } = "{}";
    public Guid Version { get; set; }
}

sealed class DossierConfig : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> e)
    {
        e.ToTable("Dossiers");
        e.Property(x => x.Source).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Code).HasMaxLength(Limits.ShortText);
        e.Property(x => x.ProcedureCode).HasMaxLength(Limits.ShortText);
        e.Property(x => x.ProcedureName).HasMaxLength(Limits.Text);
        e.Property(x => x.Field).HasMaxLength(Limits.Name);
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // The upsert's conflict target (source + code).
        e.HasIndex(x => new { x.Source, x.Code }).IsUnique();
        // The KPIs read the day counters (DossierDay), not these rows; what still reads dossiers is one agency's
        // drill-down (by procedure, the late list) and the survey's frame (resolved in a window). Every index costs
        // the import a B-tree insert per row, so only these two are kept.
        e.HasIndex(x => new { x.AgencyId, x.ReceivedOn });
        e.HasIndex(x => new { x.ResolvedOn, x.AgencyId });
    }
}

sealed class DossierImportConfig : IEntityTypeConfiguration<DossierImport>
{
    public void Configure(EntityTypeBuilder<DossierImport> e)
    {
        e.ToTable("DossierImports");
        e.Property(x => x.Source).HasMaxLength(Limits.ShortText);
        e.Property(x => x.FileName).HasMaxLength(Limits.Name);
        e.Property(x => x.UserName).HasMaxLength(Limits.ShortText);
    }
}

sealed class DossierSourceConfig : IEntityTypeConfiguration<DossierSource>
{
    public void Configure(EntityTypeBuilder<DossierSource> e)
    {
        e.ToTable("DossierSources");
        e.Property(x => x.Name).HasMaxLength(Limits.ShortText);
        e.Property(x => x.MappingJson).HasMaxLength(Limits.Text);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
