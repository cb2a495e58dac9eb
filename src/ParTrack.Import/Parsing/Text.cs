using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

public static partial class Text
{
    /// <summary>NFC, NBSP to space, whitespace collapsed, trimmed: the contract's string form.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var n = s.Normalize(NormalizationForm.FormC).Replace('\u00A0', ' ');
        return Spaces().Replace(n, " ").Trim();
    }

    public static string? CleanOrNull(string? s)
    {
        var c = Clean(s);
        return c.Length == 0 ? null : c;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
