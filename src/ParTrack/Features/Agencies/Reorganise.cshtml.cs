using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Agencies;

/// <summary>
/// Merge, split or rename bodies of the registry: the form, a preview of what moves (open work, accounts,
/// PAR units), then the confirmation. Coordinators and administrators only.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class ReorganiseModel(AppDbContext db, Reorganisation reorganisation, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public ReorganisationInput Input { get; set; } = new();
    /// <summary>The receiving body (merge) or main successor (split), chosen apart from the others so it comes first.</summary>
    [BindProperty] public int? MainToId { get; set; }
    [BindProperty] public List<int> OtherToIds { get; set; } = [];

    public ReorganisationPreview? Preview { get; private set; }
    public List<SelectListItem> Agencies { get; private set; } = [];
    public List<ChangeRow> History { get; private set; } = [];

    public sealed record ChangeRow(DateOnly EffectiveOn, ChangeKind Kind, string From, string To, string? Note);

    public async Task OnGetAsync(ChangeKind? kind, int? from)
    {
        if (kind is { } k) Input.Kind = k;
        if (from is int id) Input.FromIds = [id];
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await reorganisation.PreviewAsync(Compose());
            if (outcome.Value is { } preview) Preview = preview;
            else AddErrors(outcome.Errors);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await reorganisation.ApplyAsync(Compose());
            if (outcome.IsOk)
            {
                TempData["Message"] = T["Đã lưu việc sắp xếp tổ chức; công việc, tài khoản và đơn vị chấm điểm đã chuyển sang cơ quan tiếp nhận."].Value;
                return RedirectToPage("Reorganise");
            }
            AddErrors(outcome.Errors);
        }
        await LoadAsync();
        return Page();
    }

    ReorganisationInput Compose()
    {
        Input.ToIds = [.. (MainToId is int main ? [main] : Array.Empty<int>()), .. OtherToIds.Where(id => id != MainToId)];
        if (Input.Kind != ChangeKind.Split) Input.ToIds = Input.ToIds.Take(1).ToList();
        return Input;
    }

    void AddErrors(IReadOnlyDictionary<string, string>? errors)
    {
        foreach (var (field, message) in errors ?? new Dictionary<string, string>())
            ModelState.AddModelError(field == "ToIds" ? nameof(MainToId) : $"{nameof(Input)}.{field}", T[message]);
    }

    async Task LoadAsync()
    {
        Agencies = await AgencyChoices.ForSelectAsync(db);
        var changes = await db.Set<AgencyChange>().AsNoTracking().Include(c => c.Parts.OrderBy(p => p.Id)).ThenInclude(p => p.FromAgency)
            .Include(c => c.Parts.OrderBy(p => p.Id)).ThenInclude(p => p.ToAgency).OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.Id).Take(50).ToListAsync();
        History = changes.Select(c => new ChangeRow(c.EffectiveOn, c.Kind,
            string.Join(", ", c.Parts.Select(p => p.FromAgency!.Name).Distinct()),
            string.Join(", ", c.Parts.Select(p => p.ToAgency!.Name).Distinct()), c.Note)).ToList();
    }
}
