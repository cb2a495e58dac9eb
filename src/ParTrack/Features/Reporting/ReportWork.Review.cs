using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Notifications;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;
/// <summary>The report's steps that keep a version: submission, return, acceptance.</summary>
public sealed partial class ReportWork
{
    /// <summary>Submits: checks completeness, locks, keeps a version. Allowed after the deadline (then it is late).</summary>
    public async Task<Outcome<AgencyReport>> SubmitAsync(int reportId, Guid version, string userName, CancellationToken ct = default)
    {
        var report = await LoadAsync(reportId, ct);
        if (report is null) return Outcome<AgencyReport>.NotFound();
        if (report.IsLocked)
            // The same submit posted twice: the first one won; say so instead of failing.
            return report.State == ReportState.Submitted && report.Version != version
                ? Outcome<AgencyReport>.Ok(report)
                : new(OutcomeKind.Forbidden, report, LockedMessage);
        if (report.Version != version) return Outcome<AgencyReport>.Conflict(report, StaleMessage);

        if (MissingForSubmit(report) is { Count: > 0 } errors) return Outcome<AgencyReport>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var again = report.FirstSubmittedAtUtc is not null;
        report.State = ReportState.Submitted;
        report.FirstSubmittedAtUtc ??= now;
        report.SubmittedAtUtc = now;
        report.UpdatedAtUtc = now;
        foreach (var e in report.Entries) e.ReviewComment = null;
        report.LeadAnswers = LeadAnswerText.Write(report.Entries);   // the entries are locked from here until a return
        KeepVersion(report, "Submitted", userName, null, now);
        report.LastSaveKey = null;   // the version moved on without a draft save: no page may skip the Version check
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        await Inbox.ToCoordinatorsAsync(db,
            again ? $"{report.Agency!.Name} đã gửi lại báo cáo {report.Period!.Title} sau khi sửa." : $"{report.Agency!.Name} đã gửi báo cáo {report.Period!.Title}.",
            ReportUrl(report), now, ct, MailTopics.ReportsSubmitted);
        await SaveWithTalliesAsync(report, null, ct);
        await ChangedAsync(report, ct);
        return Outcome<AgencyReport>.Ok(report);
    }

    /// <summary>What a report (loaded with its entries and activities) still lacks to be sent, by form field; empty when it may be sent.</summary>
    public static Dictionary<string, string> MissingForSubmit(AgencyReport report)
    {
        var errors = new Dictionary<string, string>();
        foreach (var e in report.Entries.Where(e => e.Leads))
        {
            if (e.Status is null)
                errors[$"Entries[{e.Id}].Status"] = $"Hoạt động \"{Short(e.Activity!.Text)}\" chưa chọn tình trạng thực hiện. Hãy chọn trước khi gửi.";
            else if (e.Status == ReportedStatus.NotDone && string.IsNullOrWhiteSpace(e.Reason))
                errors[$"Entries[{e.Id}].Reason"] = $"Hoạt động \"{Short(e.Activity!.Text)}\" không thực hiện: hãy ghi rõ lý do.";
        }
        if (report.Period!.Kind == ReportingPeriodKind.AdHoc && string.IsNullOrWhiteSpace(report.Answers))
            errors["Answers"] = "Hãy trả lời nội dung yêu cầu báo cáo trước khi gửi.";
        return errors;
    }

