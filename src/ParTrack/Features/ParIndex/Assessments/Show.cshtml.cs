using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Assessments;

public sealed class SelfRowForm
{
    public string Code { get; set; } = "";
    public string? Points { get; set; }
    public string? Explanation { get; set; }
    public IFormFile? File { get; set; }
    /// <summary>A file from a progress report (<see cref="ReportFile.Key"/>).</summary>
    public string? ReportFile { get; set; }
}

/// <summary>
/// One unit's assessment: the unit scores itself with evidence, submits or withdraws before the deadline,
/// later sees the appraiser's changes with their reasons and answers each once (giải trình).
/// Coordinators, appraisers and leaders read it; officers of other units get 404.
/// </summary>
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class ShowModel(AppDbContext db, CurrentUser me, ParAssessments service, IReportEvidenceSource reports, IEnumerable<IAssessmentEvidence> linked) : PageModel
{
    // A post over the upload limit: the page with the message, no handler (see UploadLimits).
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next,
            () => OnGetAsync(int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0, HttpContext.RequestAborted), Errors.Add);

    public ParAssessment A { get; private set; } = null!;
    public CriteriaSet Set { get; private set; } = null!;
    public List<string> Errors { get; private set; } = [];
    /// <summary>Records other modules hold for the unit's year (inspections …), beside the criteria.</summary>
    public LinkedEvidenceRows Linked { get; private set; } = null!;
    public string? Closed { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanClarify { get; private set; }
    public bool ShowAppraisal { get; private set; }
    /// <summary>Files the unit submitted in this year's progress reports, to pick as evidence.</summary>
    public IReadOnlyList<ReportFile> ReportFiles { get; private set; } = [];
    public sealed record Change(DateTime AtUtc, string UserName, string Code, string Action, string? Before, string? After);
    /// <summary>The audit log of this assessment's scores, newest first.</summary>
    public List<Change> History { get; private set; } = [];
    [BindProperty] public List<SelfRowForm> Rows { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    /// <summary>Posted values to show again after a refused save (code → points, explanation).</summary>
    public Dictionary<string, SelfRowForm> Posted { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await service.LoadAsync(id, ct);
        if (a is null || !ParAccess.CanSee(me, a)) return NotFound();
        A = a;
        Set = CriteriaSets.Parse(a.Set!);
        Closed = service.SelfAssessmentClosed(a);
        CanEdit = ParAccess.CanSelfAssess(me, a) && Closed is null && a.Status == AssessmentStatus.Draft;
        CanClarify = ParAccess.CanSelfAssess(me, a) && service.ClarificationClosed(a) is null;
        ShowAppraisal = a.Round!.Stage >= (me.IsOfficer ? RoundStage.Clarification : RoundStage.Appraisal);
        if (CanEdit) ReportFiles = await reports.FilesAsync(a.AgencyId, a.Round.Year, ct);
        Linked = await LinkedEvidenceRows.LoadAsync(linked, a.AgencyId, a.Round.Year, Set, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        Version = A.Version;
        var codes = A.Scores.ToDictionary(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Code);
        var ids = codes.Keys.ToList();
        History = (await db.AuditEntries.AsNoTracking().Where(e => e.Entity == nameof(ParScore) && ids.Contains(e.EntityId))
                .OrderByDescending(e => e.Id).Take(200).ToListAsync(ct))
            .Select(e => ShowAppraisal ? new Change(e.AtUtc, e.UserName, codes[e.EntityId], e.Action, e.Before, e.After)
                : WithoutAppraisal(new Change(e.AtUtc, e.UserName, codes[e.EntityId], e.Action, e.Before, e.After)))
            .OfType<Change>().ToList();
        return Page();
    }

    static readonly string[] AppraisalFields = [nameof(ParScore.AppraisedPoints), nameof(ParScore.AppraisalReason)];

    /// <summary>
    /// A change as the unit may see it before the clarification step: the appraiser's points and reason left out,
    /// and a change that was only the appraiser's (so also who made it) not shown at all.
    /// </summary>
    static Change? WithoutAppraisal(Change c)
    {
        static string? Strip(string? json, out bool anyLeft)
        {
            anyLeft = false;
            if (json is null || System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject values) return json;
            foreach (var f in AppraisalFields) values.Remove(f);
            anyLeft = values.Any(v => v.Value is not null);
            return values.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        var before = Strip(c.Before, out var beforeLeft);
        var after = Strip(c.After, out var afterLeft);
        return beforeLeft || afterLeft ? c with { Before = before, After = after } : null;
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SaveAsync(id, false, ct);
    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => SaveAsync(id, true, ct);

    async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        if (!ParAccess.CanSelfAssess(me, A)) return Forbid();
        // Only files the source lists for this unit can be picked; a forged key is ignored.
        var rows = Rows.Select(r => new SelfRow(r.Code, r.Points, r.Explanation, r.File,
            ReportFiles.FirstOrDefault(f => f.Key == r.ReportFile))).ToList();
        var saved = await service.SaveSelfAsync(A, rows, submit, ct);
        if (saved.Refused is { } refused) return await SaveOrShowAsync(id, Task.FromResult<IReadOnlyList<string>>([refused]), "", ct);
        // The draft is saved even when something is missing; what is missing is listed on the page it returns to.
        if (saved.Missing.Count > 0) TempData["Missing"] = string.Join("\n", saved.Missing);
        return await SaveOrShowAsync(id, Task.FromResult<IReadOnlyList<string>>([]),
            saved.Missing.Count == 0 ? (submit ? "Đã nộp bản tự đánh giá." : "Đã lưu bản tự đánh giá.")
            : submit ? "Đã lưu bản nháp nhưng chưa nộp: hãy bổ sung các mục dưới đây rồi nộp." : "Đã lưu bản nháp. Trước khi nộp còn cần bổ sung:", ct);
    }

    /// <summary>What the last save listed as missing (kept for the page after the redirect).</summary>
    public IReadOnlyList<string> Missing => TempData["Missing"] is string m ? m.Split('\n') : [];

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        if (!ParAccess.CanSelfAssess(me, A)) return Forbid();
        var error = service.Withdraw(A);
        return await SaveOrShowAsync(id, Task.FromResult<IReadOnlyList<string>>(error is null ? [] : [error]),
            "Đã rút lại bản tự đánh giá; đơn vị có thể sửa và nộp lại trước hạn.", ct);
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        if (!ParAccess.CanSelfAssess(me, A)) return Forbid();
        var error = service.RemoveEvidence(A, evidenceId);
        return await SaveOrShowAsync(id, Task.FromResult<IReadOnlyList<string>>(error is null ? [] : [error]), "Đã gỡ tài liệu.", ct);
    }

    public async Task<IActionResult> OnPostClarifyAsync(int id, Dictionary<string, string?> clarification, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        if (!ParAccess.CanSelfAssess(me, A)) return Forbid();
        return await SaveOrShowAsync(id, Task.FromResult(service.Clarify(A, clarification)), "Đã gửi giải trình.", ct);
    }

    /// <summary>Coordinators mark areas, criteria or sub-criteria that do not apply to this unit (the index is rescaled).</summary>
    public async Task<IActionResult> OnPostExclusionsAsync(int id, string? excluded, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        if (!me.IsCoordinator) return Forbid();
        if (A.Round!.Stage == RoundStage.Published)
            return await SaveOrShowAsync(id, Task.FromResult<IReadOnlyList<string>>(["Kết quả đã công bố; không thể thay đổi tiêu chí không áp dụng."]), "", ct);
        var known = Set.Areas.SelectMany(a => a.Criteria.SelectMany(c => c.SubCriteria.Select(s => s.Code).Append(c.Code)).Append(a.Code)).ToHashSet();
        var codes = (excluded ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = codes.Where(c => !known.Contains(c)).ToList();
        IReadOnlyList<string> errors = unknown.Count > 0
            ? [$"Không có tiêu chí mã {string.Join(", ", unknown)} trong bộ tiêu chí. Hãy nhập mã lĩnh vực, tiêu chí hoặc tiêu chí thành phần, cách nhau bằng dấu phẩy."]
            : [];
        if (errors.Count == 0) A.Excluded = string.Join(",", codes);
        return await SaveOrShowAsync(id, Task.FromResult(errors), "Đã lưu các tiêu chí không áp dụng với đơn vị.", ct);
    }

    async Task<IActionResult> SaveOrShowAsync(int id, Task<IReadOnlyList<string>> work, string done, CancellationToken ct)
    {
        db.Entry(A).Property(a => a.Version).OriginalValue = Version;
        var errors = await work;
        if (errors.Count == 0)
        {
            try
            {
                // The assessment's version changes with every save so a stale form is refused.
                db.Entry(A).Property(a => a.Version).IsModified = true;
                await db.SaveChangesAsync(ct);
                this.SetMessage(done);
                return Redirect($"/ParIndex/Assessments/{id}");
            }
            catch (DbUpdateConcurrencyException)
            {
                errors = [ApiExceptionHandler.ConcurrencyMessage];
                db.ChangeTracker.Clear();
                await LoadAsync(id, ct);
            }
        }
        Errors = errors.ToList();
        Posted = Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
