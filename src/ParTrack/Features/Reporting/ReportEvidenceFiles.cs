using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;

namespace ParTrack.Features.Reporting;

/// <summary>
/// The files an agency attached to its progress reports of a year, offered as PAR Index evidence: only
/// reports it has sent (a draft's files are not yet submitted). One line per file per report.
/// </summary>
public sealed class ReportEvidenceFiles(AppDbContext db) : IReportEvidenceSource
{
    public async Task<IReadOnlyList<ReportFile>> FilesAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var rows = await (
                from r in db.Set<AgencyReport>()
                where r.AgencyId == agencyId && r.State != ReportState.Draft
                join p in db.Set<ReportPeriod>() on r.PeriodId equals p.Id
                where p.Year == year
                join e in db.Set<ReportEntry>() on r.Id equals e.ReportId
                join v in db.Set<Evidence>() on e.Id equals v.EntryId
                join f in db.Set<StoredFile>() on v.FileId equals f.Id
                select new { ReportId = r.Id, p.Title, p.Deadline, v.FileName, f.ContentType, f.Sha256, f.Size })
            .AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(x => x.Deadline).ThenBy(x => x.FileName)
            .DistinctBy(x => (x.ReportId, x.Sha256))
            .Select(x => new ReportFile(x.ReportId, $"Báo cáo {x.Title}", x.FileName ?? "minh-chung", x.ContentType, x.Sha256, x.Size))
            .ToList();
    }
}
