using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

public sealed class ShowModel(AppDbContext db, CurrentUser me, PlanEditing editing, Cascade cascade, ImportSessions imports) : PlanPageModel(db, me)
{
    public Plan Plan { get; private set; } = null!;
    public FrameworkView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public int Unresolved { get; private set; }
    public int? OwnAgencyPlanId { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "view")] public string? Mode { get; set; }

    public bool Filtered => Area is not null || Agency is not null || From is not null || To is not null || Status is not null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } deny) return deny;
        AgencyMatch? match = Agency is int a ? await AgencyMatch.LoadAsync(Db, a) : null;
        View = new FrameworkView(FrameworkTable.Build(Plan, new PlanFilter(Area, null, From, To, Status), match), CanEdit);
        AgencyOptions = await Db.Agencies.AsNoTracking().OrderBy(x => x.Level).ThenBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToListAsync();
        if (Me.IsOfficer && Plan.OwnerAgencyId is null)
            OwnAgencyPlanId = await Db.Plans.Where(p => p.ParentPlanId == id && p.OwnerAgencyId == Me.AgencyId).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        return Page();
    }

    /// <summary>Plan JSON (the contract form) for download.</summary>
    public async Task<IActionResult> OnGetJsonAsync(int id)
    {
        if (await LoadAsync(id) is { } deny) return deny;
        var json = Import.PlanJsonSerializer.Serialize(PlanMapper.ToJson(Plan));
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"ke-hoach-{id}.json");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id)
    {
        if (await LoadAsync(id) is { } deny) return deny;
        return File(PlanXlsx.Write(Plan, FrameworkTable.Build(Plan)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"khung-ke-hoach-{id}.xlsx");
    }

    /// <summary>The question before issuing: how many activities go out and how many agencies receive work.</summary>
    public sealed record IssueQuestion(int Activities, int Agencies, int Unresolved);
    public IssueQuestion? IssueCheck { get; private set; }

    /// <summary>
    /// Issuing sends the work to the agencies and cannot be taken back from them, so the first post asks with the counts
    /// (no JavaScript needed) and only the second, with confirm=true, issues.
    /// </summary>
    public async Task<IActionResult> OnPostIssueAsync(int id, bool confirm, [FromServices] Reporting.Obligations obligations, [FromServices] TimeProvider clock)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        var (_, owner) = await PlanQueries.OwnerAsync(Db, id);
        // The province plan is issued by the coordinators; an agency issues its own.
        if (owner is null && !Me.IsCoordinator) return Forbid();
        if (!confirm)
        {
            var shown = await OnGetAsync(id);
            if (shown is not PageResult) return shown;
            // Who receives work today: the same rule as reports and "Việc của tôi" (groups expanded, mergers followed).
            var owed = await obligations.ForPlanAsync(id, Domain.VietnamTime.Today(clock));
            IssueCheck = new IssueQuestion(Plan.Activities.Count, owed.Count(o => o.HasWork), Unresolved);
            return shown;
        }
        var result = await editing.IssueAsync(id);
        TempData["Message"] = result.IsOk ? "Đã ban hành kế hoạch." : result.Message;
        return Redirect($"/Plans/{id}");
    }

    /// <summary>Deletes a draft (the page asks first, with its counts); issued plans are withdrawn, not deleted.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        var (_, owner) = await PlanQueries.OwnerAsync(Db, id);
        if (owner is null && !Me.IsCoordinator) return Forbid();
        var result = await editing.DeleteDraftAsync(id);
        if (!result.IsOk)
        {
            TempData["Message"] = result.Message;
            return Redirect($"/Plans/{id}");
        }
        imports.Confirm(id);   // a pending import's warnings go with it
        TempData["Message"] = $"Đã xóa kế hoạch dự thảo và {result.Value} hoạt động của nó.";
        return Redirect("/Plans");
    }

    /// <summary>An officer (or a coordinator for a chosen agency) makes the agency's own plan from this province plan.</summary>
    public async Task<IActionResult> OnPostCascadeAsync(int id, int? forAgency)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        var agencyId = Me.IsOfficer ? Me.AgencyId : Me.IsCoordinator ? forAgency : null;
        if (agencyId is null) return Forbid();
        var result = await cascade.CreateAgencyPlanAsync(id, agencyId.Value);
        if (!result.IsOk)
        {
            TempData["Message"] = result.Message;
            return Redirect($"/Plans/{id}");
        }
        return Redirect($"/Plans/{result.Value}");
    }

    async Task<IActionResult?> LoadAsync(int id)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        Plan = (await PlanQueries.LoadAsync(Db, id))!;
        CanEdit = PlanAccess.CanEdit(Viewer, Plan.OwnerAgencyId);
        Unresolved = Plan.Activities.SelectMany(a => a.Assignments).Count(x => !x.IsResolved);
        return null;
    }
}
