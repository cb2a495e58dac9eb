using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>
/// Reads targets from the body's numbered "chỉ tiêu / mục tiêu" sections and, for a plan without
/// a framework table, its areas, tasks and activities from numbered task sections. Also reads
/// targets from running text (news summaries). Owner: import-prose.
/// </summary>
public static class ProseReader
{
    /// <summary>Targets stated in the body, with the body's numbering.</summary>
    public static List<PlanTarget> ReadBodyTargets(SourceDocument doc, int planYear, List<ImportWarning> warnings) => [];

    /// <summary>Areas, tasks and activities of a prose plan (no framework table).</summary>
    public static PlanBody ReadProsePlan(SourceDocument doc, int planYear, List<ImportWarning> warnings) => new([], [], [], []);
}
