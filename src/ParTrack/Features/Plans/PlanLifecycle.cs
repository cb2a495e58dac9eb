using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;
using ParTrack.Features.ParIndex;

namespace ParTrack.Features.Plans;

/// <summary>What withdrawing a plan takes out of the work lists, and the agency plans made from it, for the confirmation.</summary>
public sealed record WithdrawalCounts(int Activities, int Periods, int ParLinks, int AgencyPlans);

/// <summary>What issuing a replacing plan does to the plan it replaces: open activities moved to a matching one, the rest
/// closed, and the agency plans made from it (they move to the new plan and their agencies are told).</summary>
public sealed record ReplacementCounts(int Moved, int Closed, int AgencyPlans);

/// <summary>
/// A plan's life after the draft: issue (ban hành), replace (an amending plan archives the one before it, lưu trữ),
/// withdraw (thu hồi) and cancel an activity (hủy). Nothing here deletes: a withdrawn or archived plan and a cancelled
/// activity stay for history, read-only, and every work list skips them (see <see cref="Followed"/>). Every change
/// goes through SaveChanges, so the audit interceptor records who did it and the values before and after.
/// </summary>
public sealed class PlanLifecycle(AppDbContext db, TimeProvider clock)
{
    public const string ClosedOnReplace = "Đóng khi kế hoạch được thay thế";

    /// <summary>Plans whose work is still followed: not withdrawn and not archived.</summary>
    public static bool IsFollowed(PlanStatus s) => s is PlanStatus.Draft or PlanStatus.Issued;

    /// <summary>The activities someone still works on: not cancelled, in a plan that is neither withdrawn nor archived.</summary>
    public static IQueryable<Activity> Followed(IQueryable<Activity> activities) =>
        activities.Where(a => a.CancelledAtUtc == null && a.Plan!.Status != PlanStatus.Withdrawn && a.Plan.Status != PlanStatus.Archived);

    /// <summary>
    /// Draft → Issued. A second province plan for the same years is refused unless it is marked as replacing the issued
    /// one and the user confirmed what happens to that plan's open work; then the old plan is archived in the same save.
    /// </summary>
    public async Task<Outcome<bool>> IssueAsync(int planId, bool confirmedReplacement = false, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<bool>.NotFound();
        if (plan.Status == PlanStatus.Issued) return Outcome<bool>.Ok(false);
        if (plan.Status != PlanStatus.Draft) return Outcome<bool>.Invalid("Status", "Kế hoạch đã thu hồi hoặc đã lưu trữ không ban hành lại được.");
        if (!await db.Activities.AnyAsync(a => a.PlanId == planId, ct))
            return Outcome<bool>.Invalid("Status", "Kế hoạch chưa có hoạt động nào; hãy thêm hoạt động trước khi ban hành.");
        var rival = await IssuedRivalAsync(plan, ct);
        if (rival is not null && plan.ReplacesPlanId != rival.Id)
            return Outcome<bool>.Invalid("ReplacesPlanId",
                $"Tỉnh đã ban hành kế hoạch cho năm {Years(rival)} ({rival.DocumentType} {rival.Number ?? rival.Title}). Nếu văn bản này sửa đổi hoặc thay thế kế hoạch đó, hãy chọn \"Thay thế kế hoạch đã ban hành\" rồi ban hành lại.");
        if (rival is not null && !confirmedReplacement)
            return Outcome<bool>.Invalid("Confirm", "Hãy đánh dấu ô xác nhận số hoạt động sẽ chuyển và sẽ đóng rồi ban hành lại.");

        var now = clock.GetUtcNow().UtcDateTime;
        plan.Status = PlanStatus.Issued;
        plan.IssuedAtUtc = now;
        plan.Version = Guid.NewGuid();
        if (rival is not null) await ArchiveAsync(rival, plan, now, ct);
        return await SaveOnceAsync(ct);
    }

