using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

/// <summary>
/// Splits a lead/coordinating cell into one entry per body (contract's "One entry per body" rule).
/// Hard separators: line breaks, ";", leading "- "/"+ " markers and numbered items ("5.1. … 5.2. …").
/// Soft separators: ",", " và " and " - " split only when the next words begin a new body's name
/// (a capitalised head word such as Sở, UBND, Văn phòng…, or lower-case "các cơ quan/đơn vị/sở").
/// Nothing inside parentheses is split, fixed phrases (DOMAIN §6.10) are kept whole, names keep
/// their words as printed with trailing "." removed, and nothing is expanded.
/// </summary>
public static partial class BodySplitter
{
    // Capitalised head words that start a body's name. Longer forms first is not needed: each is matched as whole words.
    private static readonly string[] HeadWords =
    [
        "Sở", "UBND", "HĐND", "Ủy ban", "Uỷ ban", "Văn phòng", "Ban", "Bộ", "Cục", "Chi cục", "Công an", "Viện",
        "Trung tâm", "TT", "Phòng", "Đài", "Báo", "Hội đồng", "Hội", "Tổ", "Đoàn", "Các", "Cơ quan", "Đơn vị",
        "Kho bạc", "Thanh tra", "Tòa án", "Toà án", "Bảo hiểm", "Tỉnh ủy", "Tỉnh uỷ", "Tỉnh đoàn", "Liên đoàn",
        "Ngân hàng", "Cổng", "Bưu điện", "Bộ phận", "Thành viên", "Trường", "Bệnh viện", "Đảng ủy", "Đảng uỷ",
        "HĐTĐ", "VP", "BCĐ", "Ban Chỉ đạo",
    ];

    private static readonly string[] LowerHeads = ["các cơ quan", "các đơn vị", "các sở", "các địa phương", "các ban", "các phòng", "các tổ chức"];

    // Fixed names whose inner "," or " - " must never split (DOMAIN §6.10).
    private static readonly string[] Protected =
    [
        "sở, ban, ngành", "sở, ngành", "huyện, thành phố, thị xã", "huyện, thị xã, thành phố",
        "cơ quan, đơn vị, địa phương", "cơ quan, đơn vị", "Phòng Tài chính - Kế hoạch",
        "Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Phát thanh - Truyền hình", "xã, phường, thị trấn",
        // One office serving both councils of a district or city: "Văn phòng HĐND và UBND huyện".
        "Văn phòng HĐND và UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    ];

    // Built once: the static Regex cache holds only 15 patterns, and re-parsing them for every cell
    // was a third of the body splitter's time.
    private static readonly Regex[] ProtectedPatterns = Protected
        .Select(p => new Regex(Regex.Escape(p).Replace("\\ ", "\\s*"), RegexOptions.IgnoreCase | RegexOptions.Compiled))
        .ToArray();

    private const char CommaMark = '\uE000', DashMark = '\uE001';
    private const string AndMark = "\uE002";

    public static List<string> Split(string? cell)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(cell)) return result;

        var normalised = cell.Normalize(NormalizationForm.FormC).Replace('\u00A0', ' ').Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var line in normalised.Split('\n'))
            foreach (var numbered in NumberedItem().Split(line))
                foreach (var piece in SplitOutsideParens(numbered, ';'))
                    foreach (var body in SplitSoft(piece))
                    {
                        var name = TidyName(body);
                        if (name.Length > 0) result.Add(name);
                    }
        return result;
    }

    private static IEnumerable<string> SplitSoft(string piece)
    {
        var text = Text.Clean(piece);
        text = ListMarker().Replace(text, "");
        foreach (var phrase in ProtectedPatterns)
            text = phrase.Replace(text, m => m.Value.Replace(',', CommaMark).Replace('-', DashMark).Replace("và", AndMark));

        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '(' or '[') depth++;
            if (ch is ')' or ']') depth = Math.Max(0, depth - 1);

            if (depth == 0)
            {
                var separatorLength = SoftSeparatorAt(text, i);
                if (separatorLength > 0 && StartsBody(text, i + separatorLength))
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    i += separatorLength - 1;
                    continue;
                }
            }
            current.Append(ch);
        }
        parts.Add(current.ToString());
        return parts.Select(p => p.Replace(CommaMark, ',').Replace(DashMark, '-').Replace(AndMark, "và"));
    }

    /// <summary>Length of a ",", " và " or " - " separator at i, or 0.</summary>
    private static int SoftSeparatorAt(string text, int i)
    {
        if (text[i] == ',') return 1;
        if (Matches(text, i, " và ")) return 4;
        if (Matches(text, i, " - ") || Matches(text, i, " – ")) return 3;
        return 0;
    }

    private static bool StartsBody(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length) return false;
        foreach (var head in HeadWords)
            if (Matches(text, i, head) && IsWordEnd(text, i + head.Length)) return true;
        foreach (var head in LowerHeads)
            if (Matches(text, i, head) && IsWordEnd(text, i + head.Length)) return true;
        return false;
    }

    private static bool Matches(string text, int i, string word) =>
        i + word.Length <= text.Length && string.CompareOrdinal(text, i, word, 0, word.Length) == 0;

    private static bool IsWordEnd(string text, int i) => i >= text.Length || !char.IsLetterOrDigit(text[i]);

    private static IEnumerable<string> SplitOutsideParens(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (text[i] == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private static string TidyName(string body)
    {
        var name = Text.Clean(body);
        name = ListMarker().Replace(name, "");
        name = name.TrimEnd('.', ',', ';', ':', ' ');
        // A leading "và"/"," left over from a split ("…, và Sở Tư pháp").
        if (name.StartsWith("và ", StringComparison.Ordinal)) name = name[3..];
        return Text.Clean(name);
    }

    // "- ", "+ ", "• " at the start of a line or piece.
    [GeneratedRegex(@"^(?:[-+•–*]\s*)+")]
    private static partial Regex ListMarker();

    // "5.1. " / "5.2. " numbered bodies within one cell; a body name never starts with such a code.
    [GeneratedRegex(@"(?:^|\s)\d{1,2}\.\d{1,2}\.?\s+(?=\p{Lu})")]
    private static partial Regex NumberedItem();
}
