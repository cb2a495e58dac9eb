using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
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

    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        if (!Me.IsCoordinator) return Forbid();
        await imports.CancelAsync(id);
        TempData["Message"] = "Đã hủy lần nhập này.";
        return Redirect("/Plans");
    }
}
