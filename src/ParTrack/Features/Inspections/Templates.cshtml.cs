using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>Mẫu văn bản: the coordinator adjusts the texts the inspection documents are written from.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class TemplatesModel(AppDbContext db, InspectionTemplates templates) : PageModel
{
    public Dictionary<string, string> Texts { get; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var kind in InspectionTemplates.Names.Keys) Texts[kind] = await templates.TextAsync(kind, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? kind, string? text, CancellationToken ct)
    {
        if (await templates.SaveAsync(kind ?? "", text, ct) is { } error)
        {
            Errors.Add(error);
            await OnGetAsync(ct);
            if (kind is not null && Texts.ContainsKey(kind)) Texts[kind] = text ?? "";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await db.SaveChangesAsync(ct);
        this.SetMessage("Đã lưu mẫu văn bản.");
        return Redirect("/Inspections/Templates");
    }
}
