using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Dossiers;

/// <summary>Dossier codes for other features (the satisfaction survey's sampling frame), so they need not read the table.</summary>
public static class ResolvedDossiers
{
    /// <summary>The codes of the dossiers these agencies resolved between the two days (both included), in ordinal order.</summary>
    public static async Task<List<string>> CodesAsync(AppDbContext db, IReadOnlyCollection<int> agencyIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = agencyIds.ToList();
        var codes = await db.Set<Dossier>().AsNoTracking()
            .Where(d => ids.Contains(d.AgencyId) && d.ResolvedOn >= from && d.ResolvedOn <= to)
            .Select(d => d.Code).ToListAsync(ct);
        // Sorted here, not in SQL: the two databases collate differently, and a seeded draw needs the same order everywhere.
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }
}
