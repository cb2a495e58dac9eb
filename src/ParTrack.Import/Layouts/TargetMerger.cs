namespace ParTrack.Import.Layouts;

/// <summary>
/// "Each goal once": the table's targets, plus the body's targets the table does not restate.
/// When both state a goal with different numbers, keep the table's and warn. Owner: import-prose.
/// </summary>
public static class TargetMerger
{
    public static List<PlanTarget> Merge(List<PlanTarget> tableTargets, List<PlanTarget> bodyTargets, List<ImportWarning> warnings) =>
        tableTargets.Count > 0 ? tableTargets : bodyTargets;
}
