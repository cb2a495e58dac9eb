using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>Evidence downloads and the JSON read of a report (same agency scope as the pages).</summary>
public static class ReportingApi
{
    public static void MapReportingApi(this WebApplication app)
    {
        app.MapGet("/Reports/Evidence/{id:int}", async (int id, AppDbContext db, CurrentUser me, FileStore files) =>
        {
            var row = await db.Set<Evidence>().AsNoTracking().Where(v => v.Id == id && v.FileId != null)
                .Select(v => new { v.FileName, v.File, AgencyId = db.Set<AgencyReport>().Where(r => r.Entries.Any(e => e.Id == v.EntryId)).Select(r => r.AgencyId).First() })
                .FirstOrDefaultAsync();
            // Coordinators, leaders and appraisers see every agency's evidence; an officer only its own.
            if (row is null || !me.CanSeeAgency(row.AgencyId)) return Results.NotFound();
            if (files.PathOf(row.File!.Sha256) is not { } path) return Results.NotFound();
            // Always an attachment of the sniffed type, under a safe name (also for files kept before names were made safe).
            return Results.File(path, row.File.ContentType, FileStore.SafeName(row.FileName, row.File.ContentType));
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();   // a file download for pages, not part of the JSON API

        var api = app.MapApiGroup("/api/reports", "Reporting");
        api.MapGet("/{id:int}", async (int id, CurrentUser me, ReportWork work) =>
        {
            var report = await work.LoadAsync(id);
            if (report is null || !me.CanSeeAgency(report.AgencyId)) return ApiProblems.NotFound("Không tìm thấy báo cáo này.");
            return TypedResults.Ok(new ReportDto(report.Id, report.PeriodId, report.Period!.Title, report.AgencyId, report.Agency!.Name,
                report.State.ToString(), report.FirstSubmittedAtUtc, report.Revision, Snapshot.Of(report)));
        }).WithSummary("Một báo cáo định kỳ của cơ quan (cán bộ cơ quan chỉ xem báo cáo của cơ quan mình)")
            .Produces<ReportDto>().ProducesProblem(404);
    }
}

/// <summary>A report as the API gives it: who, which period, its state and its content as last saved.</summary>
public sealed record ReportDto(int Id, int PeriodId, string Period, int AgencyId, string Agency, string State,
    DateTime? FirstSubmittedAtUtc, int Revision, Snapshot Content);

/// <summary>The database row of a file a report uses: one per content hash, shared by every evidence that uses it.</summary>
public static class StoredFiles
{
    /// <summary>The row for a file the FileStore kept: the existing one for this content, or a new one (saved with the caller's changes).</summary>
    public static async Task<StoredFile> RowForAsync(AppDbContext db, SavedFile saved, DateTime nowUtc, CancellationToken ct = default)
    {
        var existing = await db.Set<StoredFile>().FirstOrDefaultAsync(f => f.Sha256 == saved.Sha256, ct);
        if (existing is not null) return existing;
        var row = new StoredFile { Sha256 = saved.Sha256, Size = saved.Size, ContentType = saved.ContentType, CreatedAtUtc = nowUtc };
        db.Set<StoredFile>().Add(row);
        return row;
    }
}
