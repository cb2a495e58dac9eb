using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>Step 1 of import: upload a plan document (any format the importer reads). After an error the file
/// stays chosen (<see cref="KeptUploads"/>): the page names it and sending the form again reads it again.</summary>
[RequestSizeLimit(ImportSessions.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportSessions.MaxUploadBytes + 1024 * 1024)]
public sealed class ImportModel(AppDbContext db, CurrentUser me, ImportSessions imports, KeptUploads kept) : PlanPageModel(db, me)
{
    /// <summary>The token of the file kept after an error, and its name, for the page to show.</summary>
    public string? KeptToken { get; private set; }
    public string? KeptName { get; private set; }

    /// <summary>Coordinators import any plan; an agency officer imports its own agency's signed plan.</summary>
    bool CanImport => Me.IsCoordinator || Me.IsOfficer && Me.AgencyId is not null;

    public IActionResult OnGet() => CanImport ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? keptFile)
    {
        if (!CanImport) return Forbid();
        if (file is { Length: > ImportSessions.MaxUploadBytes }) { ModelState.AddModelError("file", ImportSessions.TooLargeMessage); return Page(); }
        byte[] content;
        string fileName;
        if (file is { Length: > 0 })
        {
            // A newly chosen file replaces the kept one.
            kept.Forget(keptFile);
            keptFile = null;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            (content, fileName) = (buffer.ToArray(), file.FileName);
        }
        else if (await kept.FindAsync(keptFile, Me.UserName) is { } earlier && await kept.ContentAsync(keptFile!, Me.UserName) is { } bytes)
        {
            (content, fileName) = (bytes, earlier.FileName);
        }
        else
        {
            ModelState.AddModelError("file", ImportSessions.EmptyMessage);
            return Page();
        }

        var result = await imports.UploadAsync(content, fileName, Me.UserName, officerAgencyId: Me.IsCoordinator ? null : Me.AgencyId);
        if (!result.IsOk)
        {
            ModelState.AddModelError("file", result.Message ?? "Không đọc được tệp.");
            KeptToken = keptFile ?? await kept.KeepAsync(content, fileName, Me.UserName);
            KeptName = Path.GetFileName(fileName);
            return Page();
        }
        kept.Forget(keptFile);
        var upload = result.Value!;
        if (upload.AlreadyImported)
        {
            this.SetMessage("Văn bản này (cùng tệp, hoặc cùng số hiệu và ngày ban hành) đã được nhập trước đây; đây là kế hoạch đã có.");
            return Redirect($"/Plans/{upload.PlanId}");
        }
        return Redirect($"/Plans/Import/{upload.PlanId}");
    }
}
