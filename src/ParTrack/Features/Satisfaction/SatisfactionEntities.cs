using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Satisfaction;

// Citizen satisfaction surveys (khảo sát sự hài lòng, DOMAIN §9). Rules live in ParTrack.Domain.Satisfaction;
// these rows store what coordinators set up and what respondents answered. Answers carry nothing that
// identifies a respondent: no name, phone, IP, time of day or invitation (IAnonymousRecord keeps them out of
// the audit log too, which would otherwise copy them with a timestamp).

/// <summary>Draft (being designed) → Open (collecting) → Closed → Published (results frozen with their formula).</summary>
public enum CampaignState { Draft, Open, Closed, Published }

public enum ResponseMode { Online, Paper, Phone }

/// <summary>Đợt khảo sát: a year, its units, window, questionnaire, weights and sampling.</summary>
public sealed class SurveyCampaign : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public CampaignState State { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The index formula's version (Domain IndexFormula.Version), kept with every result.</summary>
    public string MethodVersion { get; set; } = "";
    /// <summary>Comma-separated <see cref="ResponseMode"/> names the campaign collects by.</summary>
    public string Modes { get; set; } = "Online,Paper";
    /// <summary>The Domain's Questionnaire as JSON; Revision counts saved edits (the audit log keeps each one).</summary>
    public string QuestionnaireJson { get; set; } = "";
    public int QuestionnaireRevision { get; set; } = 1;
    /// <summary>Factor key → weight, JSON; empty weighs factors equally.</summary>
    public string WeightsJson { get; set; } = "{}";
    public int MinResponses { get; set; } = 30;
    /// <summary>e in n = N/(1+N·e²); used when FixedQuota is null.</summary>
    public decimal Margin { get; set; } = 0.05m;
    public int? FixedQuota { get; set; }
    /// <summary>The seed of the last invitation draw, so it can be repeated.</summary>
    public long? Seed { get; set; }
    /// <summary>Paper forms count only once a second person has entered the same answers.</summary>
    public bool DoubleEntry { get; set; }
    /// <summary>The short code of the campaign's public link /ks/{code}.</summary>
    public string Code { get; set; } = "";
    /// <summary>The published results (Domain IndexResult as JSON, with the formula text), frozen at publication.</summary>
    public string? ResultsJson { get; set; }
    public List<SurveyUnit> Units { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A unit in a campaign's scope, its desk QR code and its sample.</summary>
public sealed class SurveyUnit : IVersioned
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public SurveyCampaign? Campaign { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>The code of the desk poster: /ks/{DeskCode} takes one response per dossier code entered.</summary>
    public string DeskCode { get; set; } = "";
    /// <summary>N: the dossiers in the sampling frame.</summary>
    public int Population { get; set; }
    /// <summary>n: the answers wanted.</summary>
    public int Quota { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Not written to the audit log: an audit row would tie anonymous answers to a moment and a user.</summary>
public interface IAnonymousRecord;

/// <summary>An invitation drawn from the frame: /ks/{Code} takes one response.</summary>
public sealed class SurveyInvitation : IAnonymousRecord
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The dossier it was drawn for (printed on the receipt), never copied to the response.</summary>
    public string DossierCode { get; set; } = "";
    public bool Used { get; set; }
}

/// <summary>A dossier code already answered for at a desk (its hash: the code itself is not kept).</summary>
public sealed class SurveyDossierClaim : IAnonymousRecord
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public string DossierHash { get; set; } = "";
}

/// <summary>One anonymous response: the day (no time), how it came, optional age group/gender/occupation, the answers.</summary>
public sealed class SurveyResponse : IAnonymousRecord
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public ResponseMode Mode { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public string? AgeGroup { get; set; }
    public string? Gender { get; set; }
    public string? Occupation { get; set; }
    /// <summary>Question key → level (1–5) or chosen options, JSON.</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>The number written on a paper form (for the double-entry check), null online.</summary>
    public string? PaperNumber { get; set; }
    /// <summary>False for a paper form entered once while the campaign asks for double entry.</summary>
    public bool Verified { get; set; } = true;
}

sealed class SurveyCampaignConfig : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> e)
    {
        e.ToTable("SurveyCampaigns");
        e.Property(x => x.Title).HasMaxLength(Limits.Name);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.MethodVersion).HasMaxLength(Limits.ShortText);
        e.Property(x => x.Modes).HasMaxLength(Limits.ShortText);
        e.Property(x => x.QuestionnaireJson).HasMaxLength(Limits.LongText * 5);
        e.Property(x => x.WeightsJson).HasMaxLength(Limits.Text);
        e.Property(x => x.Margin).HasPrecision(6, 4);
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Units).WithOne(x => x.Campaign).HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyUnitConfig : IEntityTypeConfiguration<SurveyUnit>
{
    public void Configure(EntityTypeBuilder<SurveyUnit> e)
    {
        e.ToTable("SurveyUnits");
        e.Property(x => x.DeskCode).HasMaxLength(Limits.Code);
        e.HasIndex(x => x.DeskCode).IsUnique();
        e.HasIndex(x => new { x.CampaignId, x.AgencyId }).IsUnique();
        e.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class SurveyInvitationConfig : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> e)
    {
        e.ToTable("SurveyInvitations");
        e.Property(x => x.Code).HasMaxLength(Limits.Code);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.DossierCode).HasMaxLength(Limits.ShortText);
        e.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SurveyUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class SurveyDossierClaimConfig : IEntityTypeConfiguration<SurveyDossierClaim>
{
    public void Configure(EntityTypeBuilder<SurveyDossierClaim> e)
    {
        e.ToTable("SurveyDossierClaims");
        e.Property(x => x.DossierHash).HasMaxLength(64);
        // The database, not a check-then-insert, keeps one response per dossier code when two arrive at once.
        e.HasIndex(x => new { x.CampaignId, x.DossierHash }).IsUnique();
        e.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SurveyResponseConfig : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        e.ToTable("SurveyResponses");
        e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.AgeGroup).HasMaxLength(40);
        e.Property(x => x.Gender).HasMaxLength(40);
        e.Property(x => x.Occupation).HasMaxLength(Limits.ShortText);
        e.Property(x => x.AnswersJson).HasMaxLength(Limits.LongText);
        e.Property(x => x.PaperNumber).HasMaxLength(Limits.Code);
        e.HasIndex(x => new { x.CampaignId, x.UnitId });
        e.HasOne<SurveyCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SurveyUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
