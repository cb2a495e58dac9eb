using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>The coordinator's answer to a submitted report.</summary>
public sealed partial class ReportModel
{
    public Task<IActionResult> OnPostAcceptAsync(int periodId, int agencyId) => ReviewAsync(periodId, agencyId, accept: true);

    public Task<IActionResult> OnPostReturnAsync(int periodId, int agencyId) => ReviewAsync(periodId, agencyId, accept: false);

    async Task<IActionResult> ReviewAsync(int periodId, int agencyId, bool accept)
    {
        if (!me.IsCoordinator) return me.CanSeeAgency(agencyId) ? Forbid() : NotFound();
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        EntryComments = Indexed("EntryComments");
        var result = await work.ReviewAsync(reportId.Value, Version, accept, ReviewComment, EntryComments, me.UserName);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId, keepInput: false);
        this.SetMessage(accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo kèm ý kiến.");
        return Redirect(PageUrl(periodId, agencyId));
    }
}
