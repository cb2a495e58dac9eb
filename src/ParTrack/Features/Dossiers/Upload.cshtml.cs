using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// /Dossiers/Upload, step 1 of taking in a one-stop export (coordinators): the source and the file. The file is kept
/// and the next step (<see cref="UploadReviewModel"/>) maps its columns, previews its rows and imports it.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class UploadModel(DossierUploads uploads, AppDbContext db) : PageModel
{
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next, () => OnGetAsync(HttpContext.RequestAborted), Errors.Add);

    [BindProperty] public string? Source { get; set; }
    public List<string> Errors { get; } = [];
    public List<string> Sources { get; private set; } = [];
    public List<DossierImport> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sources = await uploads.SourcesAsync(ct);
        Recent = await db.Set<DossierImport>().AsNoTracking().OrderByDescending(i => i.Id).Take(10).ToListAsync(ct);
        Source ??= DossierImporter.DefaultSource;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var source = SourceName(Source, out var error);
        if (error is not null) Errors.Add(error);
        if (file is not { Length: > 0 }) Errors.Add("Hãy chọn tệp CSV hoặc Excel (.xlsx) xuất từ hệ thống một cửa.");
        else if (file.Length > DossierUploads.MaxBytes) Errors.Add(DossierUploads.TooLargeMessage);
        if (Errors.Count > 0) return await OnGetAsync(ct);

        await using var content = file!.OpenReadStream();
        var kept = await uploads.KeepAsync(content, file.FileName, ct);
        if (!kept.IsOk)
        {
            Errors.Add(kept.Message!);
            return await OnGetAsync(ct);
        }
        return Redirect($"/Dossiers/Upload/{kept.Value!.Token}?source={Uri.EscapeDataString(source)}");
    }

    /// <summary>A source name as typed (the default when empty), or the reason it cannot be one.</summary>
    public static string SourceName(string? typed, out string? error)
    {
        var name = SafeText.Normalize(typed)?.Trim();
        error = name is { Length: > Limits.ShortText } ? $"Tên nguồn dữ liệu dài quá {Limits.ShortText} ký tự." : null;
        return string.IsNullOrEmpty(name) || error is not null ? DossierImporter.DefaultSource : name;
    }
}
