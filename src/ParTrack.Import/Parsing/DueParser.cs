namespace ParTrack.Import.Parsing;

/// <summary>Reads a "Thời gian hoàn thành" cell into a <see cref="Due"/>. Owner: import-core.</summary>
public static class DueParser
{
    public static Due Parse(string? text, int planYear) => Due.Unknown(text);
}
