namespace ParTrack.Domain.Kpis;

/// <summary>Hình thức nộp hồ sơ.</summary>
public enum Channel { InPerson, Online, Post }

/// <summary>Mức độ dịch vụ công trực tuyến of the procedure; <see cref="None"/> when it has no online service.</summary>
public enum ServiceLevel { None, Partial, Full }

/// <summary>Trạng thái hồ sơ (contracts/dossier-csv-v1.md).</summary>
public enum DossierStatus { InProgress, Resolved, Returned, Withdrawn, Suspended }

/// <summary>Cấp giải quyết. District is only valid before the two-level government of 1 July 2025.</summary>
public enum ServiceTier { Province, District, Commune }

/// <summary>
/// One dossier (hồ sơ TTHC) as the one-stop system exports it, in ParTrack's form
/// (partrack.dossiers/v1). Dates are Vietnamese calendar days; <see cref="Level"/> is null when the
/// row does not say it (the agency's level applies).
/// </summary>
public sealed record DossierRow(
    string DossierCode,
    string ProcedureCode,
    string? ProcedureName,
    string? Field,
    string Agency,
    ServiceTier? Level,
    DateOnly ReceivedAt,
    DateOnly? DueAt,
    DateOnly? ResolvedAt,
    DateOnly? ReturnedAt,
    Channel Channel,
    ServiceLevel ServiceLevel,
    bool FeeRequired,
    bool PaidOnline,
    bool DigitisedInputs,
    bool DigitisedResult,
    DossierStatus Status,
    int SuspendedDays)
{
    /// <summary>Hạn trả kết quả extended by the days the clock was stopped; null when no statutory deadline.</summary>
    public DateOnly? EffectiveDue => DueAt?.AddDays(SuspendedDays);
}
