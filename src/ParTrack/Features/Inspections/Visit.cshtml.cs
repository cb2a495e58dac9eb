using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>
/// One inspection: the notice and the unit's documents (the unit uploads), the minutes and the conclusion with
/// its findings (coordinators and the round's team edit). Others in scope read; everyone else gets 404.
/// </summary>
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class VisitModel(AppDbContext db, Visits visits, InspectionAccess access, FileStore store) : PageModel
{
    // A post over the upload limit: the page with the message, no handler (see UploadLimits).
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next,
            () => OnGetAsync(int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0, HttpContext.RequestAborted), Errors.Add);

    public Inspection Inspection { get; private set; } = null!;
    public InspectionRound? Round { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanUpload { get; private set; }
    public List<Agency> AgencyChoices { get; private set; } = [];
    public IReadOnlyList<string> Missing => Visits.Missing(Inspection);
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var i = await visits.FindAsync(id, ct);
        if (i is null || !await access.CanSeeAsync(i, ct)) return false;
        Inspection = i;
        Round = i.RoundId is int r ? await db.Set<InspectionRound>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == r, ct) : null;
        CanEdit = await access.CanEditAsync(i, ct);
        CanUpload = access.CanUpload(i);
        if (CanEdit) AgencyChoices = await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).OrderBy(a => a.Name).ToListAsync(ct);
        return true;
    }

    static readonly Dictionary<string, string> Labels = new()
    {
        ["scheduledOn"] = "Ngày kiểm tra", ["documentsDueOn"] = "Hạn nộp tài liệu", ["visitedOn"] = "Ngày làm việc", ["date"] = "Ngày kết luận",
        ["deadline"] = "Hạn khắc phục", ["responsibleAgencyId"] = "Đơn vị chịu trách nhiệm",
    };

    /// <summary>Loads the inspection for a change the user may make, runs it, saves on success, else shows the messages.</summary>
    async Task<IActionResult> ChangeAsync<T>(int id, Func<Inspection, Task<Outcome<T>>> change, Func<Inspection, Task<bool>> allowed, string message, CancellationToken ct)
    {
        var i = await visits.FindAsync(id, ct);
        if (i is null || !await access.CanSeeAsync(i, ct)) return NotFound();
        if (!await allowed(i)) return Forbid();
        var unreadable = FormInput.Unreadable(ModelState, Labels);
        var outcome = unreadable.Count == 0 ? await change(i) : null;
        if (outcome is { IsOk: true })
        {
            await db.SaveChangesAsync(ct);
            this.SetMessage(message);
            return Redirect($"/Inspections/Visits/{id}");
        }
        Errors = outcome?.Errors?.Values.ToList() ?? unreadable.Values.ToList();
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    Task<bool> Editor(Inspection i) => access.CanEditAsync(i);

    public Task<IActionResult> OnPostNoticeAsync(int id, DateOnly scheduledOn, string? documentsToPrepare, DateOnly? documentsDueOn, CancellationToken ct) =>
        ChangeAsync(id, i => Task.FromResult(visits.SetNotice(i, new(scheduledOn, documentsToPrepare, documentsDueOn))), Editor, "Đã lưu thông báo kiểm tra.", ct);

    public Task<IActionResult> OnPostUploadAsync(int id, string? requirement, IFormFile? file, CancellationToken ct) =>
        ChangeAsync(id, i => visits.UploadAsync(i, requirement, file, ct), i => Task.FromResult(access.CanUpload(i)), "Đã tải lên tài liệu.", ct);

    public Task<IActionResult> OnPostMinutesAsync(int id, DateOnly? visitedOn, List<string> item, List<string?> note, string? sampledDossiers, string? attendees,
        CancellationToken ct)
    {
        var observations = item.Zip(note).GroupBy(x => x.First).ToDictionary(g => g.Key, g => g.Last().Second);
        return ChangeAsync(id, i => Task.FromResult(visits.SetMinutes(i, new(visitedOn, observations, sampledDossiers, attendees))), Editor, "Đã lưu biên bản kiểm tra.", ct);
    }

    public Task<IActionResult> OnPostConclusionAsync(int id, string? number, DateOnly? date, string? signer, CancellationToken ct) =>
        ChangeAsync(id, i => Task.FromResult(visits.SetConclusion(i, new(number, date, signer))), Editor, "Đã lưu thông báo kết luận.", ct);

    public Task<IActionResult> OnPostFindingAsync(int id, string? area, string? criterion, FindingSeverity severity, string? found, string? requiredRemedy,
        int? responsibleAgencyId, DateOnly? deadline, CancellationToken ct) =>
        ChangeAsync(id, i => visits.AddFindingAsync(i, new(area, criterion, severity, found, requiredRemedy, responsibleAgencyId, deadline), ct), Editor,
            "Đã thêm tồn tại, hạn chế.", ct);

    public async Task<IActionResult> OnGetDocumentAsync(int id, int doc, CancellationToken ct)
    {
        var i = await visits.FindAsync(id, ct);
        if (i is null || !await access.CanSeeAsync(i, ct) || i.Documents.FirstOrDefault(d => d.Id == doc) is not { } d) return NotFound();
        return store.PathOf(d.Sha256) is { } path ? PhysicalFile(path, d.ContentType, FileStore.SafeName(d.FileName, d.ContentType)) : NotFound();
    }

    /// <summary>The minutes or the conclusion notice as DOCX.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, string? kind, [FromServices] InspectionDocx docx, CancellationToken ct)
    {
        var i = await visits.FindAsync(id, ct);
        if (i is null || !await access.CanSeeAsync(i, ct) || await docx.InspectionAsync(id, kind ?? "minutes", ct) is not { } file) return NotFound();
        return File(file.Content, FileStore.DocxType, file.Name);
    }
}