    /// <summary>
    /// The coordinator accepts (activity statuses follow the report) or returns with comments (overall and per entry).
    /// </summary>
    public async Task<Outcome<AgencyReport>> ReviewAsync(int reportId, Guid version, bool accept, string? comment,
        IReadOnlyDictionary<int, string?> entryComments, string userName, CancellationToken ct = default)
    {
        var report = await LoadAsync(reportId, ct);
        if (report is null) return Outcome<AgencyReport>.NotFound();
        if (report.State != ReportState.Submitted)
            return report.Version != version && report.State is ReportState.Accepted or ReportState.Returned
                ? Outcome<AgencyReport>.Ok(report)   // the same review posted twice
                : new(OutcomeKind.Forbidden, report, "Chỉ xem xét được báo cáo đã gửi và đang chờ xem xét.");
        if (report.Version != version) return Outcome<AgencyReport>.Conflict(report, StaleMessage);

        var tooLong = new Dictionary<string, string>();
        Limits.Check(tooLong, "ReviewComment", "Ý kiến", comment, Limits.Text);
        foreach (var (id, c) in entryComments) Limits.Check(tooLong, $"EntryComments[{id}]", "Ý kiến theo hoạt động", c, Limits.Text);
        if (tooLong.Count > 0) return Outcome<AgencyReport>.Invalid(tooLong);
        var now = clock.GetUtcNow().UtcDateTime;
        // A submitted report's answers count in the period's figures until a return (from its entries if it predates the text).
        var counted = report.LeadAnswers ?? LeadAnswerText.Write(report.Entries);
        if (!accept)
        {
            var hasItemComment = entryComments.Values.Any(c => !string.IsNullOrWhiteSpace(c));
            if (string.IsNullOrWhiteSpace(comment) && !hasItemComment)
                return Outcome<AgencyReport>.Invalid("ReviewComment", "Trả lại báo cáo cần có ý kiến: hãy ghi điều cơ quan phải sửa (chung hoặc theo từng hoạt động).");
            foreach (var e in report.Entries)
                e.ReviewComment = entryComments.TryGetValue(e.Id, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null;
            report.State = ReportState.Returned;
        }
        else
        {
            report.State = ReportState.Accepted;
            foreach (var e in report.Entries) e.ReviewComment = null;
        }
        report.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        report.ReviewedAtUtc = now;
        report.UpdatedAtUtc = now;
        KeepVersion(report, accept ? "Accepted" : "Returned", userName, report.ReviewComment, now);
        report.LastSaveKey = null;   // the version moved on without a draft save: no page may skip the Version check
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        Inbox.ToAgency(db, report.AgencyId, accept
                ? $"Báo cáo {report.Period!.Title} đã được tiếp nhận."
                : $"Báo cáo {report.Period!.Title} bị trả lại để sửa: {(report.ReviewComment ?? "xem ý kiến theo từng hoạt động").TrimEnd('.')}.",
            ReportUrl(report), now, MailTopics.ReportsReviewed);
        await SaveWithTalliesAsync(report, counted, ct);
        await ChangedAsync(report, ct);
        return Outcome<AgencyReport>.Ok(report);
    }

    /// <summary>
    /// Saves a submission or review and its change to the period's tallies in one transaction: the answers counted
    /// <paramref name="before"/> it, and after it those of a submitted or accepted report.
    /// </summary>
    async Task SaveWithTalliesAsync(AgencyReport report, string? before, CancellationToken ct)
    {
        if (tallies is null) { await db.SaveChangesAsync(ct); return; }
        await tallies.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await tallies.ReportChangedAsync(report.Period!, report.AgencyId, before, report.IsLocked ? report.LeadAnswers : null, ct);
        }, ct);
    }

    static string ReportUrl(AgencyReport r) => $"/Reports/Periods/{r.PeriodId}/Agencies/{r.AgencyId}";

    /// <summary>
    /// A submission or review changed the period's figures: cached views are stale, and the plan pages' stored
    /// activity status follows the latest period's figures (Progress; never the last report reviewed).
    /// </summary>
    async Task ChangedAsync(AgencyReport report, CancellationToken ct)
    {
        dashboards?.Changed();
        if (progress is not null && report.Period!.Kind != ReportingPeriodKind.AdHoc)
            await progress.RecordStatesAsync(report.Period.PlanId, ct);
    }

    void KeepVersion(AgencyReport report, string action, string userName, string? comment, DateTime now)
    {
        report.Revision++;
        db.Add(new ReportVersion
        {
            ReportId = report.Id, Number = report.Revision, Action = action, AtUtc = now, UserName = userName, Comment = comment,
            Content = JsonSerializer.Serialize(Snapshot.Of(report), Json),
        });
    }
}
