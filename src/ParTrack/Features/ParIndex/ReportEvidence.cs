namespace ParTrack.Features.ParIndex;

/// <summary>A file a unit already submitted in a progress report, stored by its SHA-256 like evidence.</summary>
public sealed record ReportFile(int ReportId, string ReportTitle, string FileName, string ContentType, string Sha256, long Size)
{
    /// <summary>The value posted by the picker.</summary>
    public string Key => $"{ReportId}:{Sha256}";
}

/// <summary>
/// Where the self-assessment page finds the files a unit submitted in the year's progress reports.
/// The reporting feature registers its own implementation; until then the list is empty and the
/// picker is not shown. Evidence links to such a file by hash and report id, without a foreign key.
/// </summary>
public interface IReportEvidenceSource
{
    Task<IReadOnlyList<ReportFile>> FilesAsync(int agencyId, int year, CancellationToken ct = default);
}

sealed class NoReportEvidence : IReportEvidenceSource
{
    public Task<IReadOnlyList<ReportFile>> FilesAsync(int agencyId, int year, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ReportFile>>([]);
}
