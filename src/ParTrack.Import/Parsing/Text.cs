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
        // Normalising through ICU costs microseconds per call and the importer cleans every line and
        // cell several times: skip it when no character can change under NFC (see MayChangeUnderNfc).
        var n = MayChangeUnderNfc(s) ? s.Normalize(NormalizationForm.FormC) : s;
        n = n.Replace('\u00A0', ' ');
        if (n.AsSpan().IndexOfAny(InvisibleChars) >= 0) n = Invisible().Replace(n, "");
        return NeedsSpaceCollapse(n) ? Spaces().Replace(n, " ").Trim() : n;
    }

    private static readonly System.Buffers.SearchValues<char> InvisibleChars = System.Buffers.SearchValues.Create("\u0000\u200B\uFEFF\u00AD");

    /// <summary>False when every character is one NFC leaves alone: below the combining marks (U+0300),
    /// Vietnamese precomposed letters (U+1EA0–U+1EFF) or general punctuation (U+2000–U+206F).</summary>
    private static bool MayChangeUnderNfc(string s)
    {
        foreach (var c in s)
            if (c >= '\u0300' && !(c is >= '\u1EA0' and <= '\u1EFF') && !(c is >= '\u2000' and <= '\u206F')) return true;
        return false;
    }

    private static bool NeedsSpaceCollapse(string s)
    {
        if (s.Length == 0) return false;
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return true;
        for (var i = 0; i < s.Length; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1])))) return true;
        return false;
    }

    /// <summary>Each line cleaned, empty lines dropped, the line breaks kept; null when nothing is left.</summary>
    public static string? CleanLines(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var lines = s.Split('\n').Select(Clean).Where(l => l.Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
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
        s.AsSpan().IndexOfAny(TonedOU) < 0 ? s : OldTone().Replace(s, m => MoveTone(m.Groups[1].Value[0], m.Groups[2].Value[0]));

    private static readonly System.Buffers.SearchValues<char> TonedOU = System.Buffers.SearchValues.Create("óòỏõọÓÒỎÕỌúùủũụÚÙỦŨỤ");

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
