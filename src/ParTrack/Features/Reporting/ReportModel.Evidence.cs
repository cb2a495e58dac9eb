using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>Evidence added to or removed from an entry, each its own small form beside the entry.</summary>
public sealed partial class ReportModel
{
    public async Task<IActionResult> OnPostUploadAsync(int periodId, int agencyId, int entryId, IFormFile? file)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        if (file is null)
            return await Message(periodId, agencyId, "Chưa chọn tệp. Hãy chọn tệp minh chứng (PDF, DOCX, XLSX, PNG, JPEG) rồi bấm Tải lên.");
        await using var stream = file.OpenReadStream();
        var result = await work.AddFileAsync(reportId.Value, entryId, files, stream, file.Length, file.FileName);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        this.SetMessage("Đã tải lên tệp {0}.", Path.GetFileName(file.FileName));
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{entryId}");
    }

    public async Task<IActionResult> OnPostDocumentAsync(int periodId, int agencyId, int entryId, string? docNumber, DateOnly? docDate, string? docSummary)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        if (ModelState[nameof(docDate)] is { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid } bad)
            return await Message(periodId, agencyId, FormInput.Message("Ngày văn bản", bad.AttemptedValue));
        var result = await work.AddDocumentAsync(reportId.Value, entryId, docNumber, docDate, docSummary);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        this.SetMessage("Đã thêm văn bản minh chứng.");
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{entryId}");
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int periodId, int agencyId, int evidenceId)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        var result = await work.RemoveEvidenceAsync(reportId.Value, evidenceId);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        this.SetMessage("Đã xóa minh chứng.");
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{result.Value}");
    }
}
