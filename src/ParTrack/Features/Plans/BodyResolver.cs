using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>
/// Resolves written body names by alias key, agency name or short name, or group name. Loaded once per
/// request (the registry is small) so an import of hundreds of names makes one round trip.
/// </summary>
public static class BodyResolver
{
    public static async Task<ResolveBody> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var map = new Dictionary<string, ResolvedBody>();
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.ShortName, a.SuccessorId }).ToListAsync(ct);
        var successor = agencies.ToDictionary(a => a.Id, a => a.SuccessorId);
        int Current(int id)
        {
            // A merged body's work follows it to its successor (bounded against cycles).
            for (var i = 0; i < 20 && successor.GetValueOrDefault(id) is int next; i++) id = next;
            return id;
        }
        foreach (var g in await db.AgencyGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(ct))
            map.TryAdd(AliasKey.Of(g.Name), new ResolvedBody(null, g.Id));
        foreach (var a in agencies)
        {
            map.TryAdd(AliasKey.Of(a.Name), new ResolvedBody(Current(a.Id), null));
            if (!string.IsNullOrWhiteSpace(a.ShortName)) map.TryAdd(AliasKey.Of(a.ShortName), new ResolvedBody(Current(a.Id), null));
        }
        // Aliases are what people chose by hand: they win over name matches.
        foreach (var al in await db.AgencyAliases.AsNoTracking().ToListAsync(ct))
            map[al.Key] = new ResolvedBody(al.AgencyId is int id ? Current(id) : null, al.GroupId);

        return name => map.TryGetValue(AliasKey.Of(name), out var hit) ? hit : null;
    }
}
