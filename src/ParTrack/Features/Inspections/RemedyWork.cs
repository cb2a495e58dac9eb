using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Inspections;

/// <summary>A finding's remedy followed to the end: the unit reports it with evidence, Sở Nội vụ verifies or returns it.</summary>
public sealed class RemedyWork(AppDbContext db, FileStore files, CurrentUser user, TimeProvider clock)
{
    public Task<InspectionFinding?> FindAsync(int id, CancellationToken ct = default) =>
        db.Set<InspectionFinding>().Include(f => f.Inspection).ThenInclude(i => i!.Programme).FirstOrDefaultAsync(f => f.Id == id, ct);

    public async Task<Outcome<InspectionFinding>> ReportAsync(InspectionFinding f, string? report, IFormFile? evidence, CancellationToken ct = default)
    {
        if (f.Status is RemedyStatus.Reported or RemedyStatus.Verified)
            return Outcome<InspectionFinding>.Invalid("status", "Kết quả khắc phục đã được báo cáo; chờ Sở Nội vụ xác nhận hoặc trả lại.");
        if (string.IsNullOrWhiteSpace(report)) return Outcome<InspectionFinding>.Invalid("report", "Hãy ghi kết quả khắc phục.");
        if (Limits.TooLong("Kết quả khắc phục", report, Limits.Text) is { } tooLong) return Outcome<InspectionFinding>.Invalid("report", tooLong);
        if (evidence is { Length: > 0 })
        {
            var kept = await files.SaveAsync(evidence, ct);
            if (kept.Value is not { } saved) return Outcome<InspectionFinding>.Invalid("evidence", kept.Message!);
            (f.EvidenceFileName, f.EvidenceContentType, f.EvidenceSha256) = (saved.FileName, saved.ContentType, saved.Sha256);
        }
        f.RemedyReport = report.Trim();
        f.ReportedOn = VietnamTime.Today(clock);
        f.Status = RemedyStatus.Reported;
        return Outcome<InspectionFinding>.Ok(f);
    }

    public Outcome<InspectionFinding> Verify(InspectionFinding f)
    {
        if (f.Status != RemedyStatus.Reported) return Outcome<InspectionFinding>.Invalid("status", "Chỉ xác nhận được kết quả khắc phục đơn vị đã báo cáo.");
        f.Status = RemedyStatus.Verified;
        f.VerifiedOn = VietnamTime.Today(clock);
        f.VerifiedBy = user.UserName;
        f.ReturnReason = null;
        return Outcome<InspectionFinding>.Ok(f);
    }

    public Outcome<InspectionFinding> Return(InspectionFinding f, string? reason)
    {
        if (f.Status != RemedyStatus.Reported) return Outcome<InspectionFinding>.Invalid("status", "Chỉ trả lại được kết quả khắc phục đơn vị đã báo cáo.");
        if (string.IsNullOrWhiteSpace(reason)) return Outcome<InspectionFinding>.Invalid("reason", "Hãy ghi lý do trả lại để đơn vị biết cần bổ sung gì.");
        if (Limits.TooLong("Lý do trả lại", reason, Limits.Text) is { } tooLong) return Outcome<InspectionFinding>.Invalid("reason", tooLong);
        f.Status = RemedyStatus.Returned;
        f.ReturnReason = reason.Trim();
        return Outcome<InspectionFinding>.Ok(f);
    }
}
