namespace ParTrack.Import.Layouts.Table;

internal static class FlowTextLayout
{
    public static List<TableRow>? Read(IReadOnlyList<string> lines, List<ImportWarning> warnings) => null;
}
