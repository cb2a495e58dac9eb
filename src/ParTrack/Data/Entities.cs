namespace ParTrack.Data;

// The domain model. Calendar dates are DateOnly, instants are UTC DateTime. Entities that people
// edit concurrently carry a Version token that the app renews on every save (optimistic concurrency,
// portable between SQLite and PostgreSQL).

public interface IVersioned
{
    Guid Version { get; set; }
}

public enum AgencyKind
{
    PeoplesCommittee,   // UBND tỉnh
    Department,         // sở, ban, ngành
    CentralAgency,      // cơ quan Trung ương đóng trên địa bàn
    DistrictCommittee,  // UBND cấp huyện
    CommuneCommittee,   // UBND cấp xã
    PublicServiceUnit,  // đơn vị sự nghiệp công lập
    Other,
}

public enum AdminLevel { Province, District, Commune }

/// <summary>A body of the province (cơ quan, đơn vị).</summary>
public sealed class Agency : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public AgencyKind Kind { get; set; }
    public AdminLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>The body this one merged into; work and history follow it.</summary>
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
    public List<AgencyAlias> Aliases { get; set; } = [];
    public Guid Version { get; set; }

    public bool IsCurrent(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>
/// A named group ("UBND cấp huyện", "Các Sở, ban, ngành cấp tỉnh") whose members are the current
/// agencies of the given kinds (and level, if set).
/// </summary>
public sealed class AgencyGroup : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Comma-separated <see cref="AgencyKind"/> names.</summary>
    public string MemberKinds { get; set; } = "";
    public AdminLevel? MemberLevel { get; set; }
    public List<AgencyAlias> Aliases { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>
/// Another way a document writes an agency or group ("Sở TTTT"). Resolving an unresolved name in a
/// plan stores one, so the next import resolves it by itself.
/// </summary>
public sealed class AgencyAlias
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Lower-case, NFC, single-spaced, trailing punctuation removed: the lookup key.</summary>
    public string Key { get; set; } = "";
    public int? AgencyId { get; set; }
    public int? GroupId { get; set; }
    /// <summary>Who taught it by resolving a name in a plan; null when typed into the registry.</summary>
    public string? CreatedBy { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
}

/// <summary>
/// A name resolved in an agency's own plan: it applies to that agency's plans only (an officer must not
/// change how the province or other agencies resolve a name; only coordinators add <see cref="AgencyAlias"/>).
/// </summary>
public sealed class AgencyScopedAlias
{
    public int Id { get; set; }
    /// <summary>The agency whose plans use it.</summary>
    public int OwnerAgencyId { get; set; }
    public string Text { get; set; } = "";
    public string Key { get; set; } = "";
    public int? AgencyId { get; set; }
    public int? GroupId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public enum Role { Administrator, Coordinator, AgencyOfficer, Leader, Appraiser }

public sealed class User : IVersioned
{
    public int Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>Set for agency officers: the only agency whose work they see and edit.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>Failed password or code checks since the last success or lock; counted atomically (SignInService).</summary>
    public int FailedLogins { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    /// <summary>Locks since the last successful sign-in: each lock lasts longer, up to SignInService.MaxLock.</summary>
    public int LockOuts { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>
    /// Changes whenever existing sessions must end (sign-out, password change or reset, 2FA reset);
    /// every request compares the cookie's copy with this one.
    /// </summary>
    public string SecurityStamp { get; set; } = NewStamp();
    /// <summary>The authenticator app's shared key (base32), protected with data protection; null without 2FA.</summary>
    public string? TwoFactorKey { get; set; }
    public bool TwoFactorEnabled { get; set; }
    /// <summary>The last accepted TOTP time step, so one code cannot be used twice.</summary>
    public long TwoFactorLastStep { get; set; }
    public Guid Version { get; set; }

    public static string NewStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>
/// A credential for a machine client of the API (the one-stop system): it acts as the given role, scoped to an
/// agency when set (then as that agency's officer). Only the SHA-256 hash of the secret is stored.
/// </summary>
public sealed class IntegrationToken
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>SHA-256 of the whole secret ("pt_..."), lowercase hex.</summary>
    public string SecretHash { get; set; } = "";
    public Role Role { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>One change: who, when, what, before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";   // Added | Modified | Deleted | or a verb such as Login
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Withdrawn (thu hồi): issued by mistake, kept for history, no longer anyone's work. Archived: replaced by a
/// later plan for the same year, kept read-only for history.</summary>
public enum PlanStatus { Draft, Issued, Withdrawn, Archived }

/// <summary>A PAR plan: the province's (OwnerAgencyId null) or an agency's own.</summary>
public sealed class Plan : IVersioned
{
    public int Id { get; set; }
    /// <summary>The province plan an agency plan was made from (cascade).</summary>
    public int? ParentPlanId { get; set; }
    public Plan? ParentPlan { get; set; }
    public int? OwnerAgencyId { get; set; }
    public Agency? OwnerAgency { get; set; }
    public PlanStatus Status { get; set; }
    public string Title { get; set; } = "";
    public string? Number { get; set; }
    public string? DocumentType { get; set; }
    public string? Issuer { get; set; }
    public string? Place { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Signer { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    /// <summary>Agency plans derived from this one are due by these days (by agency level).</summary>
    public DateOnly? DepartmentPlanDeadline { get; set; }   // e.g. 15/01: sở, ngành, UBND cấp huyện
    public DateOnly? CentralPlanDeadline { get; set; }      // e.g. 31/01: cơ quan TW
    public DateOnly? CommunePlanDeadline { get; set; }      // e.g. 05/02: UBND cấp xã
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? IssuedAtUtc { get; set; }
    /// <summary>SHA-256 of the imported file's bytes: the same document imported again is found by it.</summary>
    public string? ContentHash { get; set; }
    /// <summary>The plan this one amends or replaces (it is archived when this one is issued).</summary>
    public int? ReplacesPlanId { get; set; }
    /// <summary>When the plan was withdrawn or archived, and why (the coordinator's reason, or the plan that replaced it).</summary>
    public DateTime? EndedAtUtc { get; set; }
    public string? EndReason { get; set; }
    public List<PlanArea> Areas { get; set; } = [];
    public List<PlanTarget> Targets { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Activity> Activities { get; set; } = [];
    public Guid Version { get; set; }
}

/// <summary>Reform area (lĩnh vực).</summary>
public sealed class PlanArea
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public int Order { get; set; }
}

/// <summary>Target (chỉ tiêu).</summary>
public sealed class PlanTarget : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? AreaId { get; set; }
    public PlanArea? Area { get; set; }
    public string? Code { get; set; }
    public string Text { get; set; } = "";
    public int Order { get; set; }
    public List<TargetMeasure> Measures { get; set; } = [];
    public Guid Version { get; set; }
}

public sealed class TargetMeasure
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public string? Level { get; set; }        // plan JSON's "province" | "district" | "commune" | null
    public string Comparator { get; set; } = "atLeast";
    public decimal Value { get; set; }
    public string? Unit { get; set; }
}

/// <summary>Task (nhiệm vụ). Not named Task to keep clear of System.Threading.Tasks.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? AreaId { get; set; }
    public PlanArea? Area { get; set; }
    public string? Code { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Codes of the targets this task serves, comma-separated as in plan JSON.</summary>
    public string TargetCodes { get; set; } = "";
    public int Order { get; set; }
}

public enum ActivityStatus { NotStarted, InProgress, Done, DoneLate, NotDone }

/// <summary>Activity (hoạt động): the unit of assigned work.</summary>
public sealed class Activity : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? AreaId { get; set; }
    public PlanArea? Area { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    /// <summary>For an agency plan's activity: the province activity it came from.</summary>
    public int? SourceActivityId { get; set; }
    public string? Code { get; set; }
    public string Text { get; set; } = "";
    public string? Outputs { get; set; }
    public string? DueText { get; set; }
    public string DueKind { get; set; } = "unknown";   // plan JSON's due kinds
    public DateOnly? DueStart { get; set; }
    public DateOnly? DueEnd { get; set; }
    public string? Budget { get; set; }
    public ActivityStatus Status { get; set; }
    /// <summary>Cancelled (hủy) in an issued plan: out of every work list, count and report; shown struck through with the reason.</summary>
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelReason { get; set; }
    public int Order { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
    public Guid Version { get; set; }
}

public enum AssignmentRole { Lead, Support }

/// <summary>
/// A lead or coordinating body of an activity, as written in the document. It is resolved when it
/// points at an agency or a group; otherwise it stays visible and flagged.
/// </summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public AssignmentRole Role { get; set; }
    public string Name { get; set; } = "";
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? GroupId { get; set; }
    public AgencyGroup? Group { get; set; }
    /// <summary>
    /// After the named agency split (Agencies' Reorganisation), the successor that carries this open work
    /// instead of the agency's main successor; null otherwise. The named body keeps it for the periods it existed in.
    /// </summary>
    public int? MovedToAgencyId { get; set; }
    public int Order { get; set; }

    public bool IsResolved => AgencyId is not null || GroupId is not null;
}

/// <summary>Remembers a form post's one-time key so a form posted twice creates one record.</summary>
public sealed class FormSubmission
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime AtUtc { get; set; }
    /// <summary>Where the first post led, so the repeat lands on the same page.</summary>
    public string? ResultUrl { get; set; }
}
