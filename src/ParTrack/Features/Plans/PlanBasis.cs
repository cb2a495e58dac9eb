using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Notifications;

namespace ParTrack.Features.Plans;

/// <summary>
/// An agency plan whose basis no longer stands: the province plan it implements (its ParentPlanId) was withdrawn, or
/// replaced by <see cref="NewPlanId"/> (the replacement re-parents the agency plans, so they now implement it).
/// </summary>
/// <param name="EndedPlanId">The province plan that was withdrawn or replaced.</param>
/// <param name="Reason">The coordinator's withdrawal reason, or "Được thay thế bởi …".</param>
public sealed record EndedBasis(int AgencyPlanId, int? OwnerAgencyId, int EndedPlanId, string EndedPlanTitle, bool Replaced,
    DateTime EndedAtUtc, string? Reason, int? NewPlanId, string? NewPlanTitle)
{
    public DateOnly EndedOn => VietnamTime.ToLocalDate(EndedAtUtc);

    /// <summary>A replacement asks for a review for <see cref="PlanBasis.ReviewDays"/> days; a withdrawal until the agency acts.</summary>
    public bool AsksReview(DateTime nowUtc) => !Replaced || nowUtc < EndedAtUtc.AddDays(PlanBasis.ReviewDays);
}

/// <summary>
/// What a province plan's withdrawal or replacement does to the agency plans made from it. Nothing is stored for it:
/// the flag is read from the province plan (its status, end date and reason, and what replaced it), so the agency's
/// plan and data stay exactly as they were. Only the notice to each agency is written, in the save that ends the plan.
/// </summary>
public static class PlanBasis
{
    /// <summary>How long a replacement stays on the agencies' to-do: the month the province gives them to issue a plan.</summary>
    public const int ReviewDays = Cascade.NewBodyDays;

    /// <summary>The agency plans made from the province plan that are still followed (draft or issued).</summary>
    public static IQueryable<Plan> MadeFrom(IQueryable<Plan> plans, int provincePlanId) =>
        plans.Where(p => p.ParentPlanId == provincePlanId && p.OwnerAgencyId != null
                         && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued));

    /// <summary>
    /// Tells each agency whose plan is made from <paramref name="ended"/> (already marked withdrawn or archived, not yet
    /// saved) to review it. Only adds the notices: the caller saves them with the change, so they exist exactly when it does.
    /// </summary>
    public static async Task NotifyAsync(AppDbContext db, Plan ended, Plan? replacement, CancellationToken ct)
    {
        var plans = await MadeFrom(db.Plans.AsNoTracking(), ended.Id).Select(p => new { p.Id, p.OwnerAgencyId, p.Title }).ToListAsync(ct);
        var on = VietnamTime.ToLocalDate(ended.EndedAtUtc!.Value).ToString("dd/MM/yyyy");
        foreach (var p in plans)
        {
            var text = replacement is null
                ? $"Kế hoạch của tỉnh \"{ended.Title}\" đã bị thu hồi ngày {on} ({ended.EndReason}). Hãy rà soát \"{p.Title}\" của cơ quan."
                : $"Kế hoạch của tỉnh \"{ended.Title}\" đã được thay thế ngày {on} bởi \"{replacement.Title}\"; \"{p.Title}\" nay thực hiện kế hoạch mới. Hãy rà soát và ban hành lại nếu cần.";
            Inbox.ToAgency(db, p.OwnerAgencyId!.Value, text, $"/Plans/{p.Id}", ended.EndedAtUtc.Value);
        }
    }

    /// <summary>The ended bases among <paramref name="agencyPlans"/> (already scoped by the caller): withdrawn parents, and
    /// parents that replaced another plan after the agency plan was made.</summary>
    public static async Task<List<EndedBasis>> EndedAsync(AppDbContext db, IQueryable<Plan> agencyPlans, CancellationToken ct = default)
    {
        var rows = await agencyPlans.AsNoTracking()
            .Where(p => p.OwnerAgencyId != null && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued) && p.ParentPlan != null
                        && (p.ParentPlan.Status == PlanStatus.Withdrawn || (p.ParentPlan.ReplacesPlanId != null && p.ParentPlan.IssuedAtUtc > p.CreatedAtUtc)))
            .Select(p => new
            {
                p.Id, p.OwnerAgencyId, ParentId = p.ParentPlan!.Id, ParentTitle = p.ParentPlan.Title, p.ParentPlan.Status,
                p.ParentPlan.EndedAtUtc, p.ParentPlan.EndReason, p.ParentPlan.ReplacesPlanId,
            })
            .ToListAsync(ct);
        var replacedIds = rows.Where(r => r.Status != PlanStatus.Withdrawn).Select(r => r.ReplacesPlanId!.Value).Distinct().ToList();
        var replaced = replacedIds.Count == 0 ? [] : await db.Plans.AsNoTracking().Where(p => replacedIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.EndedAtUtc, p.EndReason }).ToDictionaryAsync(p => p.Id, ct);
        var ended = new List<EndedBasis>();
        foreach (var r in rows)
        {
            if (r.Status == PlanStatus.Withdrawn)
                ended.Add(new(r.Id, r.OwnerAgencyId, r.ParentId, r.ParentTitle, false, r.EndedAtUtc ?? DateTime.MinValue, r.EndReason, null, null));
            else if (replaced.GetValueOrDefault(r.ReplacesPlanId!.Value) is { EndedAtUtc: DateTime at } old)
                ended.Add(new(r.Id, r.OwnerAgencyId, old.Id, old.Title, true, at, old.EndReason, r.ParentId, r.ParentTitle));
        }
        return ended;
    }
}
