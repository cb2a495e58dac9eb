namespace ParTrack.Import.Parsing;

/// <summary>Finds every number a target commits to. Owner: import-core.</summary>
public static class MeasureParser
{
    public static List<Measure> Parse(string text) => [];
}
