using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Dossiers;

/// <summary>/Dossiers/Imports/{id}: what an import did (rows taken, dossiers replaced) and each refused row with its reason.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class ImportSummaryModel(AppDbContext db) : PageModel
{
    public DossierImport Import { get; private set; } = null!;
    public List<RefusedLine> Refused { get; private set; } = [];

    public sealed record RefusedLine(int Line, string Reason);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Set<DossierImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } import) return NotFound();
        Import = import;
        Refused = import.RefusedJson is { } json ? JsonSerializer.Deserialize<List<RefusedLine>>(json) ?? [] : [];
        return Page();
    }
}
