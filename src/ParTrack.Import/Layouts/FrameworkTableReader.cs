using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>What a framework table (khung nhiệm vụ) or a prose plan yields.</summary>
public sealed record PlanBody(List<PlanArea> Areas, List<PlanTarget> Targets, List<PlanTaskItem> Tasks, List<PlanActivity> Activities);

/// <summary>
/// Finds the framework table (pipe text, PDF text or real tables), detects its columns from the
/// header row, and reads areas, targets, tasks and activities. Returns null when there is no table.
/// Owner: import-table.
/// </summary>
public static class FrameworkTableReader
{
    public static PlanBody? Read(SourceDocument doc, int planYear, List<ImportWarning> warnings) => null;
}
