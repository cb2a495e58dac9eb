using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

public static partial class Text
{
    /// <summary>
    /// NFC, NBSP to space, whitespace collapsed, trimmed: the contract's string form. Invisible
    /// characters that web pages and Word leave inside words (NUL, zero-width space, BOM, soft hyphen)
    /// are removed: they are invisible to the reader and only break matching.
    /// </summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var n = s.Normalize(NormalizationForm.FormC).Replace('\u00A0', ' ');
        n = Invisible().Replace(n, "");
        return Spaces().Replace(n, " ").Trim();
    }

    public static string? CleanOrNull(string? s)
    {
        var c = Clean(s);
        return c.Length == 0 ? null : c;
    }

    /// <summary>
    /// A form for matching, never for output: cleaned, lower case, old-style tone placement
    /// ("hoá", "uỷ") moved to the new style ("hóa", "ủy") — NFC does not unify the two.
    /// </summary>
    public static string Fold(string? s)
    {
        var c = Clean(s).ToLowerInvariant();
        return FoldTones(c);
    }

    /// <summary>
    /// Puts the tone of "oa", "oe", "uy" on the second vowel ("hóa" → "hoá", "ủy" → "uỷ") when the
    /// syllable ends there, so both spellings compare equal. "hoàn", "quý" and "của" are left alone.
    /// </summary>
    public static string FoldTones(string s) =>
        OldTone().Replace(s, m => MoveTone(m.Groups[1].Value[0], m.Groups[2].Value[0]));

    private static string MoveTone(char toned, char plain)
    {
        var parts = toned.ToString().Normalize(NormalizationForm.FormD);
        var mark = parts[1..];
        return (parts[0] + (plain + mark).Normalize(NormalizationForm.FormC)).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters and digits only, lower case: survives words broken by PDF extraction ("Thườn g xuyên").</summary>
    public static string Squash(string? s)
    {
        var f = Fold(s);
        var sb = new StringBuilder(f.Length);
        foreach (var ch in f)
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
        return sb.ToString();
    }

    [GeneratedRegex("[\u0000\u200B\uFEFF\u00AD]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<![qQ])([óòỏõọÓÒỎÕỌ](?=[aeAE])|[úùủũụÚÙỦŨỤ](?=[yY]))([aeyAEY])(?!\p{L})")]
    private static partial Regex OldTone();
}
