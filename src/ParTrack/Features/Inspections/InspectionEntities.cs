using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;
using ParTrack.Domain.Inspections;

namespace ParTrack.Features.Inspections;

// Kiểm tra công tác CCHC (DOMAIN §8): the year's programme, its rounds and teams, each inspection of a unit
// with its notice, minutes and conclusion, and the findings followed to a verified remedy. Rules (coverage,
// draw, deadlines, rate) live in ParTrack.Domain.Inspections; these rows only store what people entered.

/// <summary>Hình thức kiểm tra.</summary>
public enum InspectionKind { Comprehensive, Thematic, Surprise, RecordsAndReports }

public enum FindingSeverity { Minor, Moderate, Serious }

/// <summary>Kế hoạch kiểm tra of one year.</summary>
public sealed class InspectionProgramme : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Căn cứ: the plan and decisions the programme rests on.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>Nội dung kiểm tra, one per line: the reform areas and free thematic topics.</summary>
    public string ContentAreas { get; set; } = "";
    /// <summary>Comma-separated <see cref="InspectionKind"/> names.</summary>
    public string Kinds { get; set; } = "";
    /// <summary>Checklist of the minutes, one item per line (e.g. the PAR Index criteria of areas 1–7).</summary>
    public string Checklist { get; set; } = "";
    /// <summary>A draw leaves out units inspected in this many years before the programme's year.</summary>
    public int RecentYears { get; set; } = 2;
    /// <summary>Remedy deadline: the conclusion date plus this many days (DOMAIN §8: "about 15", a setting).</summary>
    public int RemedyDays { get; set; } = Remedies.DefaultDays;
    /// <summary>The plan's inspection target ("kiểm tra trên 30% …") this programme answers, when there is one.</summary>
    public int? TargetMeasureId { get; set; }
    public List<InspectionTarget> Targets { get; set; } = [];
    public List<InspectionRound> Rounds { get; set; } = [];
    public Guid Version { get; set; }

    public IReadOnlyList<InspectionKind> KindList() =>
        Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<InspectionKind>(k, out var kind) ? kind : (InspectionKind?)null).OfType<InspectionKind>().ToList();

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Chỉ tiêu kiểm tra of one agency group: a count or a percentage of its units.</summary>
public sealed class InspectionTarget
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int GroupId { get; set; }
    public TargetKind Kind { get; set; }
    public decimal Value { get; set; }
}

/// <summary>Đợt kiểm tra with its dates and the team decided for it (quyết định thành lập đoàn).</summary>
public sealed class InspectionRound : IVersioned
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public List<InspectionTeamMember> Members { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>A member of a round's team: an account (who then sees and edits the round's inspections) or just a name.</summary>
public sealed class InspectionTeamMember
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int? UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The member's agency as written (teams mix Sở Nội vụ, Văn phòng UBND, Tài chính, Tư pháp…).</summary>
    public string? AgencyName { get; set; }
    public bool IsLeader { get; set; }
}

/// <summary>A recorded draw (bốc thăm): the seed and candidates, so anyone can re-run it and get the same units.</summary>
public sealed class InspectionDrawRecord
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int GroupId { get; set; }
    public long Seed { get; set; }
    public int Count { get; set; }
    /// <summary>Comma-separated agency ids the draw chose among (sorted).</summary>
    public string Candidates { get; set; } = "";
    public string Drawn { get; set; } = "";
    public DateOnly OnDay { get; set; }
    public DateTime AtUtc { get; set; }
    public string By { get; set; } = "";
}

/// <summary>One unit inspected in a programme: the notice, the visit's minutes and the conclusion.</summary>
public sealed class Inspection : IVersioned
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public InspectionProgramme? Programme { get; set; }
    public int? RoundId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public InspectionKind Kind { get; set; }
    public int? DrawId { get; set; }
    /// <summary>Lịch kiểm tra: the day of the visit as planned.</summary>
    public DateOnly ScheduledOn { get; set; }
    /// <summary>Tài liệu đơn vị chuẩn bị, one per line, and the day they are due.</summary>
    public string DocumentsToPrepare { get; set; } = "";
    public DateOnly? DocumentsDueOn { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? SampledDossiers { get; set; }
    public string? Attendees { get; set; }
    public string? ConclusionNumber { get; set; }
    public DateOnly? ConclusionDate { get; set; }
    public string? ConclusionSigner { get; set; }
    public List<InspectionObservation> Observations { get; set; } = [];
    public List<InspectionDocument> Documents { get; set; } = [];
    public List<InspectionFinding> Findings { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>An observation of the minutes (biên bản) on one checklist item.</summary>
public sealed class InspectionObservation
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public string Item { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>A document the unit uploaded for one line of "documents to prepare" (stored by the FileStore).</summary>
public sealed class InspectionDocument
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public string Requirement { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>A shortcoming of the conclusion notice and its remedy, followed until Sở Nội vụ verifies it.</summary>
public sealed class InspectionFinding : IVersioned
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public string Area { get; set; } = "";
    /// <summary>The PAR Index criterion it concerns (code such as "1.3"), if any.</summary>
    public string? Criterion { get; set; }
    public FindingSeverity Severity { get; set; }
    public string Found { get; set; } = "";
    public string RequiredRemedy { get; set; } = "";
    public int ResponsibleAgencyId { get; set; }
    public DateOnly Deadline { get; set; }
    public RemedyStatus Status { get; set; }
    public string? RemedyReport { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public string? EvidenceSha256 { get; set; }
    public string? ReturnReason { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    public string? VerifiedBy { get; set; }
    public Guid Version { get; set; }

    public RemedyState State => new(Deadline, Status, ReportedOn);
}

/// <summary>A document template a coordinator adjusts: text with {placeholders}, one per kind of document.</summary>
public sealed class InspectionTemplate : IVersioned
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public Guid Version { get; set; }
}
