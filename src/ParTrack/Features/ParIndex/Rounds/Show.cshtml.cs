using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Rounds;

/// <summary>A round: schedule, current step (coordinators open and close steps) and its units.</summary>
public sealed class ShowModel(AppDbContext db, CurrentUser me, ParResults results, TimeProvider clock) : PageModel
{
    /// <summary>Appraised and Changed are null for a unit's officer before the clarification step (nothing of the appraisal shows).</summary>
    public sealed record UnitItem(int AssessmentId, string Name, ParUnitGroup Group, AssessmentStatus Status, decimal Self, decimal? Appraised, int? Changed);

    public ParRound Round { get; private set; } = null!;
    public List<UnitItem> Units { get; private set; } = [];
    public string? Error { get; private set; }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.Set<ParRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return false;
        Round = round;
        var (rows, _) = await results.ComputeAsync(round, ct);
        var info = await db.Set<ParAssessment>().AsNoTracking().Where(a => a.RoundId == id)
            .Select(a => new { a.Id, a.AgencyId, a.Status, Changed = a.Scores.Count(s => s.AppraisedPoints != null) }).ToDictionaryAsync(a => a.Id, ct);
        var hideAppraisal = me.IsOfficer && round.Stage < RoundStage.Clarification;
        Units = rows.Where(r => me.CanSeeAgency(r.AgencyId))
            .OrderBy(r => r.Group).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new UnitItem(r.AssessmentId, r.Name, r.Group, info[r.AssessmentId].Status, r.Result.SelfScore,
                hideAppraisal ? null : r.Result.AppraisedScore, hideAppraisal ? null : info[r.AssessmentId].Changed))
            .ToList();
        if (me.IsCoordinator && round.Stage == RoundStage.Draft)
        {
            var taken = info.Values.Select(v => v.AgencyId).ToHashSet();
            Addable = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct))
                .Where(a => ParLabels.GroupOf(a.Kind) is not null && !taken.Contains(a.Id)).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // An officer sees a round only if its unit is assessed in it.
        if (me.IsOfficer && Units.Count == 0) return NotFound();
        return Page();
    }

    [BindProperty] public RoundForm Schedule { get; set; } = new();

    /// <summary>Changes the title and dates (e.g. extends the self-assessment deadline for everyone).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int id, Guid version, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        var round = await db.Set<ParRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        Schedule.Year = round.Year;
        Schedule.Groups = [ParUnitGroup.Department];   // groups are fixed once the round exists
        var unreadable = FormInput.Unreadable(ModelState, RoundForm.Labels, "Schedule.");
        var errors = unreadable.Count > 0 ? unreadable.Values.ToList() : ParRounds.ValidateSchedule(Schedule.ToInput()).Select(e => e.Message).ToList();
        string? error = errors.Count > 0 ? string.Join(" ", errors) : null;
        if (round.Stage == RoundStage.Published) error = "Kết quả đã công bố; không thể sửa lịch.";
        if (error is null)
        {
            db.Entry(round).Property(r => r.Version).OriginalValue = version;
            round.Title = Schedule.Title.Trim();
            round.SelfAssessmentDeadline = Schedule.SelfAssessmentDeadline;
            round.AppraisalStart = Schedule.AppraisalStart;
            round.AppraisalEnd = Schedule.AppraisalEnd;
            round.ClarificationStart = Schedule.ClarificationStart;
            round.ClarificationEnd = Schedule.ClarificationEnd;
            round.PublishOn = Schedule.PublishOn;
            try
            {
                await db.SaveChangesAsync(ct);
                this.SetMessage("Đã lưu lịch của đợt đánh giá.");
                return Redirect($"/ParIndex/Rounds/{id}");
            }
            catch (DbUpdateConcurrencyException) { error = ApiExceptionHandler.ConcurrencyMessage; db.ChangeTracker.Clear(); }
        }
        else db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Agencies that could still be added while the round is in preparation.</summary>
    public List<Agency> Addable { get; private set; } = [];

    public async Task<IActionResult> OnPostRemoveUnitAsync(int id, int assessmentId, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        var a = await db.Set<ParAssessment>().Include(x => x.Round).Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == assessmentId && x.RoundId == id, ct);
        if (a is null) return NotFound();
        if (a.Round!.Stage != RoundStage.Draft || a.Scores.Count > 0)
        {
            await LoadAsync(id, ct);
            Error = "Chỉ bỏ được đơn vị khi đợt đánh giá đang chuẩn bị và đơn vị chưa có điểm.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.Remove(a);
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã bỏ đơn vị khỏi đợt đánh giá.");
        return Redirect($"/ParIndex/Rounds/{id}");
    }

    public async Task<IActionResult> OnPostAddUnitAsync(int id, int agencyId, [FromServices] CriteriaSets sets, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var agency = Addable.FirstOrDefault(a => a.Id == agencyId);
        if (Round.Stage != RoundStage.Draft || agency is null)
        {
            Error = "Chỉ thêm được đơn vị (sở, UBND cấp huyện, cấp xã) chưa có trong đợt, khi đợt đang chuẩn bị.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var group = ParLabels.GroupOf(agency.Kind)!.Value;
        var set = await sets.EnsureAsync(Round.Year, group, ct);
        db.Add(new ParAssessment { RoundId = id, AgencyId = agency.Id, Group = group, SetId = set.Id });
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã thêm {0} vào đợt đánh giá.", agency.Name);
        return Redirect($"/ParIndex/Rounds/{id}");
    }

    /// <summary>Set when the coordinator asked to close the current step: the page asks first, with the counts.</summary>
    public StepClosing? Closing { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>
    /// Forward closes the current step and opens the next: first a confirmation with counts (no JavaScript needed),
    /// then, confirmed, the move; early or with units missing only with a reason, which the audit log keeps.
    /// Back reopens the previous step at once (nothing is lost by reopening).
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, bool forward, Guid version, bool confirm, CancellationToken ct)
    {
        if (!me.IsCoordinator) return Forbid();
        var round = await db.Set<ParRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        var closing = forward && round.Stage != RoundStage.Published ? await StepClosing.OfAsync(db, round, VietnamTime.Today(clock), ct) : null;
        var reason = SafeText.Normalize(Reason)?.Trim();
        string? error = null;
        if (closing is not null && confirm && closing.NeedsOverride)
            error = string.IsNullOrEmpty(reason) ? "Hãy ghi lý do đóng bước trước hạn hoặc khi còn đơn vị chưa nộp: lý do được ghi vào nhật ký."
                : Limits.TooLong("Lý do", reason, Limits.Text);
        if (closing is not null && (!confirm || error is not null))
        {
            await LoadAsync(id, ct);
            Closing = closing;
            Error = error;
            if (error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        error = ParRounds.Move(round, forward);
        if (error is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (closing is { NeedsOverride: true }) db.AuditEntries.Add(closing.Audit(id, me.UserName, reason!, now));
            if (forward) await StepClosing.NotifyUnitsAsync(db, round, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                this.SetMessage("Đợt đánh giá chuyển sang bước: {0}.", this.Localize(ParLabels.Of(round.Stage)));
                return Redirect($"/ParIndex/Rounds/{id}");
            }
            catch (DbUpdateConcurrencyException) { error = ApiExceptionHandler.ConcurrencyMessage; db.ChangeTracker.Clear(); }
        }
        await LoadAsync(id, ct);
        Error = error;
        return Page();
    }
}
