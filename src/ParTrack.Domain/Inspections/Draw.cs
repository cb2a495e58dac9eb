namespace ParTrack.Domain.Inspections;

/// <summary>
/// Bốc thăm: units drawn at random among those not inspected in the last years, reproducible from the
/// recorded seed (anyone can re-run the draw and get the same units). The generator is our own
/// (SplitMix64) so the result does not depend on the runtime's <see cref="Random"/>.
/// </summary>
public static class InspectionDraw
{
    /// <summary>The units a draw may pick: valid on the day, not (nor their merged predecessors) inspected in the <paramref name="recentYears"/> years before <paramref name="year"/>.</summary>
    public static IReadOnlyList<int> Eligible(IEnumerable<RegistryUnit> groupUnits, IReadOnlyCollection<RegistryUnit> registry,
        IEnumerable<InspectedUnit> earlier, int year, int recentYears, DateOnly day)
    {
        var byId = registry.ToDictionary(u => u.Id);
        var recent = earlier.Where(i => i.On.Year >= year - recentYears && i.On.Year < year)
            .Select(i => Coverage.CarrierOn(i.UnitId, byId, day)).ToHashSet();
        return groupUnits.Where(u => u.IsValidOn(day) && !recent.Contains(u.Id)).Select(u => u.Id).Order().ToList();
    }

    /// <summary><paramref name="count"/> of the candidates (all when fewer), in draw order; the same seed and candidates give the same units.</summary>
    public static IReadOnlyList<int> Pick(IEnumerable<int> candidates, int count, long seed)
    {
        // Sorted first: the draw depends on the set of candidates, not on the order a query returned them.
        var pool = candidates.Distinct().Order().ToArray();
        var state = unchecked((ulong)seed);
        var take = Math.Clamp(count, 0, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..take];
    }

    /// <summary>A new seed for a draw (recorded with it); any long will do.</summary>
    public static long NewSeed() => Random.Shared.NextInt64(1, long.MaxValue);

    static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
