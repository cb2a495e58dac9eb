using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Agencies;

[Authorize(Policy = Policies.Coordinator)]
public sealed class GroupEditModel(AppDbContext db, SaveGroup save, FormOnce formOnce, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public GroupInput Input { get; set; } = new();
    [BindProperty] public string? AliasesText { get; set; }
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is null) return Page();
        var g = await db.AgencyGroups.AsNoTracking().Include(x => x.Aliases).FirstOrDefaultAsync(x => x.Id == id);
        if (g is null) return NotFound();
        Input = new GroupInput { Name = g.Name, MemberKinds = AgencyDirectory.KindsOf(g).ToList(), MemberLevel = g.MemberLevel, Version = g.Version };
        AliasesText = string.Join("\n", g.Aliases.Select(a => a.Text));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (id is null && await formOnce.EarlierResultAsync() is { } earlier) return LocalRedirect(earlier);
        Input.Aliases = (AliasesText ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        if (!ModelState.IsValid) return Page();
        var result = await save.ApplyAsync(Input, id);
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        if (result.Kind == OutcomeKind.Conflict) return ConflictPage();
        if (result.Kind == OutcomeKind.Invalid)
        {
            // The same form posted twice at once: the first post's group now holds the name; go where it went.
            if (id is null && await formOnce.EarlierResultAsync() is { } first) return LocalRedirect(first);
            AddErrors(result);
            return Page();
        }
        try
        {
            var target = await formOnce.SaveChangesAsync(() => Url.Page("Groups")!);
            TempData["Message"] = T["Đã lưu nhóm \"{0}\".", result.Value!.Name].Value;
            return LocalRedirect(target);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConflictPage();
        }
    }

    /// <summary>Someone saved the group since this form was opened: keep what was typed and say so.</summary>
    PageResult ConflictPage()
    {
        ModelState.AddModelError("", T[ApiExceptionHandler.ConcurrencyMessage]);
        return Page();
    }

    /// <summary>The aliases are typed one per line in a text box, so their errors show there.</summary>
    void AddErrors(Outcome<AgencyGroup> result) => ModelState.AddOutcome(result, translate: m => T[m],
        keyOf: field => field == nameof(GroupInput.Aliases) ? nameof(AliasesText) : $"{nameof(Input)}.{field}");
}
