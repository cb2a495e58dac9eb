using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

/// <summary>Step 1 of import: upload a plan document (any format the importer reads).</summary>
[RequestSizeLimit(ImportSessions.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportSessions.MaxUploadBytes + 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, CurrentUser me, ImportSessions imports) : PlanPageModel(db, me)
{
    public IActionResult OnGet() => Me.IsCoordinator ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (!Me.IsCoordinator) return Forbid();
        if (file is null || file.Length == 0) { ModelState.AddModelError("file", ImportSessions.EmptyMessage); return Page(); }
        if (file.Length > ImportSessions.MaxUploadBytes) { ModelState.AddModelError("file", ImportSessions.TooLargeMessage); return Page(); }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var result = await imports.UploadAsync(buffer.ToArray(), file.FileName, Me.UserName);
        if (!result.IsOk)
        {
            ModelState.AddModelError("file", result.Message ?? "Không đọc được tệp.");
            return Page();
        }
        var upload = result.Value!;
        if (upload.AlreadyImported)
        {
            TempData["Message"] = "Văn bản này (cùng số hiệu và ngày ban hành) đã được nhập trước đây; đây là kế hoạch đã có.";
            return Redirect($"/Plans/{upload.PlanId}");
        }
        return Redirect($"/Plans/Import/{upload.PlanId}");
    }
}
