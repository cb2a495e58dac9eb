using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;
using ParTrack.Features.Notifications;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>A period's submission progress per agency, the consolidated report downloads and the "remind all late" action.</summary>
public sealed class PeriodModel(CurrentUser me, ReportQueries queries, ConsolidatedReport consolidated, Reminders reminders, Progress progress) : PageModel
{
    public PeriodOverview View { get; private set; } = null!;
    /// <summary>The period's activity figures (null for an ad-hoc request, which has no activity list).</summary>
    public PlanProgress? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Officers have their own report page; the overview shows every agency.
        if (me.IsOfficer) return NotFound();
        View = (await queries.OverviewAsync(id))!;
        if (View is null) return NotFound();
        Figures = await progress.ForPeriodAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(int id)
    {
        if (me.IsOfficer) return NotFound();
        var file = await consolidated.DocxAsync(id);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id)
    {
        if (me.IsOfficer) return NotFound();
        var file = await consolidated.XlsxAsync(id);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>The period's figures in one workbook for re-keying into the Ministry's reporting software.</summary>
    public async Task<IActionResult> OnGetDataSheetAsync(int id)
    {
        if (me.IsOfficer) return NotFound();
        var file = await consolidated.DataSheetAsync(id);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>Set when the coordinator asked to remind everyone late: how many agencies would be reminded (asked first).</summary>
    public int? RemindCount { get; private set; }

    /// <summary>Sending reminders cannot be taken back: first a confirmation with the count (no JavaScript needed), then the send.</summary>
    public async Task<IActionResult> OnPostRemindLateAsync(int id, bool confirm)
    {
        if (!me.IsCoordinator) return Forbid();
        if (!confirm)
        {
            var view = await queries.OverviewAsync(id);
            if (view is null) return NotFound();
            View = view;
            Figures = await progress.ForPeriodAsync(id);
            RemindCount = view.Summary.Missing;
            return Page();
        }
        var reminded = await reminders.RemindLateNowAsync(id, me.UserName);
        if (!reminded.IsOk) return NotFound();
        var count = reminded.Value;
        this.SetMessage(count == 0 ? "Không có cơ quan nào quá hạn chưa gửi." : "Đã nhắc {0} cơ quan quá hạn chưa gửi báo cáo.", count);
        return Redirect($"/Reports/Periods/{id}");
    }
}
