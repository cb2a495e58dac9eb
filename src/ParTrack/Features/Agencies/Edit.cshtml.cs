using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Agencies;

/// <summary>Create (no id) or edit an agency. Coordinators and administrators only.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class EditModel(AppDbContext db, SaveAgency save, FormOnce formOnce, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public AgencyInput Input { get; set; } = new();
    /// <summary>Aliases as typed in the textarea, one per line.</summary>
    [BindProperty] public string? AliasesText { get; set; }

    public int? Id { get; private set; }
    public bool Conflict { get; private set; }
    public List<SelectListItem> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is not null)
        {
            var a = await db.Agencies.AsNoTracking().Include(x => x.Aliases).FirstOrDefaultAsync(x => x.Id == id);
            if (a is null) return NotFound();
            Input = new AgencyInput
            {
                Name = a.Name, ShortName = a.ShortName, Kind = a.Kind, Level = a.Level, ParentId = a.ParentId,
                ValidFrom = a.ValidFrom, ValidTo = a.ValidTo, SuccessorId = a.SuccessorId, Version = a.Version,
            };
            AliasesText = string.Join("\n", a.Aliases.Select(x => x.Text));
        }
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (id is null && await formOnce.EarlierResultAsync() is { } earlier) return LocalRedirect(earlier);
        Input.Aliases = (AliasesText ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        if (ModelState.IsValid)
        {
            var result = await save.ApplyAsync(Input, id);
            switch (result.Kind)
            {
                case OutcomeKind.NotFound: return NotFound();
                case OutcomeKind.Invalid:
                    // The same form posted at the same moment may have just created this agency (its key and
                    // the agency commit together): then "name already used" is that post's success, not an error.
                    if (id is null && await formOnce.EarlierResultAsync() is { } first) return LocalRedirect(first);
                    AddErrors(result);
                    break;
                case OutcomeKind.Conflict:
                    Conflict = true;
                    break;
                case OutcomeKind.Ok when result.Value is { } agency:
                    try
                    {
                        var target = await formOnce.SaveChangesAsync(() => Url.Page("Edit", new { id = agency.Id })!);
                        TempData["Message"] = T["Đã lưu cơ quan \"{0}\".", agency.Name].Value;
                        return LocalRedirect(target);
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        Conflict = true;
                    }
                    break;
            }
        }
        if (Conflict) ModelState.AddModelError("", T[ApiExceptionHandler.ConcurrencyMessage]);
        await LoadChoicesAsync();
        return Page();
    }

    async Task LoadChoicesAsync()
    {
        Agencies = await AgencyChoices.ForSelectAsync(db, Id);
    }

    /// <summary>The aliases are typed one per line in a text box, so their errors show there.</summary>
    void AddErrors(Outcome<Agency> result) => ModelState.AddOutcome(result, translate: m => T[m],
        keyOf: field => field == nameof(AgencyInput.Aliases) ? nameof(AliasesText) : $"{nameof(Input)}.{field}");
}
