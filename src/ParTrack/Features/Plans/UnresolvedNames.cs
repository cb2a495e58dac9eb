using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

public sealed record UnresolvedName(string Name, int Count, IReadOnlyList<string> ActivityCodes);

/// <summary>Names in a plan that point at no agency or group, and resolving them (remembered as an alias).</summary>
public sealed class UnresolvedNames(AppDbContext db)
{
    public async Task<List<UnresolvedName>> ListAsync(int planId, CancellationToken ct = default)
    {
        var rows = await db.Assignments.AsNoTracking()
            .Where(x => x.AgencyId == null && x.GroupId == null)
            .Join(db.Activities.Where(a => a.PlanId == planId), x => x.ActivityId, a => a.Id, (x, a) => new { x.Name, a.Code, a.Order })
            .ToListAsync(ct);
        return rows.GroupBy(r => AliasKey.Of(r.Name))
            .Select(g => new UnresolvedName(g.First().Name, g.Count(), g.OrderBy(r => r.Order).Select(r => r.Code ?? "—").Distinct().ToList()))
            .OrderBy(n => n.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), true))
            .ToList();
    }

    /// <summary>
    /// Points every assignment of the plan written as <paramref name="name"/> at the agency or group, and
    /// remembers the spelling as an alias so the next import resolves it without help.
    /// </summary>
    public async Task<Outcome<int>> ResolveAsync(int planId, string name, int? agencyId, int? groupId, CancellationToken ct = default)
    {
        if ((agencyId is null) == (groupId is null))
            return Outcome<int>.Invalid("Target", "Hãy chọn đúng một cơ quan hoặc một nhóm cơ quan.");
        if (agencyId is int a && !await db.Agencies.AnyAsync(x => x.Id == a, ct))
            return Outcome<int>.Invalid("Target", "Cơ quan đã chọn không có trong danh mục.");
        if (groupId is int g && !await db.AgencyGroups.AnyAsync(x => x.Id == g, ct))
            return Outcome<int>.Invalid("Target", "Nhóm cơ quan đã chọn không có trong danh mục.");
        var key = AliasKey.Of(name);
        if (key.Length == 0) return Outcome<int>.Invalid("Name", "Thiếu tên cần gắn.");

        var assignments = await db.Assignments
            .Where(x => db.Activities.Any(act => act.Id == x.ActivityId && act.PlanId == planId))
            .ToListAsync(ct);
        var matching = assignments.Where(x => AliasKey.Of(x.Name) == key).ToList();
        if (matching.Count == 0) return Outcome<int>.NotFound();
        foreach (var x in matching)
        {
            x.AgencyId = agencyId;
            x.GroupId = groupId;
        }
        // Touch the activities' versions so an open edit form of one of them does not silently undo this.
        var activityIds = matching.Select(x => x.ActivityId).Distinct().ToList();
        foreach (var act in await db.Activities.Where(x => activityIds.Contains(x.Id)).ToListAsync(ct))
            act.Version = Guid.NewGuid();

        var alias = await db.AgencyAliases.FirstOrDefaultAsync(x => x.Key == key, ct);
        if (alias is null) db.AgencyAliases.Add(new AgencyAlias { Text = name.Trim(), Key = key, AgencyId = agencyId, GroupId = groupId });
        else { alias.AgencyId = agencyId; alias.GroupId = groupId; }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(matching.Count);
    }
}
