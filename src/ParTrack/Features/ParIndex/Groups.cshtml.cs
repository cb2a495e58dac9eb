using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

/// <summary>Unit groups beyond the built-in three ("others as configured"): name and member agency kinds.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class GroupsModel(AppDbContext db, ParGroups groups) : PageModel
{
    public List<ParGroupRow> Configured { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Kinds a configured group can hold (the built-in groups keep theirs).</summary>
    public static IEnumerable<AgencyKind> Choosable => Enum.GetValues<AgencyKind>().Where(k => !ParGroups.BuiltInKinds.Contains(k));

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<AgencyKind> Kinds { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Configured = await groups.ConfiguredAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await groups.CreateAsync(Name, Kinds, ct);
        if (created.Value is not { } row) { Errors = created.Messages; await OnGetAsync(ct); return Page(); }
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã thêm nhóm \"{0}\". Bộ tiêu chí của nhóm được tạo khi tạo đợt đánh giá có nhóm này (hoặc ở trang Chỉ số CCHC).", row.Name);
        return Redirect("/ParIndex/Groups");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var deleted = await groups.DeleteAsync(id, ct);
        if (!deleted.IsOk) { Errors = deleted.Messages; await OnGetAsync(ct); return Page(); }
        await db.SaveChangesAsync(ct);
        return Redirect("/ParIndex/Groups");
    }
}
