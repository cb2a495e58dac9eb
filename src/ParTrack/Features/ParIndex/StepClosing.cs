using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Notifications;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// What closing a round's current step (opening the next) would leave behind: how many units have not submitted and
/// whether the step's deadline has passed. Closing cannot be undone for the units (they lose the step), so it is
/// always confirmed, and closing early or with units missing needs an override with a reason, which is audited.
/// </summary>
public sealed record StepClosing(RoundStage From, RoundStage To, int Units, int NotSubmitted, DateOnly? Deadline, bool Early)
{
    /// <summary>The step closes before its deadline, or with self-assessments not submitted.</summary>
    public bool NeedsOverride => Early || (From == RoundStage.SelfAssessment && NotSubmitted > 0);

    /// <summary>The last day of the step being closed (publication: the day results may be published).</summary>
    public static DateOnly? DeadlineOf(ParRound r) => r.Stage switch
    {
        RoundStage.SelfAssessment => r.SelfAssessmentDeadline,
        RoundStage.Appraisal => r.AppraisalEnd,
        RoundStage.Clarification => r.ClarificationEnd,
        RoundStage.Review => r.PublishOn,
        _ => null,
    };

    public static async Task<StepClosing> OfAsync(AppDbContext db, ParRound round, DateOnly today, CancellationToken ct = default)
    {
        var units = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == round.Id, ct);
        var notSubmitted = await db.Set<ParAssessment>().CountAsync(a => a.RoundId == round.Id && a.Status != AssessmentStatus.Submitted, ct);
        var deadline = DeadlineOf(round);
        // A step's last day belongs to the step; results may be published on their publication day.
        var early = deadline is { } d && (round.Stage == RoundStage.Review ? today < d : today <= d);
        return new StepClosing(round.Stage, round.Stage + 1, units, notSubmitted, deadline, early);
    }

    /// <summary>The override in the audit log, beside the round's own change (Stage), with who, the reason and the counts.</summary>
    public AuditEntry Audit(int roundId, string userName, string reason, DateTime nowUtc) => new()
    {
        AtUtc = nowUtc, UserName = userName, Entity = nameof(ParRound), EntityId = roundId.ToString(), Action = "CloseStepEarly",
        After = JsonSerializer.Serialize(new
        {
            Step = From.ToString(), Reason = reason, Units, NotSubmitted, Deadline = Deadline?.ToString("dd/MM/yyyy"), Early,
        }, Json),
    };

    // Readable Vietnamese in the log, as the save interceptor writes it (the page HTML-encodes on display).
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Tells the round's units that a step opened or closed (added to the context, saved with the move).</summary>
    public static async Task NotifyUnitsAsync(AppDbContext db, ParRound round, DateTime nowUtc, CancellationToken ct = default)
    {
        var text = round.Stage switch
        {
            RoundStage.SelfAssessment => $"Đã mở bước tự đánh giá {round.Title}: hạn nộp {round.SelfAssessmentDeadline:dd/MM/yyyy}.",
            RoundStage.Appraisal => $"Bước tự đánh giá {round.Title} đã đóng; bản tự đánh giá chuyển sang thẩm định.",
            RoundStage.Clarification => $"Đã mở bước giải trình {round.Title}: xem điểm thẩm định và giải trình đến {round.ClarificationEnd:dd/MM/yyyy}.",
            RoundStage.Published => $"Đã công bố kết quả {round.Title}.",
            _ => null,
        };
        if (text is null) return;
        var units = await db.Set<ParAssessment>().AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => new { a.Id, a.AgencyId }).ToListAsync(ct);
        foreach (var u in units)
            Inbox.ToAgency(db, u.AgencyId, text,
                round.Stage == RoundStage.Published ? $"/ParIndex/Rounds/{round.Id}/Results" : $"/ParIndex/Assessments/{u.Id}", nowUtc, MailTopics.ParSteps);
    }
}
