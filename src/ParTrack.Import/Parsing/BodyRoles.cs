using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

/// <summary>
/// One "Cơ quan thực hiện" cell that names both roles, as many plans write it instead of two columns:
/// "Sở Nội vụ chủ trì; Sở Tư pháp, Sở Tài chính phối hợp", "Sở Nội vụ (chủ trì), Sở Tư pháp (phối hợp)",
/// "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", "Chủ trì: Sở Nội vụ; phối hợp: Sở Tư pháp". The bodies
/// before (or after the label) "chủ trì" lead; the others support. A cell without "chủ trì" is left alone.
/// </summary>
public static partial class BodyRoles
{
    /// <summary>The lead and support parts of a cell naming roles; null when the cell names none.</summary>
    public static (string Lead, string? Support)? Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return null;
        var text = cell.Trim();
        var m = Labelled().Match(text);
        if (!m.Success) m = Marked().Match(text);
        if (!m.Success || m.Groups["lead"].Value.Trim().Length == 0) return null;
        var support = m.Groups["support"].Success ? m.Groups["support"].Value.Trim(' ', '.', ';', ',', '\n') : null;
        return (m.Groups["lead"].Value.Trim(' ', ';', ',', '\n'), string.IsNullOrEmpty(support) ? null : support);
    }

    // "X chủ trì; Y, Z phối hợp", "X (chủ trì), Y (phối hợp)", "X chủ trì, phối hợp với Y", "X chủ trì".
    [GeneratedRegex(@"^(?<lead>.+?)\s*\(?\s*chủ\s+trì\s*\)?\s*[;,.\n]?\s*(?:phối\s+hợp\s*(?:với|:)\s*(?<support>.+)|(?<support>.+?)\s*\(?\s*phối\s+hợp\s*\)?\.?)?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Marked();

    // "Chủ trì: X; Phối hợp: Y".
    [GeneratedRegex(@"^chủ\s+trì\s*:\s*(?<lead>.+?)(?:\s*[;.\n]\s*phối\s+hợp\s*:\s*(?<support>.+))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Labelled();
}
