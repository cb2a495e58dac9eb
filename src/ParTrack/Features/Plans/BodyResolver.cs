using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>
/// Resolves written body names by agency or group name, short name, or alias (the same keys as AgencyDirectory). Loaded once per
/// request (the registry is small) so an import of hundreds of names makes one round trip.
/// </summary>
public static class BodyResolver
{
    public static async Task<ResolveBody> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var map = new Dictionary<string, ResolvedBody>();
        void Add(string? text, ResolvedBody r)
        {
            var key = AliasKey.Of(text);
            if (key.Length > 0) map.TryAdd(key, r);
        }
        // Same precedence as AgencyDirectory: names, then short names, then aliases. A name keeps pointing
        // at the body the document named (even if it later merged); AgencyMatch follows successors when
        // it decides whose work an activity is.
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.ShortName }).ToListAsync(ct);
        var groups = await db.AgencyGroups.AsNoTracking().Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        foreach (var a in agencies) Add(a.Name, new ResolvedBody(a.Id, null));
        foreach (var g in groups) Add(g.Name, new ResolvedBody(null, g.Id));
        foreach (var a in agencies) Add(a.ShortName, new ResolvedBody(a.Id, null));
        foreach (var al in await db.AgencyAliases.AsNoTracking().ToListAsync(ct)) Add(al.Text, new ResolvedBody(al.AgencyId, al.GroupId));

        return name => map.TryGetValue(AliasKey.Of(name), out var hit) ? hit : null;
    }
}
