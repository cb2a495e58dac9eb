namespace ParTrack.Domain.Inspections;

/// <summary>A body of the registry as coverage needs it: when it existed and whom it merged into.</summary>
public sealed record RegistryUnit(int Id, DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId = null)
{
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>One inspection of a unit on a day (the visit, or the planned day while not yet visited).</summary>
public sealed record InspectedUnit(int UnitId, DateOnly On);

public enum TargetKind { Count, Percent }

/// <summary>Chỉ tiêu kiểm tra of a group: at least Value units, or Value percent of the group's units.</summary>
public sealed record CoverageTarget(TargetKind Kind, decimal Value)
{
    /// <summary>How many units meet the target when the group has <paramref name="unitsValid"/> units (a percent rounds up).</summary>
    public int RequiredOf(int unitsValid) => Kind == TargetKind.Count
        ? (int)Math.Ceiling(Value)
        : (int)Math.Ceiling(unitsValid * Value / 100m);
}

/// <param name="Percent">Inspected ÷ units valid × 100, one decimal; null when the group has no unit on the day.</param>
public sealed record GroupCoverage(int UnitsValid, int Inspected, decimal? Percent, CoverageTarget? Target, int? Required)
{
    public bool Met => Required is int r && Inspected >= r;
}

/// <summary>
/// Coverage of a group against its target, counted on the registry of one day (DOMAIN §7: bodies begin and
/// end mid-year). The group's units are those valid on that day; an inspection of a body that has merged
/// since counts for the body that carries its work on that day (its successor), so a department inspected
/// in February and merged in March still covers the merged department, once.
/// </summary>
public static class Coverage
{
    /// <summary>The day coverage is counted on: today, kept within the programme's window.</summary>
    public static DateOnly AsOf(DateOnly windowStart, DateOnly windowEnd, DateOnly today) =>
        today < windowStart ? windowStart : today > windowEnd ? windowEnd : today;

    /// <param name="groupUnits">The bodies the group's rule takes (of any date); validity is checked here.</param>
    /// <param name="registry">Every body, to follow successors (may be the same list).</param>
    public static GroupCoverage Of(IEnumerable<RegistryUnit> groupUnits, IReadOnlyCollection<RegistryUnit> registry,
        IEnumerable<InspectedUnit> inspections, CoverageTarget? target, DateOnly day)
    {
        var valid = groupUnits.Where(u => u.IsValidOn(day)).Select(u => u.Id).ToHashSet();
        var byId = registry.ToDictionary(u => u.Id);
        var inspected = inspections.Where(i => i.On <= day)
            .Select(i => CarrierOn(i.UnitId, byId, day))
            .Where(valid.Contains).Distinct().Count();
        decimal? percent = valid.Count == 0 ? null : Math.Round(inspected * 100m / valid.Count, 1, MidpointRounding.AwayFromZero);
        return new(valid.Count, inspected, percent, target, target?.RequiredOf(valid.Count));
    }

    /// <summary>The body that answers for <paramref name="unitId"/> on the day: itself while valid, else its successor (several hops).</summary>
    public static int CarrierOn(int unitId, IReadOnlyDictionary<int, RegistryUnit> byId, DateOnly day)
    {
        var id = unitId;
        for (var hops = 0; hops < 20 && byId.TryGetValue(id, out var u); hops++)
        {
            if (u.IsValidOn(day) || u.SuccessorId is not int next) return id;
            id = next;
        }
        return id;
    }
}
