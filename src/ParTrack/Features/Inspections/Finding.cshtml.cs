using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>One finding followed to the end: the unit reports its remedy with evidence; Sở Nội vụ verifies or returns it.</summary>
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class FindingModel(AppDbContext db, RemedyWork work, InspectionAccess access, FileStore store, Programmes programmes) : PageModel
{
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next,
            () => OnGetAsync(int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0, HttpContext.RequestAborted), Errors.Add);

    public InspectionFinding Finding { get; private set; } = null!;
    public string ResponsibleName { get; private set; } = "";
    public string InspectedName { get; private set; } = "";
    public bool CanReport { get; private set; }
    public bool CanVerify => access.CanVerify;
    public bool Overdue => Remedies.IsOverdue(Finding.State, programmes.Today);
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var f = await work.FindAsync(id, ct);
        if (f is null || !await access.CanSeeAsync(f, f.Inspection!, ct)) return false;
        Finding = f;
        var registry = await InspectionRegistry.LoadAsync(db, ct);
        ResponsibleName = registry.NameOf(f.ResponsibleAgencyId);
        InspectedName = registry.NameOf(f.Inspection!.AgencyId);
        CanReport = access.CanReport(f) && f.Status is RemedyStatus.Open or RemedyStatus.Returned;
        return true;
    }

    async Task<IActionResult> ChangeAsync(int id, Func<InspectionFinding, Task<Outcome<InspectionFinding>>> change, bool allowed, string message, CancellationToken ct)
    {
        var f = await work.FindAsync(id, ct);
        if (f is null || !await access.CanSeeAsync(f, f.Inspection!, ct)) return NotFound();
        if (!allowed && !access.CanReport(f)) return Forbid();
        var outcome = await change(f);
        if (outcome.IsOk)
        {
            await db.SaveChangesAsync(ct);
            this.SetMessage(message);
            return Redirect($"/Inspections/Findings/{id}");
        }
        Errors.AddRange(outcome.Errors!.Values);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public Task<IActionResult> OnPostReportAsync(int id, string? report, IFormFile? evidence, CancellationToken ct) =>
        ChangeAsync(id, f => work.ReportAsync(f, report, evidence, ct), false, "Đã gửi báo cáo kết quả khắc phục.", ct);

    public async Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken ct) =>
        CanVerify ? await ChangeAsync(id, f => Task.FromResult(work.Verify(f)), true, "Đã xác nhận kết quả khắc phục.", ct) : Forbid();

    public async Task<IActionResult> OnPostReturnAsync(int id, string? reason, CancellationToken ct) =>
        CanVerify ? await ChangeAsync(id, f => Task.FromResult(work.Return(f, reason)), true, "Đã trả lại kết quả khắc phục cho đơn vị.", ct) : Forbid();

    public async Task<IActionResult> OnGetEvidenceAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Finding.EvidenceSha256 is not { } sha || store.PathOf(sha) is not { } path) return NotFound();
        var type = Finding.EvidenceContentType ?? "application/octet-stream";
        return PhysicalFile(path, type, FileStore.SafeName(Finding.EvidenceFileName, type));
    }
}
