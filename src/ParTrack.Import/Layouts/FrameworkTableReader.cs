using ParTrack.Import.Layouts.Table;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>What a framework table (khung nhiệm vụ) or a prose plan yields.</summary>
public sealed record PlanBody(List<PlanArea> Areas, List<PlanTarget> Targets, List<PlanTaskItem> Tasks, List<PlanActivity> Activities);

/// <summary>
/// Finds the framework table (pipe text, PDF text or real tables), detects its columns from the
/// header row, and reads areas, targets, tasks and activities. Returns null when there is no table.
/// Every layout first rebuilds rows of cells (<see cref="TableRow"/>); one interpreter turns rows
/// into the plan, so the three layouts agree on codes, areas and rowspans.
/// Areas: a roman-numeral row is an area ("VII"); a subsection row inside it ("1", "2" in 000,
/// "A", "B" in 002) becomes its own area coded "VII.1" / "VII.A", listed after its parent, and
/// the items below it carry that code, because target/task numbering restarts in each subsection.
/// Owner: import-table.
/// </summary>
public static class FrameworkTableReader
{
    public static PlanBody? Read(SourceDocument doc, int planYear, List<ImportWarning> warnings) =>
        ReadDetailed(doc, planYear, warnings)?.Body;

    internal static TableReadResult? ReadDetailed(SourceDocument doc, int planYear, List<ImportWarning> warnings)
    {
        var rows = RealTableLayout.Read(doc.Tables, warnings)
            ?? PipeTextLayout.Read(doc.Lines, warnings)?.Rows
            ?? RealTableLayout.Read(TabTextLayout.Tables(doc.Lines), warnings)
            ?? PositionedTextLayout.Read(doc.Lines, warnings)
            ?? FlowTextLayout.Read(doc.Lines, warnings);
        if (rows is null) return null;

        var interpreter = new RowInterpreter(planYear, warnings);
        foreach (var row in rows) interpreter.Add(row);
        return interpreter.Finish();
    }
}
