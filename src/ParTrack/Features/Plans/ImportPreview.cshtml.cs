using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>
/// Step 2 of import: the importer's warnings, unresolved names, and the plan as read; whose plan it is; confirm or cancel.
/// A coordinator previews any import; an officer the imports of its own agency's plans (the plan's edit scope).
/// </summary>
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
    /// <summary>Issued province plans an agency plan can implement (empty value: none).</summary>
    public List<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        var session = await imports.FindAsync(id);
        if (session is null)
            return await PlanQueries.OwnerAsync(Db, id) is (true, _) ? Redirect($"/Plans/{id}") : NotFound();
        Session = session;
        Plan = (await PlanQueries.LoadAsync(Db, id))!;
        View = new FrameworkView(FrameworkTable.Build(Plan), true);
        Gaps = ImportGaps.Of(Plan, session.Warnings);
        Owners = await Db.Agencies.AsNoTracking().Where(a => Me.IsCoordinator || a.Id == Plan.OwnerAgencyId).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == Plan.OwnerAgencyId)).ToListAsync();
        Parents = await Db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.FromYear).ThenByDescending(p => p.Id)
            .Select(p => new SelectListItem($"{p.Title} ({p.Number ?? "—"})", p.Id.ToString(), p.Id == Plan.ParentPlanId)).ToListAsync();
        Names = await names.ListAsync(id);
        Options = await BodyOptionsAsync(Db);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        imports.Confirm(id);
        this.SetMessage("Đã nhập kế hoạch. Kế hoạch đang ở trạng thái dự thảo cho đến khi ban hành.");
        return await PlanQueries.OwnerAsync(Db, id) is (true, _) ? Redirect($"/Plans/{id}") : NotFound();
    }

    /// <summary>
    /// Whose plan this is: the province's (empty) or an agency's own, proposed from the issuer read; for an agency plan,
    /// the issued province plan it implements. An officer's import stays its own agency's: only the parent is chosen.
    /// </summary>
    public async Task<IActionResult> OnPostOwnerAsync(int id, int? ownerAgencyId, int? parentPlanId)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        if (!imports.IsPending(id)) return NotFound();
        var plan = await Db.Plans.FindAsync(id);
        if (plan is null) return NotFound();
        if (!Me.IsCoordinator) ownerAgencyId = plan.OwnerAgencyId;
        if (ownerAgencyId is int a && !await Db.Agencies.AnyAsync(x => x.Id == a))
        {
            this.SetMessage("Cơ quan đã chọn không có trong danh mục; kế hoạch giữ nguyên chủ sở hữu.");
            return Redirect($"/Plans/Import/{id}");
        }
        if (ownerAgencyId is null) parentPlanId = null;   // the province's plan implements no other plan
        else if (parentPlanId is int parent && !await Db.Plans.AnyAsync(p => p.Id == parent && p.OwnerAgencyId == null && p.Status == PlanStatus.Issued))
        {
            this.SetMessage("Kế hoạch của tỉnh đã chọn không còn hoặc chưa ban hành; chưa thay đổi gì.");
            return Redirect($"/Plans/Import/{id}");
        }
        if (parentPlanId is int p2 && await Db.Plans.AnyAsync(p => p.Id != id && p.ParentPlanId == p2 && p.OwnerAgencyId == ownerAgencyId))
        {
            // The cascade finds an agency's plan by its parent: two would make its status ambiguous.
            this.SetMessage("Cơ quan này đã có kế hoạch thực hiện kế hoạch của tỉnh đã chọn; hãy xóa dự thảo đó hoặc bỏ chọn kế hoạch của tỉnh.");
            return Redirect($"/Plans/Import/{id}");
        }
        plan.OwnerAgencyId = ownerAgencyId;
        plan.ParentPlanId = parentPlanId;
        plan.Version = Guid.NewGuid();
        await Db.SaveChangesAsync();
        this.SetMessage(ownerAgencyId is null ? "Đã đặt đây là kế hoạch của tỉnh." : "Đã đặt đây là kế hoạch riêng của cơ quan đã chọn.");
        return Redirect($"/Plans/Import/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        await imports.CancelAsync(id);
        this.SetMessage("Đã hủy lần nhập này.");
        return Redirect("/Plans");
    }
}
