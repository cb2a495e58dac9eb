namespace ParTrack.Domain.ParIndex;

public sealed record UnitLoss(string UnitId, decimal Lost);

/// <summary>
/// Points lost on a criterion or sub-criterion: AverageLost over the units it applies to (UnitsAssessed),
/// and the units that lost most (largest first, only units that lost something).
/// </summary>
public sealed record LostPoints(
    string Code, string Title, decimal MaxPoints, int UnitsAssessed, decimal AverageLost, IReadOnlyList<UnitLoss> MostLost);

/// <summary>Both views, each sorted by average points lost, largest first (ties in tree order).</summary>
public sealed record LostPointsReport(IReadOnlyList<LostPoints> BySubCriterion, IReadOnlyList<LostPoints> ByCriterion);

public static class LostPointsAnalysis
{
    /// <summary>
    /// Lost = maximum − final points (survey, appraised or self), counted only where the item applies to
    /// the unit; for a criterion, over its applicable sub-criteria. Linear in units × sub-criteria
    /// (× worstCount for the short lists of worst units).
    /// </summary>
    public static LostPointsReport Analyse(
        CriteriaSet set, IReadOnlyList<UnitAssessment> units, ParIndexOptions? options = null, int worstCount = 3)
    {
        options ??= new ParIndexOptions();
        var items = set.Flatten();
        var leafTally = new Tally[items.Count];
        var criteria = new List<ParCriterion>();
        var criterionOf = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            leafTally[i] = new Tally(worstCount);
            if (criteria.Count == 0 || !ReferenceEquals(criteria[^1], items[i].Criterion)) criteria.Add(items[i].Criterion);
            criterionOf[i] = criteria.Count - 1;
        }
        var criterionTally = criteria.Select(_ => new Tally(worstCount)).ToArray();
        var criterionLost = new decimal[criteria.Count];
        var criterionApplies = new bool[criteria.Count];

        foreach (var unit in units)
        {
            Array.Clear(criterionLost);
            Array.Clear(criterionApplies);
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!ParIndexCalculator.Applies(item, unit, options)) continue;
                decimal lost = item.Sub.MaxPoints - ParIndexCalculator.FinalPoints(item, unit);
                leafTally[i].Add(unit.UnitId, lost);
                criterionLost[criterionOf[i]] += lost;
                criterionApplies[criterionOf[i]] = true;
            }
            for (int c = 0; c < criteria.Count; c++)
                if (criterionApplies[c]) criterionTally[c].Add(unit.UnitId, criterionLost[c]);
        }

        var bySub = new List<LostPoints>();
        for (int i = 0; i < items.Count; i++)
            if (leafTally[i].Units > 0)
                bySub.Add(leafTally[i].Result(items[i].Sub.Code, items[i].Sub.Title, items[i].Sub.MaxPoints));
        var byCriterion = new List<LostPoints>();
        for (int c = 0; c < criteria.Count; c++)
            if (criterionTally[c].Units > 0)
                byCriterion.Add(criterionTally[c].Result(criteria[c].Code, criteria[c].Title, criteria[c].MaxPoints));

        // OrderBy is stable, so equal averages keep tree order.
        return new LostPointsReport(
            bySub.OrderByDescending(l => l.AverageLost).ToList(),
            byCriterion.OrderByDescending(l => l.AverageLost).ToList());
    }

    /// <summary>Running sum and a short, sorted list of the largest losses.</summary>
    private sealed class Tally(int worstCount)
    {
        private readonly List<UnitLoss> worst = new(worstCount + 1);
        private decimal sum;
        public int Units { get; private set; }

        public void Add(string unitId, decimal lost)
        {
            Units++;
            sum += lost;
            if (lost <= 0 || worstCount <= 0) return;
            if (worst.Count == worstCount && lost <= worst[^1].Lost) return;
            // Insert after any equal loss so earlier units stay ahead on ties.
            int at = worst.Count;
            while (at > 0 && worst[at - 1].Lost < lost) at--;
            worst.Insert(at, new UnitLoss(unitId, ParRounding.Points(lost)));
            if (worst.Count > worstCount) worst.RemoveAt(worst.Count - 1);
        }

        public LostPoints Result(string code, string title, decimal max) =>
            new(code, title, max, Units, ParRounding.Points(sum / Units), worst.ToList());
    }
}
