using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Assessments;

public sealed class AppraisalRowForm
{
    public string Code { get; set; } = "";
    public string? Points { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// Appraisers (and coordinators) see the unit's self-score, explanation and evidence beside their own
/// score; another score than the unit's needs a reason. Only appraisal fields change here.
/// </summary>
public sealed class AppraiseModel(AppDbContext db, CurrentUser me, ParAssessments service, IEnumerable<IAssessmentEvidence> linked) : PageModel
{
    public ParAssessment A { get; private set; } = null!;
    public CriteriaSet Set { get; private set; } = null!;
    public string? Closed { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public LinkedEvidenceRows Linked { get; private set; } = null!;
    [BindProperty] public List<AppraisalRowForm> Rows { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    public Dictionary<string, AppraisalRowForm> Posted { get; private set; } = [];

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!ParAccess.CanAppraise(me)) return Forbid();
        var a = await service.LoadAsync(id, ct);
        if (a is null) return NotFound();
        A = a;
        Set = CriteriaSets.Parse(a.Set!);
        Closed = service.AppraisalClosed(a);
        Linked = await LinkedEvidenceRows.LoadAsync(linked, a.AgencyId, a.Round!.Year, Set, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        db.Entry(A).Property(a => a.Version).OriginalValue = Version;
        var errors = service.Appraise(A, Rows.Select(r => new AppraisalRow(r.Code, r.Points, r.Reason)).ToList());
        if (errors.Count == 0)
        {
            try
            {
                db.Entry(A).Property(a => a.Version).IsModified = true;
                await db.SaveChangesAsync(ct);
                this.SetMessage("Đã lưu kết quả thẩm định.");
                return Redirect($"/ParIndex/Assessments/{id}/Appraise");
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