    /// <summary>The issued province plan a draft province plan for the same years would stand beside (null for agency plans).</summary>
    public async Task<Plan?> IssuedRivalAsync(Plan plan, CancellationToken ct = default) =>
        plan.OwnerAgencyId is not null ? null
            : await db.Plans.Where(p => p.Id != plan.Id && p.OwnerAgencyId == null && p.Status == PlanStatus.Issued
                                        && p.FromYear == plan.FromYear && p.ToYear == plan.ToYear)
                .OrderByDescending(p => p.IssuedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>Marks a draft province plan as amending/replacing an issued one (null: it replaces nothing).</summary>
    public async Task<Outcome<bool>> MarkReplacesAsync(int planId, int? replacesPlanId, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<bool>.NotFound();
        if (plan.Status != PlanStatus.Draft) return Outcome<bool>.Invalid("Status", "Chỉ đánh dấu thay thế được khi kế hoạch còn là dự thảo.");
        if (replacesPlanId is int old && (await IssuedRivalAsync(plan, ct))?.Id != old)
            return Outcome<bool>.Invalid("ReplacesPlanId", "Chỉ thay thế được kế hoạch của tỉnh đã ban hành cho cùng năm.");
        plan.ReplacesPlanId = replacesPlanId;
        plan.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>How many of the old plan's open activities find a matching activity in the new plan (moved) and how many do not (closed).</summary>
    public async Task<ReplacementCounts> ReplacementCountsAsync(int oldPlanId, int newPlanId, CancellationToken ct = default)
    {
        var (open, byKey) = await MatchAsync(oldPlanId, newPlanId, ct);
        var moved = open.Count(a => MatchOf(a, byKey) is not null);
        return new(moved, open.Count - moved, await PlanBasis.MadeFrom(db.Plans, oldPlanId).CountAsync(ct));
    }

    /// <summary>
    /// The replaced plan becomes read-only history. Its open work (activities not started or in progress) moves to the
    /// new plan's activity with the same code, or else the same text: the new activity takes its progress state, the PAR
    /// links and the agency plans' copies point at it, and the agency plans made from the old plan now implement the new
    /// one. Open activities without a match are closed (cancelled with the reason). Reports stay with the old plan's periods.
    /// </summary>
    async Task ArchiveAsync(Plan old, Plan replacement, DateTime now, CancellationToken ct)
    {
        old.Status = PlanStatus.Archived;
        old.EndedAtUtc = now;
        old.EndReason = $"Được thay thế bởi {replacement.DocumentType} {replacement.Number ?? replacement.Title}".Trim();
        old.Version = Guid.NewGuid();
        await PlanBasis.NotifyAsync(db, old, replacement, ct);
        var (open, byKey) = await MatchAsync(old.Id, replacement.Id, ct, tracked: true);
        var moved = new Dictionary<int, int>();
        foreach (var a in open)
        {
            if (MatchOf(a, byKey) is { } target)
            {
                if (target.Status == ActivityStatus.NotStarted) target.Status = a.Status;
                moved[a.Id] = target.Id;
            }
            else
            {
                a.CancelledAtUtc = now;
                a.CancelReason = ClosedOnReplace;
                a.Version = Guid.NewGuid();
            }
        }
        foreach (var link in await db.Set<ParCriterionActivity>().Where(l => moved.Keys.Contains(l.ActivityId)).ToListAsync(ct))
            link.ActivityId = moved[link.ActivityId];
        foreach (var copy in await db.Activities.Where(a => a.SourceActivityId != null && moved.Keys.Contains(a.SourceActivityId.Value)).ToListAsync(ct))
            copy.SourceActivityId = moved[copy.SourceActivityId!.Value];
        foreach (var agencyPlan in await db.Plans.Where(p => p.ParentPlanId == old.Id).ToListAsync(ct))
            agencyPlan.ParentPlanId = replacement.Id;
    }

    async Task<(List<Activity> Open, Dictionary<string, Activity> ByKey)> MatchAsync(int oldPlanId, int newPlanId, CancellationToken ct, bool tracked = false)
    {
        var source = tracked ? db.Activities : db.Activities.AsNoTracking();
        var open = await source.Include(a => a.Area).Where(a => a.PlanId == oldPlanId && a.CancelledAtUtc == null
                                           && (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress)).ToListAsync(ct);
        var candidates = await source.Include(a => a.Area).Where(a => a.PlanId == newPlanId && a.CancelledAtUtc == null).OrderBy(a => a.Order).ToListAsync(ct);
        var byKey = new Dictionary<string, Activity>();
        foreach (var c in candidates)
        {
            if (CodeKey(c) is { } key) byKey.TryAdd(key, c);
            byKey.TryAdd(TextKey(c), c);
        }
        return (open, byKey);
    }

    // Codes repeat across areas ("3.1" in area I and in area III), so a code matches within the same area code.
    static string? CodeKey(Activity a) => a.Code is { Length: > 0 } code ? $"c:{a.Area?.Code}|{AliasKey.Of(code)}" : null;
    static string TextKey(Activity a) => "t:" + AliasKey.Of(a.Text);

    static Activity? MatchOf(Activity a, Dictionary<string, Activity> byKey) =>
        (CodeKey(a) is { } key ? byKey.GetValueOrDefault(key) : null) ?? byKey.GetValueOrDefault(TextKey(a));

    public async Task<WithdrawalCounts> WithdrawalCountsAsync(int planId, CancellationToken ct = default) => new(
        await db.Activities.CountAsync(a => a.PlanId == planId && a.CancelledAtUtc == null, ct),
        await db.Set<Reporting.ReportPeriod>().CountAsync(p => p.PlanId == planId, ct),
        await db.Set<ParCriterionActivity>().CountAsync(l => db.Activities.Any(a => a.Id == l.ActivityId && a.PlanId == planId), ct),
        await PlanBasis.MadeFrom(db.Plans, planId).CountAsync(ct));

    /// <summary>
    /// Issued → Withdrawn (thu hồi), with the coordinator's reason, after they confirmed the counts. The plan stays
    /// (shown as withdrawn); its work leaves "Việc của tôi", the reporting periods' forms and the PAR links. The agencies
    /// whose plans were made from it are told in the same save (<see cref="PlanBasis"/>).
    /// </summary>
    public async Task<Outcome<bool>> WithdrawAsync(int planId, string? reason, bool confirmed, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<bool>.NotFound();
        if (plan.Status != PlanStatus.Issued)
            return Outcome<bool>.Invalid("Status", plan.Status == PlanStatus.Draft
                ? "Kế hoạch dự thảo không cần thu hồi: hãy xóa dự thảo." : "Kế hoạch này đã thu hồi hoặc đã lưu trữ.");
        if (ReasonError(reason) is { } error) return Outcome<bool>.Invalid("Reason", error);
        if (!confirmed) return Outcome<bool>.Invalid("Confirm", "Hãy đánh dấu ô xác nhận đã xem số hoạt động, kỳ báo cáo và liên kết sẽ bị gỡ rồi thu hồi lại.");
        plan.Status = PlanStatus.Withdrawn;
        plan.EndedAtUtc = clock.GetUtcNow().UtcDateTime;
        plan.EndReason = SafeText.Normalize(reason)!.Trim();
        plan.Version = Guid.NewGuid();
        await PlanBasis.NotifyAsync(db, plan, null, ct);
        return await SaveOnceAsync(ct);
    }

    /// <summary>
    /// Saves an issue or a withdrawal with its notices. Two posts at once both read the plan as issued (or draft); the
    /// plan's version lets only the first save, and the second, with its copy of the notices, is dropped: done already.
    /// </summary>
    async Task<Outcome<bool>> SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<bool>.Ok(true);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.Ok(false);
        }
    }

