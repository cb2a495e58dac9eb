using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>All body names of a plan that point at no agency or group, each with a resolve form.</summary>
public sealed class NamesModel(AppDbContext db, CurrentUser me, UnresolvedNames names) : PlanPageModel(db, me)
{
    public Plan Plan { get; private set; } = null!;
    public List<UnresolvedName> Names { get; private set; } = [];
    public List<SelectListItem> Options { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>Where to come back after resolving (the import preview uses this page's forms too).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DenyViewAsync(id) is { } deny) return deny;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string name, string? target, bool provinceWide)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        var (agency, group) = ParseBody(target);
        var result = await names.ResolveAsync(id, name ?? "", agency, group, provinceWide ? NameScope.Province : NameScope.Agency,
            new NameResolver(Me.UserName, Me.IsCoordinator));
        if (result.IsOk)
        {
            var done = result.Value!;
            this.SetMessage(done.RememberedFor switch
            {
                NameScope.Province => "Đã gắn \"{0}\" ({1} chỗ); từ nay mọi lần nhập kế hoạch trong tỉnh sẽ tự nhận ra tên này.",
                NameScope.Agency => "Đã gắn \"{0}\" ({1} chỗ); các kế hoạch sau của cơ quan này sẽ tự nhận ra tên này.",
                _ => "Đã gắn \"{0}\" ({1} chỗ) trong kế hoạch này.",
            }, name ?? "", done.Places);
            return LocalRedirect(LocalUrl.OrDefault(ReturnUrl, $"/Plans/{id}/Names"));
        }
        if (result.Kind == OutcomeKind.NotFound) ModelState.AddModelError("", $"Không còn tên \"{name}\" chưa gắn trong kế hoạch này; có thể người khác vừa gắn xong.");
        else AddErrors(result);
        await LoadAsync(id);
        return Page();
    }

    async Task LoadAsync(int id)
    {
        Plan = (await Db.Plans.FindAsync(id))!;
        CanEdit = PlanAccess.CanEdit(Viewer, Plan.OwnerAgencyId);
        Names = await names.ListAsync(id);
        Options = await BodyOptionsAsync(Db);
    }
}
