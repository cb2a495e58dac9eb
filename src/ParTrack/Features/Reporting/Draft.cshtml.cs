using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;
using ParTrack.Features.Reporting.Documents;
using ParTrack.Features.Shared;
using ParTrack.Import;
using ParTrack.Import.Reading;

namespace ParTrack.Features.Reporting;

/// <summary>
/// "Soạn báo cáo tổng hợp": the province report's fresh draft with the coordinator's saved edits, paragraph by
/// paragraph with its source; saves versions, marks the final one, downloads the current text. Coordinators edit,
/// leaders and appraisers read, officers get 403.
/// </summary>
public sealed class DraftModel(CurrentUser me, ProvinceReport province, ReportDrafts drafts, ConsolidatedReport consolidated, FormOnce once) : PageModel
{
    public int PeriodId { get; private set; }
    public ReportDraft Fresh { get; private set; } = null!;
    public ReportDraftVersion? Latest { get; private set; }
    public List<ReportDraftVersion> Versions { get; private set; } = [];
    public Dictionary<string, EditorParagraph> Paragraphs { get; private set; } = [];
    /// <summary>The texts the coordinator posted, shown again when the save was refused (nothing typed is lost).</summary>
    public Dictionary<string, string> Posted { get; private set; } = [];
    public string? Error { get; private set; }
    public bool CanEdit => me.IsCoordinator;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (me.IsOfficer) return Forbid();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int readVersion, List<ParagraphInput> p)
    {
        if (!me.IsCoordinator) return Forbid();
        string? refused = null;
        var url = await once.RunAsync(async () =>
        {
            var saved = await drafts.SaveAsync(id, readVersion, p, me.UserName);
            if (saved.IsOk) return $"/Reports/Periods/{id}/Draft";
            refused = saved.Message;
            return null;
        });
        if (url is not null) { this.SetMessage("Đã lưu phiên bản mới của báo cáo."); return Redirect(url); }
        if (!await LoadAsync(id)) return NotFound();
        Error = refused;
        // Only what this user changed is shown again; the other paragraphs show the latest saved version, so saving
        // again does not silently undo the other person's edits.
        Posted = p.Where(x => !string.IsNullOrEmpty(x.Key) && (SafeText.Normalize(x.Text) ?? "").Trim() != (SafeText.Normalize(x.Base) ?? "").Trim())
            .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Text ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostFinalAsync(int id, int number)
    {
        if (!me.IsCoordinator) return Forbid();
        var marked = await drafts.MarkFinalAsync(id, number);
        if (marked.IsOk) this.SetMessage("Phiên bản {0} đã được đánh dấu là bản cuối.", number);
        else this.SetMessage(marked.Message);
        return Redirect($"/Reports/Periods/{id}/Draft");
    }

    public async Task<IActionResult> OnGetDocxAsync(int id)
    {
        if (me.IsOfficer) return Forbid();
        var file = await consolidated.DocxAsync(id);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    public async Task<IActionResult> OnGetPdfAsync(int id)
    {
        if (me.IsOfficer) return Forbid();
        var file = await consolidated.DocxAsync(id);
        if (file is null) return NotFound();
        try
        {
            var pdf = await Task.Run(() => OfficeConverter.ToPdf(file.Content));
            return File(pdf, ReportDocumentsApi.PdfType, Path.ChangeExtension(file.Name, ".pdf"));
        }
        catch (ImportException e)
        {
            this.SetMessage(e.Message);
            return Redirect($"/Reports/Periods/{id}/Draft");
        }
    }

    async Task<bool> LoadAsync(int id)
    {
        var fresh = await province.DraftAsync(id);
        if (fresh is null) return false;
        PeriodId = id;
        Fresh = fresh;
        Versions = await drafts.VersionsAsync(id);
        Latest = Versions.FirstOrDefault();
        Paragraphs = ReportDrafts.Paragraphs(fresh, Latest);
        return true;
    }
}