    /// <summary>
    /// Cancels (hủy) an activity of an issued plan with a reason: it leaves the work lists, the progress denominators and
    /// the reports' counts, and is shown struck through. A draft's activity is deleted instead.
    /// </summary>
    public async Task<Outcome<bool>> CancelActivityAsync(int planId, int activityId, string? reason, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == activityId && a.PlanId == planId, ct);
        if (activity is null) return Outcome<bool>.NotFound();
        if (activity.Plan!.Status != PlanStatus.Issued)
            return Outcome<bool>.Invalid("Status", activity.Plan.Status == PlanStatus.Draft
                ? "Hoạt động của dự thảo không cần hủy: hãy xóa hoạt động." : "Kế hoạch đã thu hồi hoặc đã lưu trữ; không sửa được nữa.");
        if (activity.CancelledAtUtc is not null) return Outcome<bool>.Ok(false);
        if (ReasonError(reason) is { } error) return Outcome<bool>.Invalid("Reason", error);
        activity.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
        activity.CancelReason = SafeText.Normalize(reason)!.Trim();
        activity.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    static string? ReasonError(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Hãy ghi lý do (ví dụ số văn bản thu hồi hoặc điều chỉnh)."
        : Limits.TooLong("Lý do", reason, Limits.Text);

    static string Years(Plan p) => p.FromYear == p.ToYear ? $"{p.FromYear}" : $"{p.FromYear}–{p.ToYear}";
}
