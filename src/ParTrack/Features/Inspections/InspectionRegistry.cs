using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Inspections;

/// <summary>The registry as the inspection rules see it: every body with its dates and successor, and group rules.</summary>
public sealed class InspectionRegistry
{
    public required IReadOnlyList<RegistryUnit> Units { get; init; }
    public required IReadOnlyDictionary<int, Agency> Agencies { get; init; }
    public required IReadOnlyList<AgencyGroup> Groups { get; init; }

    public static async Task<InspectionRegistry> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var groups = await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        return new()
        {
            Agencies = agencies, Groups = groups,
            Units = agencies.Values.Select(a => new RegistryUnit(a.Id, a.ValidFrom, a.ValidTo, a.SuccessorId)).ToList(),
        };
    }

    /// <summary>The bodies a group's rule takes, of any date (the rules check validity on their day).</summary>
    public IReadOnlyList<RegistryUnit> Members(AgencyGroup group) =>
        Units.Where(u => AgencyDirectory.IsMember(group, Agencies[u.Id].Kind, Agencies[u.Id].Level)).ToList();

    public string NameOf(int agencyId) => Agencies.TryGetValue(agencyId, out var a) ? a.Name : $"#{agencyId}";
}
