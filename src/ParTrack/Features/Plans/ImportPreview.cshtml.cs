using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

/// <summary>Step 2 of import: the importer's warnings, unresolved names, and the plan as read; confirm or cancel.</summary>
public sealed class ImportPreviewModel(AppDbContext db, CurrentUser me, ImportSessions imports, UnresolvedNames names) : PlanPageModel(db, me)
{
    public ImportSession Session { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public FrameworkView View { get; private set; } = null!;
    public List<UnresolvedName> Names { get; private set; } = [];
    public List<SelectListItem> Options { get; private set; } = [];
    public List<ImportGap> Gaps { get; private set; } = [];
    /// <summary>Agencies a plan can belong to, for "whose plan is this" (empty value: the province's).</summary>
    public List<SelectListItem> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!Me.IsCoordinator) return Forbid();
        var session = await imports.FindAsync(id);
        if (session is null)
            return await PlanQueries.OwnerAsync(Db, id) is (true, _) ? Redirect($"/Plans/{id}") : NotFound();
        Session = session;
        Plan = (await PlanQueries.LoadAsync(Db, id))!;
        View = new FrameworkView(FrameworkTable.Build(Plan), true);
        Gaps = ImportGaps.Of(Plan, session.Warnings);
        Owners = await Db.Agencies.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == Plan.OwnerAgencyId)).ToListAsync();
        Names = await names.ListAsync(id);
        Options = await BodyOptionsAsync(Db);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        if (!Me.IsCoordinator) return Forbid();
        imports.Confirm(id);
        TempData["Message"] = "Đã nhập kế hoạch. Kế hoạch đang ở trạng thái dự thảo cho đến khi ban hành.";
        return await PlanQueries.OwnerAsync(Db, id) is (true, _) ? Redirect($"/Plans/{id}") : NotFound();
    }

    /// <summary>Whose plan this is: the province's (empty) or an agency's own; proposed from the issuer read.</summary>
    public async Task<IActionResult> OnPostOwnerAsync(int id, int? ownerAgencyId)
    {
        if (!Me.IsCoordinator) return Forbid();
        if (!imports.IsPending(id)) return NotFound();
        var plan = await Db.Plans.FindAsync(id);
        if (plan is null) return NotFound();
        if (ownerAgencyId is int a && !await Db.Agencies.AnyAsync(x => x.Id == a))
        {
            TempData["Message"] = "Cơ quan đã chọn không có trong danh mục; kế hoạch giữ nguyên chủ sở hữu.";
            return Redirect($"/Plans/Import/{id}");
        }
        plan.OwnerAgencyId = ownerAgencyId;
        plan.Version = Guid.NewGuid();
        await Db.SaveChangesAsync();
        TempData["Message"] = ownerAgencyId is null ? "Đã đặt đây là kế hoạch của tỉnh." : "Đã đặt đây là kế hoạch riêng của cơ quan đã chọn.";
        return Redirect($"/Plans/Import/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        if (!Me.IsCoordinator) return Forbid();
        await imports.CancelAsync(id);
        TempData["Message"] = "Đã hủy lần nhập này.";
        return Redirect("/Plans");
    }
}
