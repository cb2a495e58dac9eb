using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// The PAR Index's lines on the to-do home: a unit's open step (self-assessment to send, appraisal changes to
/// clarify); for coordinators and appraisers each open step with its deadline and how many units have not done it.
/// </summary>
public sealed class ParIndexWorkItems(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> T) : IWorkItemSource
{
    public const int SoonDays = 7;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct)
    {
        var open = await db.Set<ParRound>().AsNoTracking()
            .Where(r => r.Stage == RoundStage.SelfAssessment || r.Stage == RoundStage.Appraisal || r.Stage == RoundStage.Clarification)
            .OrderBy(r => r.Year).ToListAsync(ct);
        if (open.Count == 0) return [];
        var today = VietnamTime.Today(clock);
        var group = T["Chỉ số CCHC"];
        var items = new List<WorkItem>();
        if (user.IsOfficer && user.AgencyId is int agency)
        {
            var ids = open.Select(r => r.Id).ToList();
            var mine = await db.Set<ParAssessment>().AsNoTracking().Where(a => ids.Contains(a.RoundId) && a.AgencyId == agency)
                .Select(a => new { a.Id, a.RoundId, a.Status }).ToListAsync(ct);
            foreach (var a in mine)
            {
                var round = open.First(r => r.Id == a.RoundId);
                if (round.Stage == RoundStage.SelfAssessment && a.Status == AssessmentStatus.Draft)
                    items.Add(new WorkItem(group, T["Tự đánh giá và gửi {0}", round.Title], $"/ParIndex/Assessments/{a.Id}", 1,
                        round.SelfAssessmentDeadline, UrgencyOf(round.SelfAssessmentDeadline, today)));
                else if (round.Stage == RoundStage.Clarification)
                    items.Add(new WorkItem(group, T["Xem điểm thẩm định và giải trình {0}", round.Title], $"/ParIndex/Assessments/{a.Id}", 1,
                        round.ClarificationEnd, UrgencyOf(round.ClarificationEnd, today)));
            }
            return items;
        }
        if (!user.IsCoordinator && user.Role is not (Role.Appraiser or Role.Leader)) return [];
        foreach (var round in open)
        {
            var units = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == round.Id, ct);
            var submitted = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == round.Id && a.Status == AssessmentStatus.Submitted, ct);
            var (title, due) = round.Stage switch
            {
                RoundStage.SelfAssessment => (T["{0}: {1}/{2} đơn vị chưa gửi tự đánh giá", round.Title, units - submitted, units].Value, round.SelfAssessmentDeadline),
                RoundStage.Appraisal => (T["{0}: thẩm định {1} đơn vị", round.Title, units].Value, round.AppraisalEnd),
                _ => (T["{0}: các đơn vị đang giải trình", round.Title].Value, round.ClarificationEnd),
            };
            // Leaders follow, they do not act: only a step whose deadline is near or past is their risk.
            var urgency = UrgencyOf(due, today);
            if (user.Role == Role.Leader && urgency == WorkUrgency.Normal) continue;
            items.Add(new WorkItem(user.Role == Role.Leader ? T["Rủi ro"] : group, title, $"/ParIndex/Rounds/{round.Id}",
                round.Stage == RoundStage.SelfAssessment ? Math.Max(units - submitted, 1) : units, due, urgency));
        }
        return items;
    }

    static WorkUrgency UrgencyOf(DateOnly deadline, DateOnly today) =>
        deadline < today ? WorkUrgency.Overdue : deadline <= today.AddDays(SoonDays) ? WorkUrgency.DueSoon : WorkUrgency.Normal;
}
