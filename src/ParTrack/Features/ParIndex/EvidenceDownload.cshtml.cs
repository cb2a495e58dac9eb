using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.ParIndex;

/// <summary>An evidence file, to whoever may see its unit's assessment.</summary>
public sealed class EvidenceDownloadModel(AppDbContext db, CurrentUser me, FileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, bool inline, CancellationToken ct)
    {
        var e = await (from ev in db.Set<ParEvidence>().AsNoTracking()
                       join a in db.Set<ParAssessment>() on ev.AssessmentId equals a.Id
                       where ev.Id == id
                       select new { ev.FileName, ev.ContentType, ev.Sha256, a.AgencyId }).FirstOrDefaultAsync(ct);
        if (e is null || !me.CanSeeAgency(e.AgencyId)) return NotFound();
        var path = store.PathOf(e.Sha256);
        if (path is null) return NotFound();
        // PDFs and images can be shown inside the appraisal page; everything else downloads.
        if (inline && (e.ContentType == "application/pdf" || e.ContentType.StartsWith("image/", StringComparison.Ordinal)))
        {
            // The appraisal page frames it: only this site may (every other answer: frame-ancestors 'none').
            Response.Headers.ContentSecurityPolicy = Shared.SecurityHeaders.FramedFilePolicy;
            return PhysicalFile(path, e.ContentType);
        }
        return PhysicalFile(path, e.ContentType, FileStore.SafeName(e.FileName, e.ContentType));
    }
}
