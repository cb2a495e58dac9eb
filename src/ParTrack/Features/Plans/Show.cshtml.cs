using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

public sealed class ShowModel(AppDbContext db, CurrentUser me, PlanEditing editing, PlanLifecycle lifecycle, Cascade cascade, ImportSessions imports,
    FragmentCache fragments, SteadyReads reads)
    : PlanPageModel(db, me)
{
    /// <summary>The plan's own row (with its owner), without its content: the content is read by <see cref="TableAsync"/>.</summary>
    public Plan Plan { get; private set; } = null!;
    public PlanCounts Counts { get; private set; } = new(0, 0, 0);
    /// <summary>The rendered filter form and table are kept under this key (<see cref="FragmentCache"/>); null: not kept.</summary>
    public string? Fragment { get; private set; }
    public FrameworkView View { get; private set; } = null!;
    /// <summary>The plan's areas in order, for the filter.</summary>
    public IReadOnlyList<PlanArea> Areas { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public int Unresolved { get; private set; }
    public int? OwnAgencyPlanId { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    /// <summary>What withdrawing would take out of the work lists (issued plans, coordinators).</summary>
    public WithdrawalCounts? Withdrawal { get; private set; }
    /// <summary>The issued province plan for the same years a draft would stand beside, and what replacing it would do.</summary>
    public Plan? Rival { get; private set; }
    public ReplacementCounts? Replacement { get; private set; }
    /// <summary>An agency plan's province plan withdrawn or replaced (null: it stands, or this is no agency plan).</summary>
    public EndedBasis? Basis { get; private set; }
    /// <summary>The withdrawal reason typed, kept when the form comes back with a message.</summary>
    public string? WithdrawReason { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "view")] public string? Mode { get; set; }

    public bool Filtered => Area is not null || Agency is not null || From is not null || To is not null || Status is not null;

    public sealed record PlanCounts(int Areas, int Tasks, int Activities);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Before anything is read (the key holds the data version). Role and agency decide, with the data, what the
        // viewer may do here (CanEdit: the edit links), so they need not be in the key twice.
        Fragment = fragments.Key($"/Plans/{id}?view={(Mode == "tree" ? "tree" : "table")}&area={Area}&agency={Agency}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&status={Status}",
            FragmentCache.ScopeOf(Me.Scope));
        if (await LoadAsync(id) is { } deny) return deny;
        return Page();
    }

    /// <summary>The plan's content, filtered, and the filter's choices: called by the page inside its cached part, so a hit reads none of it.</summary>
    public async Task TableAsync()
    {
        var plan = (await PlanQueries.LoadAsync(Db, Plan.Id))!;
        AgencyMatch? match = Agency is int a ? await AgencyMatch.LoadAsync(Db, a) : null;
        View = new FrameworkView(FrameworkTable.Build(plan, new PlanFilter(Area, null, From, To, Status), match), CanEdit);
        Areas = plan.Areas.OrderBy(x => x.Order).ToList();
        AgencyOptions = await Db.Agencies.AsNoTracking().OrderBy(x => x.Level).ThenBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToListAsync();
    }

    /// <summary>Plan JSON (the contract form) for download.</summary>
    public async Task<IActionResult> OnGetJsonAsync(int id)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        var json = Import.PlanJsonSerializer.Serialize(PlanMapper.ToJson((await PlanQueries.LoadAsync(Db, id))!));
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"ke-hoach-{id}.json");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        var plan = (await PlanQueries.LoadAsync(Db, id))!;
        return File(PlanXlsx.Write(plan, FrameworkTable.Build(plan)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"khung-ke-hoach-{id}.xlsx");
    }

    /// <summary>The question before issuing: how many activities go out and how many agencies receive work.</summary>
    public sealed record IssueQuestion(int Activities, int Agencies, int Unresolved);
    public IssueQuestion? IssueCheck { get; private set; }

    /// <summary>
    /// Issuing sends the work to the agencies and cannot be taken back from them, so the first post asks with the counts
    /// (no JavaScript needed) and only the second, with confirm=true, issues. A replacement's form carries the same
    /// confirm=true once the user ticked its counts ("n hoạt động … sẽ chuyển, m sẽ đóng").
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
            IssueCheck = new IssueQuestion(Counts.Activities, owed.Count(o => o.HasWork), Unresolved);
            return shown;
        }
        var result = await lifecycle.IssueAsync(id, confirm);
        this.SetMessage(result.IsOk ? "Đã ban hành kế hoạch." : result.Message);
        return Redirect($"/Plans/{id}");
    }

    /// <summary>Marks a draft province plan as amending/replacing the issued one for the same years (empty: it replaces nothing).</summary>
    public async Task<IActionResult> OnPostReplacesAsync(int id, int? replacesPlanId)
    {
        if (!Me.IsCoordinator) return Forbid();
        if (await DenyEditAsync(id) is { } deny) return deny;
        var result = await lifecycle.MarkReplacesAsync(id, replacesPlanId);
        this.SetMessage(result.IsOk
            ? replacesPlanId is null ? "Đã bỏ đánh dấu thay thế." : "Đã đánh dấu văn bản này thay thế kế hoạch đã ban hành; xem số hoạt động sẽ chuyển và sẽ đóng trước khi ban hành."
            : result.Message);
        return Redirect($"/Plans/{id}");
    }

    /// <summary>Withdraws (thu hồi) an issued plan: coordinators only, with a reason and the counts confirmed; the form keeps the reason on a refusal.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, bool confirm)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        if (!Me.IsCoordinator) return Forbid();
        var result = await lifecycle.WithdrawAsync(id, reason, confirm);
        // A second post (or one that lost the race to another) finds the plan ended: the form is gone, so say it above the page.
        if (result is { IsOk: true, Value: false } || result.Errors?.ContainsKey("Status") == true)
        {
            this.SetMessage(result.IsOk ? "Kế hoạch này đã thu hồi hoặc đã lưu trữ." : result.Message);
            return Redirect($"/Plans/{id}");
        }
        if (result.IsOk)
        {
            this.SetMessage("Đã thu hồi kế hoạch. Kế hoạch vẫn được giữ để tra cứu; công việc của nó không còn được theo dõi.");
            return Redirect($"/Plans/{id}");
        }
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        ModelState.AddModelError("withdraw", result.Message!);
        WithdrawReason = reason;
        await LoadAsync(id);
        return Page();
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
            this.SetMessage(result.Message);
            return Redirect($"/Plans/{id}");
        }
        imports.Confirm(id);   // a pending import's warnings go with it
        this.SetMessage("Đã xóa kế hoạch dự thảo và {0} hoạt động của nó.", result.Value);
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
            this.SetMessage(result.Message);
            return Redirect($"/Plans/{id}");
        }
        return Redirect($"/Plans/{result.Value}");
    }

    /// <summary>What the page shows outside its cached table, for one plan and one scope: the same for every request until a write.</summary>
    sealed record Header(Plan Plan, bool CanEdit, PlanCounts Counts, int Unresolved, int? OwnAgencyPlanId,
        WithdrawalCounts? Withdrawal, Plan? Rival, ReplacementCounts? Replacement, EndedBasis? Basis);

    async Task<IActionResult?> LoadAsync(int id)
    {
        // Kept per data version and scope (role, agency: all that the header's reads depend on), so a cached page runs no command.
        if (await reads.GetAsync($"plan-header:{id}:{FragmentCache.ScopeOf(Me.Scope)}", () => HeaderAsync(id)) is not { } h) return NotFound();
        (Plan, CanEdit, Counts, Unresolved, OwnAgencyPlanId) = (h.Plan, h.CanEdit, h.Counts, h.Unresolved, h.OwnAgencyPlanId);
        (Withdrawal, Rival, Replacement, Basis) = (h.Withdrawal, h.Rival, h.Replacement, h.Basis);
        return null;
    }

    /// <summary>The header's reads; null when the viewer may not see the plan (404, as <see cref="PlanPageModel.DenyViewAsync"/>).</summary>
    async Task<Header?> HeaderAsync(int id)
    {
        if (await DenyViewAsync(id) is not null) return null;
        var plan = await Db.Plans.AsNoTracking().Include(p => p.OwnerAgency).FirstAsync(p => p.Id == id);
        var canEdit = PlanAccess.CanEdit(Viewer, plan.OwnerAgencyId) && PlanLifecycle.IsFollowed(plan.Status);
        var counts = await Db.Plans.Where(p => p.Id == id).Select(p => new PlanCounts(p.Areas.Count, p.Tasks.Count, p.Activities.Count)).FirstAsync();
        // Counted here, not in SQL: with "AgencyId IS NULL" in the query SQLite walks the AgencyId index over every plan's
        // unresolved names (30 ms on the large province) instead of this plan's few hundred assignments.
        var unresolved = (await Db.Activities.Where(a => a.PlanId == id).SelectMany(a => a.Assignments)
            .Select(x => x.AgencyId == null && x.GroupId == null).ToListAsync()).Count(unresolved => unresolved);
        var basis = plan.OwnerAgencyId is null ? null : (await PlanBasis.EndedAsync(Db, Db.Plans.Where(p => p.Id == id))).FirstOrDefault();
        var header = new Header(plan, canEdit, counts, unresolved, null, null, null, null, basis);
        if (Me.IsOfficer && plan.OwnerAgencyId is null)
            header = header with { OwnAgencyPlanId = await Db.Plans.Where(p => p.ParentPlanId == id && p.OwnerAgencyId == Me.AgencyId).Select(p => (int?)p.Id).FirstOrDefaultAsync() };
        if (!Me.IsCoordinator) return header;
        if (plan.Status == PlanStatus.Issued) header = header with { Withdrawal = await lifecycle.WithdrawalCountsAsync(id) };
        if (plan.Status == PlanStatus.Draft && await lifecycle.IssuedRivalAsync(plan) is { } rival)
            header = header with
            {
                Rival = rival,
                Replacement = plan.ReplacesPlanId == rival.Id ? await lifecycle.ReplacementCountsAsync(rival.Id, id) : null,
            };
        return header;
    }
}
