namespace ParTrack.Features.Reporting.Documents;

/// <summary>The province report's current text for a period: the latest saved version, else the fresh draft.</summary>
public sealed class ReportDrafts(ProvinceReport province)
{
    public Task<ReportDraft?> CurrentAsync(int periodId, CancellationToken ct = default) => province.DraftAsync(periodId, ct);
}
