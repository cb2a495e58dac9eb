using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Notifications;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;
/// <summary>Evidence on a report's entries: uploaded files and references to issued documents.</summary>
public sealed partial class ReportWork
{
    /// <summary>Attaches an uploaded file to an entry (checked and stored once by FileStore).</summary>
    public async Task<Outcome<int>> AddFileAsync(int reportId, int entryId, FileStore files, Stream content, long length, string fileName,
        CancellationToken ct = default)
    {
        var (_, entry, refusal) = await EntryForEditAsync(reportId, entryId, ct);
        if (refusal is not null) return refusal;
        var kept = await files.SaveAsync(content, length, fileName, ct);
        if (kept.Value is not { } saved) return Outcome<int>.Invalid("File", kept.Message!);
        // Evidence is its own row: adding it leaves the report (and its Version) alone, so uploads at the same
        // moment, and an officer typing in the open draft, do not conflict with each other.
        for (var attempt = 1; ; attempt++)
        {
            var file = await StoredFiles.RowForAsync(db, saved, clock.GetUtcNow().UtcDateTime, ct);
            db.Add(new Evidence { EntryId = entryId, File = file, FileName = Truncate(saved.FileName, Limits.Name) });
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<int>.Ok(entry!.Id);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The same content uploaded at the same moment: its file row now exists; use it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Adds a reference to an issued document (số hiệu, ngày, trích yếu) as evidence.</summary>
    public async Task<Outcome<int>> AddDocumentAsync(int reportId, int entryId, string? number, DateOnly? date, string? summary,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(summary))
            return Outcome<int>.Invalid("Document", "Văn bản minh chứng cần số hiệu và trích yếu (ví dụ: 125/SNV-CCHC, \"V/v triển khai …\").");
        if ((Limits.TooLong("Số hiệu văn bản", number.Trim(), Limits.ShortText) ?? Limits.TooLong("Trích yếu", summary.Trim(), Limits.Text)) is { } tooLong)
            return Outcome<int>.Invalid("Document", tooLong);
        var (_, entry, refusal) = await EntryForEditAsync(reportId, entryId, ct);
        if (refusal is not null) return refusal;
        entry!.Evidence.Add(new Evidence { DocNumber = number.Trim(), DocDate = date, DocSummary = summary.Trim() });
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(entry.Id);
    }

    public async Task<Outcome<int>> RemoveEvidenceAsync(int reportId, int evidenceId, CancellationToken ct = default)
    {
        var evidence = await db.Set<Evidence>().FirstOrDefaultAsync(v => v.Id == evidenceId, ct);
        if (evidence is null) return Outcome<int>.NotFound();
        var (_, entry, refusal) = await EntryForEditAsync(reportId, evidence.EntryId, ct);
        if (refusal is not null) return refusal;
        db.Remove(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(entry!.Id);
    }

    async Task<(AgencyReport?, ReportEntry?, Outcome<int>?)> EntryForEditAsync(int reportId, int entryId, CancellationToken ct)
    {
        var report = await db.Set<AgencyReport>().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        var entry = await db.Set<ReportEntry>().Include(e => e.Evidence).FirstOrDefaultAsync(e => e.Id == entryId && e.ReportId == reportId, ct);
        if (report is null || entry is null) return (null, null, Outcome<int>.NotFound());
        if (report.IsLocked) return (null, null, new Outcome<int>(OutcomeKind.Forbidden, Message: LockedMessage));
        return (report, entry, null);
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
