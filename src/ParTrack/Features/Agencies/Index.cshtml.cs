using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>The registry: every signed-in user may read it; coordinators edit.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public AdminLevel? Level { get; set; }
    /// <summary>"current" (default), "all", or "past".</summary>
    [BindProperty(SupportsGet = true)] public string? Validity { get; set; }

    public sealed record Row(int Id, string Name, string? ShortName, AgencyKind Kind, AdminLevel Level, string? Parent,
        DateOnly? ValidFrom, DateOnly? ValidTo, string? Successor, List<string> Aliases);

    public List<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = db.Agencies.AsNoTracking();
        if (Kind is { } kind) query = query.Where(a => a.Kind == kind);
        if (Level is { } level) query = query.Where(a => a.Level == level);
        var today = Today;
        query = (Validity ?? "current") switch
        {
            "all" => query,
            "past" => query.Where(a => a.ValidTo != null && a.ValidTo < today),
            _ => query.Where(a => (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || a.ValidTo >= today)),
        };
        var rows = await query.Select(a => new Row(a.Id, a.Name, a.ShortName, a.Kind, a.Level,
                a.Parent != null ? a.Parent.Name : null, a.ValidFrom, a.ValidTo,
                a.Successor != null ? a.Successor.Name : null, a.Aliases.Select(x => x.Text).ToList()))
            .ToListAsync();
        // Search in memory over the normalised keys so "sở tttt" finds "Sở TTTT" on every database.
        if (AliasKey.Of(Q) is { Length: > 0 } q)
            rows = rows.Where(r => AliasKey.Of(r.Name).Contains(q) || AliasKey.Of(r.ShortName).Contains(q)
                || r.Aliases.Any(x => AliasKey.Of(x).Contains(q))).ToList();
        Rows = rows.OrderBy(r => r.Level).ThenBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Create(new("vi-VN"), false)).ToList();
    }
}
