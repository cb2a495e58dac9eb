using System.Globalization;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

/// <summary>
/// Finds every number a target commits to (contract "Comparators"; DOMAIN §2 target tables).
/// Choices:
/// - A plain value ("100% …", "đạt 90%", "tổ chức 02 cuộc") is atLeast, as the contract says;
///   "khoảng N" is the only form read as exactly.
/// - A range ("từ 02 đến 03 cuộc", "8-10%") gives two measures: atLeast the low end, atMost the high
///   end, both with the unit written after the high end. Under "giảm"/"tăng" both take that direction.
/// - Levels are set only when values are given for at least two levels (cấp tỉnh/sở, huyện, xã); a target
///   about one level only, or a span "từ cấp tỉnh đến 100% cấp xã", is not "split by level": levels stay null.
/// - Years, dates, document numbers (3098/QĐ-UBND, 61/2018), standards (ISO 9001:2015), section codes
///   ("1.5.", "mục 2.3"), ages ("dưới 40 tuổi") and ranks ("nhóm 20") are not commitments.
/// - The baseline of "giảm … so với năm 2023" is not stored: Measure has no field for it.
/// </summary>
public static partial class MeasureParser
{
    public static List<Measure> Parse(string text) => Parse(text, out _);

    /// <param name="hadUnreadNumbers">True when the text holds a number or "%" that could not be read as a measure nor explained away.</param>
    public static List<Measure> Parse(string text, out bool hadUnreadNumbers)
    {
        hadUnreadNumbers = false;
        var original = Text.Clean(text);
        var s = Text.Fold(original); // same length as original: only case and tone placement differ
        if (s.Length == 0) return [];

        var codeEnd = LeadingCode().Match(s) is { Success: true } code ? code.Length : 0;
        var tokens = new List<NumberToken>();
        var lastSkippedEnd = -1;
        var lastSkippedWasCode = false;
        foreach (Match m in NumberPattern().Matches(s))
        {
            if (m.Index < codeEnd) continue;
            var raw = m.Groups["n"].Value;
            var start = m.Index;
            var end = start + raw.Length;
            var percent = m.Groups["pct"].Success;
            // "mức độ 3 và 4": a number listed right after one that was not a commitment is not one either.
            // "9001:201 5" from a PDF: the tail of a code broken by a space is part of the code.
            var brokenCodeTail = lastSkippedEnd >= 0 && lastSkippedWasCode && !percent && s[lastSkippedEnd..start] == " ";
            if (brokenCodeTail || IsNotACommitment(s, start, end, raw, percent) || (lastSkippedEnd >= 0 && ListJoin().IsMatch(s[lastSkippedEnd..start])))
            {
                lastSkippedEnd = end;
                lastSkippedWasCode = start > 0 && s[start - 1] is '/' or ':';
                continue;
            }
            lastSkippedEnd = -1;
            var value = ReadValue(raw, percent);
            if (value is null)
            {
                if (!SectionNumber().IsMatch(raw)) hadUnreadNumbers = true;
                continue;
            }
            tokens.Add(new NumberToken(start, m.Index + m.Length, value.Value, percent));
        }
        if (PercentSign().Matches(s).Count > tokens.Count(t => t.Percent)) hadUnreadNumbers = true;

        tokens.RemoveAll(t => InExclusionNote(s, t.Start));
        var levels = LevelsFor(s, tokens);
        var result = new List<Measure>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (next is not null && RangeBetween().IsMatch(s[t.End..next.Start]))
            {
                var unit = UnitAfter(original, s, next);
                var direction = Direction(s, t.Start);
                result.Add(new Measure(levels[i], direction ?? Comparators.AtLeast, t.Value, unit));
                result.Add(new Measure(levels[i + 1], direction ?? Comparators.AtMost, next.Value, unit));
                i++;
                continue;
            }
            result.Add(new Measure(levels[i], Comparator(s, t), t.Value, UnitAfter(original, s, t)));
        }
        return result;
    }

    /// <summary>Inside "(không bao gồm …)" or "(trừ …)": a number the target explicitly leaves out.</summary>
    private static bool InExclusionNote(string s, int at)
    {
        var open = s.LastIndexOf('(', Math.Max(0, at - 1));
        if (open < 0 || s.IndexOf(')', open) is var close && close >= 0 && close < at) return false;
        return ExclusionNote().IsMatch(s[(open + 1)..]);
    }

    private sealed record NumberToken(int Start, int End, decimal Value, bool Percent);

    private static bool IsNotACommitment(string s, int start, int end, string raw, bool percent)
    {
        char Before(int back) => start - back >= 0 ? s[start - back] : ' ';
        var after = end < s.Length ? s[end] : ' ';
        // Document numbers, dates, standards: "3098/QĐ-UBND", "61/2018", "31/12", "9001:2015".
        if (Before(1) is '/' or ':' || after is '/' or ':') return true;
        // "27-NQ/TW", "310/KH-UBND": a number joined to letters by a dash is a document number.
        if (after == '-' && end + 1 < s.Length && char.IsLetter(s[end + 1])) return true;
        if (!percent && raw.Length == 4 && int.TryParse(raw, out var year) && year is >= 1900 and <= 2100) return true;
        // A footnote marker stuck to a year range: "2021-20301".
        if (Before(1) is '-' or '–' && start >= 5 && YearEnding().IsMatch(s[..(start - 1)]) && !percent) return true;

        var before = s[..start].TrimEnd();
        if (WordBefore().Match(before) is { Success: true } w && NotCommitmentBefore.Contains(w.Groups[1].Value)) return true;
        if (TwoWordsBefore().Match(before) is { Success: true } w2 && NotCommitmentBefore.Contains(w2.Groups[1].Value)) return true;
        var rest = s[end..].TrimStart('%', ' ');
        return NotCommitmentAfter().IsMatch(rest);
    }

    // Words right before a number that make it a name, date or reference rather than a target.
    private static readonly HashSet<string> NotCommitmentBefore =
    [
        "số", "năm", "tháng", "quý", "ngày", "nhóm", "top", "hạng", "thứ", "điều", "khoản", "mục", "chương",
        "luật", "iso", "tcvn", "đợt", "lần", "giai đoạn", "phụ lục",
        "nghị định", "nghị quyết", "quyết định", "thông tư", "chỉ thị", "kế hoạch", "công văn", "văn bản",
        "mức độ", "cấp độ", "khóa", "khoá", "kỳ",
    ];

    private static decimal? ReadValue(string raw, bool percent)
    {
        string plain;
        if (Thousands().IsMatch(raw))
            plain = raw.Replace(".", "");                      // "4.000" → 4000
        else if (DecimalComma().IsMatch(raw))
            plain = raw.Replace(',', '.');                     // "2,5" → 2.5
        else if (percent && DecimalDot().IsMatch(raw))
            plain = raw;                                       // "2.5%" written the English way
        else if (raw.All(char.IsDigit))
            plain = raw;
        else
            return null;
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>reduceBy/increaseBy when "giảm"/"tăng" governs the number, else null.</summary>
    private static string? Direction(string s, int start)
    {
        var window = s[ClauseStart(s, start)..start];
        var best = -1;
        string? kind = null;
        foreach (Match m in DirectionWord().Matches(window))
        {
            if (m.Index < best) continue;
            best = m.Index;
            kind = m.Groups[1].Value switch
            {
                "giảm" => Comparators.ReduceBy,
                "tăng" => Comparators.IncreaseBy,
                _ => null, // "đạt" starts a new statement of level: "… tăng 20% cho đến khi đạt 100%"
            };
        }
        return kind;
    }

    private static string Comparator(string s, NumberToken t)
    {
        var direction = Direction(s, t.Start);
        if (direction is not null) return direction;

        var before = s[..t.Start].TrimEnd();
        if (before.EndsWith("khoảng") || before.EndsWith("xấp xỉ")) return Comparators.Exactly;
        if ((before.EndsWith("dưới") && !before.EndsWith("không dưới")) || before.EndsWith("dưới mức")) return Comparators.AtMost;
        var after = s[t.End..].TrimStart();
        if (after.StartsWith("trở xuống")) return Comparators.AtMost;
        if (after.StartsWith("trở lên")) return Comparators.AtLeast;

        // Nearest floor or ceiling word in the clause.
        var window = s[ClauseStart(s, t.Start)..t.Start];
        var ceiling = LastIndexOfAny(window, "không quá", "không vượt quá", "tối đa");
        var floor = LastIndexOfAny(window, "tối thiểu", "ít nhất", "không thấp hơn", "không dưới");
        return ceiling > floor ? Comparators.AtMost : Comparators.AtLeast;
    }

    private static int LastIndexOfAny(string s, params string[] words) =>
        words.Max(w => s.LastIndexOf(w, StringComparison.Ordinal));

    private static int ClauseStart(string s, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            if (s[i] is ';' or '\n') return i + 1;
            if (s[i] == '.' && i + 1 < s.Length && s[i + 1] == ' ' && (i == 0 || !char.IsDigit(s[i - 1]))) return i + 1;
        }
        return 0;
    }

    // Counted nouns we know, so a two-word noun ("biên chế") is not cut to its first word.
    private static readonly string[] KnownUnits =
    [
        "biên chế", "sáng kiến", "cơ quan", "đơn vị", "hồ sơ", "thủ tục", "văn bản", "cán bộ", "công chức", "viên chức",
        "hội nghị", "mô hình", "doanh nghiệp", "dịch vụ", "địa phương", "đề án", "nhiệm vụ", "chỉ tiêu", "cơ sở",
        "tỷ đồng", "triệu đồng", "trung tâm", "lớp", "cuộc", "trường", "người", "lượt", "xã", "huyện", "điểm", "ngày", "giờ", "đợt",
    ];

    private static readonly HashSet<string> NotUnits =
    [
        "đến", "tới", "trở", "và", "là", "so", "với", "của", "trên", "dưới", "trong", "tại", "đạt", "hoặc", "cho",
        "từ", "để", "các", "những", "được", "thì", "mỗi", "năm", "tổng", "số", "theo", "có", "sẽ", "đã",
    ];

    private static string? UnitAfter(string original, string s, NumberToken t)
    {
        if (t.Percent) return "%";
        var i = t.End;
        while (i < s.Length && s[i] == ' ') i++;
        if (i < s.Length && s[i] == '(') return null;
        foreach (var unit in KnownUnits)
            if (string.CompareOrdinal(s, i, unit, 0, unit.Length) == 0 && (i + unit.Length == s.Length || !char.IsLetter(s[i + unit.Length])))
                return original.Substring(i, unit.Length);
        var word = FirstWord().Match(s[i..]);
        if (!word.Success || NotUnits.Contains(word.Value)) return null;
        return original.Substring(i, word.Length);
    }

    /// <summary>The level of each token, or null; see the class comment for when levels are set.</summary>
    private static string?[] LevelsFor(string s, List<NumberToken> tokens)
    {
        var result = new string?[tokens.Count];
        var mentions = LevelWord().Matches(s).Select(m => (m.Index, Level: LevelOf(m.Groups[1].Value))).ToList();
        if (mentions.Select(m => m.Level).Distinct().Count() < 2) return result;

        // "cấp tỉnh, cấp huyện, cấp xã … tương ứng (là) 30%, 20%, 15%": values in the order the levels were named.
        var respectively = s.IndexOf("tương ứng", StringComparison.Ordinal);
        if (respectively >= 0)
        {
            var named = mentions.Where(m => m.Index < respectively).Select(m => m.Level).Distinct().ToList();
            var first = tokens.FindIndex(t => t.Start > respectively);
            if (first >= 0 && named.Count >= 2 && !LevelWord().IsMatch(s[respectively..tokens[first].Start]))
            {
                var run = 1;
                while (first + run < tokens.Count && ListGap().IsMatch(s[tokens[first + run - 1].End..tokens[first + run].Start])) run++;
                if (run == named.Count)
                    for (var k = 0; k < run; k++) result[first + k] = named[k];
            }
        }

        // A level written right before the value ("cấp tỉnh 100%, cấp huyện 90%") wins; otherwise the
        // level written after it ("100% hồ sơ … cấp tỉnh, 90% … cấp huyện và 70% … cấp xã").
        for (var i = 0; i < tokens.Count; i++)
            result[i] ??= LevelBefore(s, tokens, i) ?? LevelAfter(s, tokens, i);
        // "từ cấp tỉnh đến 100% cấp xã" names two levels but gives one value: not split by level.
        if (result.Where(l => l is not null).Distinct().Count() < 2) Array.Clear(result);
        return result;
    }

    /// <summary>The last level named between the previous value (or the last comma or "và") and this one.</summary>
    private static string? LevelBefore(string s, List<NumberToken> tokens, int i)
    {
        var from = Math.Max(i > 0 ? tokens[i - 1].End : 0, ClauseStart(s, tokens[i].Start));
        var before = s[from..tokens[i].Start];
        // Only what follows the last comma or "và": earlier words describe the previous value.
        var cut = Math.Max(before.LastIndexOf(','), before.LastIndexOf(" và ", StringComparison.Ordinal));
        before = before[(cut + 1)..];
        var last = LevelWord().Matches(before).LastOrDefault();
        return last is null ? null : LevelOf(last.Groups[1].Value);
    }

    /// <summary>The first level named after this value, before the next value, comma or semicolon.</summary>
    private static string? LevelAfter(string s, List<NumberToken> tokens, int i)
    {
        var to = i + 1 < tokens.Count ? tokens[i + 1].Start : s.Length;
        var after = s[tokens[i].End..to];
        var stop = after.IndexOfAny([',', ';']);
        if (stop >= 0) after = after[..stop];
        var first = LevelWord().Match(after);
        return first.Success ? LevelOf(first.Groups[1].Value) : null;
    }

    private static string LevelOf(string word) => word switch
    {
        "huyện" => Levels.District,
        "xã" => Levels.Commune,
        _ => Levels.Province, // tỉnh, sở
    };

    // A number not glued to a letter before it ("tỉnh2" is a footnote marker), with an optional "%".
    [GeneratedRegex(@"(?<![\p{L}\d])(?<!\d[.,])(?<n>\d+(?:[.,]\d+)*)(?<pct>\s*%)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\s*(?:\d{1,2}\.)+(?:\d{1,2})?(?=\s)|^\s*\d{1,2}\.\d{1,2}(?=\s)|^\s*[a-zđ]\)(?=\s)")]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"^\d+,\d+$")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex DecimalDot();

    [GeneratedRegex(@"^\d+(\.\d{1,2})+$")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^\s*(không bao gồm|không tính|trừ|ngoại trừ)\b")]
    private static partial Regex ExclusionNote();

    [GeneratedRegex(@"^\s*(,|và|hoặc|-|–)\s*$")]
    private static partial Regex ListJoin();

    [GeneratedRegex(@"%")]
    private static partial Regex PercentSign();

    [GeneratedRegex(@"(?:19|20)\d\d$")]
    private static partial Regex YearEnding();

    [GeneratedRegex(@"(\p{L}+)$")]
    private static partial Regex WordBefore();

    [GeneratedRegex(@"(\p{L}+ \p{L}+)$")]
    private static partial Regex TwoWordsBefore();

    [GeneratedRegex(@"^(tuổi|khóa|khoá|chương trình mtqg|chương trình mục tiêu quốc gia)\b")]
    private static partial Regex NotCommitmentAfter();

    [GeneratedRegex(@"^\s*%?\s*(đến|tới|-|–)\s*$")]
    private static partial Regex RangeBetween();

    [GeneratedRegex(@"(?<!\p{L})(giảm|tăng|đạt)(?!\p{L})(?! cường)")]
    private static partial Regex DirectionWord();

    [GeneratedRegex(@"^\p{L}+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"cấp (tỉnh|sở|huyện|xã)(?!\p{L})")]
    private static partial Regex LevelWord();

    [GeneratedRegex(@"^[\s,%]*(và)?[\s,%]*$")]
    private static partial Regex ListGap();
}
