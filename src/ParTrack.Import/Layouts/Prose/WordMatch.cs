using System.Globalization;
using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Prose;

/// <summary>
/// Compares goal statements by their words. The body and the table word the same goal a little
/// differently ("hồ sơ" / "kết quả", "cấp tỉnh" / "cấp sở", "hoá" / "hóa"), so matching counts shared
/// content syllables, ignoring numbers (compared on their own) and common function words.
/// </summary>
public static partial class WordMatch
{
    private static readonly HashSet<string> FunctionWords =
    [
        "các", "của", "và", "được", "có", "trong", "theo", "với", "cho", "để", "là", "những", "này", "đó",
        "từ", "trở", "lên", "tại", "về", "năm", "số", "đạt", "phấn", "đấu", "tối", "thiểu", "ít", "nhất",
        "trên", "tỷ", "lệ", "100", "đối", "hoặc",
    ];

    // Two spellings of the same syllable that NFC does not unify: old-style tone placement.
    private static readonly (string Old, string New)[] ToneSpellings =
    [
        ("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oé", "óe"), ("oè", "òe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ];

    public static HashSet<string> ContentWords(string text)
    {
        var s = Text.Clean(text).ToLower(CultureInfo.InvariantCulture);
        foreach (var (old, @new) in ToneSpellings) s = s.Replace(old, @new);
        return Word().Matches(s).Select(m => m.Value)
            .Where(w => !FunctionWords.Contains(w) && !w.Any(char.IsDigit))
            .ToHashSet();
    }

    /// <summary>Share of <paramref name="part"/>'s content words that <paramref name="whole"/> also has (0..1).</summary>
    public static double Coverage(HashSet<string> part, HashSet<string> whole) =>
        part.Count == 0 ? 0 : (double)part.Count(whole.Contains) / part.Count;

    /// <summary>
    /// The quantities a statement commits to: percentages and counts, as printed numbers
    /// ("60", "2,5", "03" → 3). Years, dates and document numbers are left out.
    /// </summary>
    public static List<decimal> Quantities(string text)
    {
        var result = new List<decimal>();
        foreach (Match m in Quantity().Matches(Text.Clean(text)))
        {
            var raw = m.Groups["n"].Value;
            var isPercent = m.Groups["pct"].Success;
            if (!isPercent && raw.Length == 4 && (raw.StartsWith("19") || raw.StartsWith("20"))) continue;
            if (decimal.TryParse(raw.Replace(".", "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                result.Add(v);
        }
        return result;
    }

    /// <summary>Sentences and ";"-clauses of a statement, each long enough to mean something.</summary>
    public static List<string> Clauses(string text) =>
        ClauseBreak().Split(Text.Clean(text)).Select(c => c.Trim(' ', '.', ';', '-'))
            .Where(c => ContentWords(c).Count >= 3).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    // A number standing alone (not inside "9/8/2022", "60/2021/NĐ-CP" or "ISO 9001:2015"),
    // optionally followed by "%".
    [GeneratedRegex(@"(?<![\d/:.,\-])(?<n>\d+(?:[.,]\d+)?)(?![\d/:\-])(?:\s?(?<pct>%))?")]
    private static partial Regex Quantity();

    [GeneratedRegex(@";|\.\s+(?=\p{Lu})|\s-\s(?=\p{Lu})")]
    private static partial Regex ClauseBreak();
}
