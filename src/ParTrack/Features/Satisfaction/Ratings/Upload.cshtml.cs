using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Satisfaction.Ratings;

/// <summary>Upload of per-dossier ratings as CSV or XLSX (partrack.ratings/v1); the summary and refused rows are shown back.</summary>
[Authorize(Policy = Policies.Coordinator)]
[RequestSizeLimit(UploadModel.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadModel.MaxBytes + 1024 * 1024)]
public sealed class UploadModel(RatingSchemes schemes, RatingImporter importer) : PageModel
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public SchemeInForce Scheme { get; private set; } = null!;
    public RatingSummary? Summary { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Scheme = await schemes.CurrentAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Scheme = await schemes.CurrentAsync(ct);
        if (file is null || file.Length == 0) Error = "Hãy chọn tệp CSV hoặc Excel (.xlsx) đánh giá hồ sơ.";
        else if (file.Length > MaxBytes) Error = $"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB; hãy chia thành nhiều tệp.";
        if (Error is not null) { Response.StatusCode = 422; return Page(); }

        // Copied to a scratch file: the reader needs to rewind (CSV or XLSX is told by the first bytes) and memory stays constant.
        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await file!.CopyToAsync(copy, ct);
        copy.Position = 0;
        try
        {
            Summary = await importer.ImportAsync(RatingFile.Read(copy, Scheme.Scheme.Criteria.Count), Scheme, "upload", ct);
        }
        catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e))
        {
            Error = Cli.DossiersCommand.Message(e);
        }
        catch (DbUpdateException)
        {
            Error = "Một lần tải lên khác đang ghi cùng mã hồ sơ. Các phần trước đã được lưu; hãy tải lại tệp này (tải lại không tạo bản trùng).";
        }
        if (Error is not null) Response.StatusCode = 422;
        return Page();
    }
}
