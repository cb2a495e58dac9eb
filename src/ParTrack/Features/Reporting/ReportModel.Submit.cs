using Microsoft.AspNetCore.Mvc;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// Submitting locks the report until Sở Nội vụ returns it, so it is asked first: "Gửi báo cáo" saves the draft and shows
/// what will be sent (answered, unanswered, targets without numbers, evidence); only "Xác nhận gửi", carrying the
/// confirmation's token, sends. The JSON API's submit is a deliberate client call and stays one step.
/// </summary>
public sealed partial class ReportModel
{
    /// <summary>Set when the page asks to confirm the submission.</summary>
    public SubmitSummary? SubmitCheck { get; private set; }
    public string? SubmitToken { get; private set; }

    public const string ConfirmFirstMessage = "Báo cáo chưa được gửi: hãy xem lại tóm tắt bên dưới rồi bấm Xác nhận gửi.";
    public const string ChangedSinceMessage = "Báo cáo đã thay đổi sau khi bạn xem tóm tắt. Hãy xem lại số liệu bên dưới rồi bấm Xác nhận gửi.";

    /// <summary>"Xác nhận gửi": submits the version the officer saw counted, once however often posted.</summary>
    public async Task<IActionResult> OnPostSubmitConfirmedAsync(int periodId, int agencyId, string? confirmation)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        // No report yet: nothing to send; the page offers to start one.
        if (await ReportIdAsync(periodId, agencyId) is not { } reportId) return Redirect(PageUrl(periodId, agencyId));
        if (confirmations.Read(confirmation, reportId, me.UserName) is not { } version)
            return await AskToSubmitAsync(periodId, agencyId, ConfirmFirstMessage);

        var submitted = await work.SubmitAsync(reportId, version, me.UserName);
        // Saved again after the counts were shown (another tab, autosave): count again and ask again.
        if (submitted.Kind == OutcomeKind.Conflict) { db.ChangeTracker.Clear(); return await AskToSubmitAsync(periodId, agencyId, ChangedSinceMessage); }
        if (!submitted.IsOk) return await Refuse(submitted, periodId, agencyId, keepInput: false);
        var late = Timeliness.Evaluate(submitted.Value!.Period!.Deadline, submitted.Value.FirstSubmittedAtUtc, VietnamTime.Today(clock));
        if (late.Kind == TimelinessKind.Late) this.SetMessage("Đã gửi báo cáo. Báo cáo gửi sau hạn (trễ {0} ngày).", late.DaysLate);
        else this.SetMessage("Đã gửi báo cáo. Sở Nội vụ sẽ xem xét và phản hồi.");
        return Redirect(PageUrl(periodId, agencyId));
    }

    /// <summary>
    /// The question before sending, on the report's own page: what is still required is listed instead (the submit would
    /// be refused anyway); otherwise the counts and a token for the version they were counted on.
    /// </summary>
    async Task<IActionResult> AskToSubmitAsync(int periodId, int agencyId, string? message = null)
    {
        await LoadAsync(periodId, agencyId, create: false);
        if (Report is null) return NotFound();
        Fill(Report);
        ModelState.Remove(nameof(Version));
        if (Report.IsLocked)
        {
            this.SetMessage("Báo cáo đã được gửi.");
            return Redirect(PageUrl(periodId, agencyId));
        }
        if (ReportWork.MissingForSubmit(Report) is { Count: > 0 } missing)
        {
            foreach (var (k, v) in missing) ModelState.AddModelError(k, v);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        SubmitCheck = SubmitSummary.Of(Report, Measures);
        SubmitToken = confirmations.Issue(Report.Id, Report.Version, me.UserName);
        if (message is not null)
        {
            ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
