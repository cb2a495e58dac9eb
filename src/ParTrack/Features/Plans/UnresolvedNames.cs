using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

public sealed record UnresolvedName(string Name, int Count, IReadOnlyList<string> ActivityCodes);

/// <summary>Names in a plan that point at no agency or group, and resolving them (remembered as an alias).</summary>
public sealed class UnresolvedNames(AppDbContext db, TimeProvider clock)
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
    /// remembers the spelling for later imports as far as the user may: a coordinator who confirmed
    /// <see cref="NameScope.Province"/> teaches the province registry; otherwise an agency plan's resolution
    /// is remembered for that agency's own plans, and a province plan's only fixes that plan.
    /// An officer never changes how the province or another agency resolves a name (issue 19, finding 1).
    /// </summary>
    public async Task<Outcome<NameResolved>> ResolveAsync(int planId, string name, int? agencyId, int? groupId,
        NameScope scope, NameResolver me, CancellationToken ct = default)
    {
        if ((agencyId is null) == (groupId is null))
            return Outcome<NameResolved>.Invalid("Target", "Hãy chọn đúng một cơ quan hoặc một nhóm cơ quan.");
        if (agencyId is int a && !await db.Agencies.AnyAsync(x => x.Id == a, ct))
            return Outcome<NameResolved>.Invalid("Target", "Cơ quan đã chọn không có trong danh mục.");
        if (groupId is int g && !await db.AgencyGroups.AnyAsync(x => x.Id == g, ct))
            return Outcome<NameResolved>.Invalid("Target", "Nhóm cơ quan đã chọn không có trong danh mục.");
        var key = AliasKey.Of(name);
        if (key.Length == 0 || key.Length > Limits.Name) return Outcome<NameResolved>.Invalid("Name", "Thiếu tên cần gắn hoặc tên quá dài.");
        var owner = await db.Plans.Where(p => p.Id == planId).Select(p => p.OwnerAgencyId).FirstOrDefaultAsync(ct);

        var assignments = await db.Assignments
            .Where(x => db.Activities.Any(act => act.Id == x.ActivityId && act.PlanId == planId))
            .ToListAsync(ct);
        var matching = assignments.Where(x => AliasKey.Of(x.Name) == key).ToList();
        if (matching.Count == 0) return Outcome<NameResolved>.NotFound();
        foreach (var x in matching)
        {
            x.AgencyId = agencyId;
            x.GroupId = groupId;
        }
        // Touch the activities' versions so an open edit form of one of them does not silently undo this.
        var activityIds = matching.Select(x => x.ActivityId).Distinct().ToList();
        foreach (var act in await db.Activities.Where(x => activityIds.Contains(x.Id)).ToListAsync(ct))
            act.Version = Guid.NewGuid();

        var now = clock.GetUtcNow().UtcDateTime;
        var remembered = NameScope.ThisPlan;
        if (scope == NameScope.Province && me.IsCoordinator)
        {
            var alias = await db.AgencyAliases.FirstOrDefaultAsync(x => x.Key == key, ct);
            if (alias is null) db.AgencyAliases.Add(alias = new AgencyAlias { Text = name.Trim(), Key = key });
            (alias.AgencyId, alias.GroupId, alias.CreatedBy, alias.CreatedAtUtc) = (agencyId, groupId, me.UserName, now);
            remembered = NameScope.Province;
        }
        else if (owner is int agency)
        {
            var alias = await db.AgencyScopedAliases.FirstOrDefaultAsync(x => x.OwnerAgencyId == agency && x.Key == key, ct);
            if (alias is null) db.AgencyScopedAliases.Add(alias = new AgencyScopedAlias { OwnerAgencyId = agency, Text = name.Trim(), Key = key });
            (alias.AgencyId, alias.GroupId, alias.CreatedBy, alias.CreatedAtUtc) = (agencyId, groupId, me.UserName, now);
            remembered = NameScope.Agency;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<NameResolved>.Ok(new NameResolved(matching.Count, remembered));
    }
}

/// <summary>How far a name's resolution reaches: this plan, the plan's agency's later plans, or every import.</summary>
public enum NameScope { ThisPlan, Agency, Province }

public sealed record NameResolved(int Places, NameScope RememberedFor);

/// <summary>Who resolves a name: only a coordinator may teach the province registry.</summary>
public sealed record NameResolver(string UserName, bool IsCoordinator);
