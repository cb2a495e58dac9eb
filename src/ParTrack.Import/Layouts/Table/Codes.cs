using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>Item codes ("1.2.", "2.3:", "3.18 ") and the content tests that tell columns apart.</summary>
internal static partial class Codes
{
    /// <summary>Splits "3.1. A 3.2. B" into ("3.1", "A"), ("3.2", "B"). Only codes with the given
    /// column digit count, and after the first only the next number, so "ISO 9001:2015" or a
    /// quoted "3.5" inside a sentence does not split a cell.</summary>
    public static List<(string? Code, string Text)> SplitItems(string? cell, int column)
    {
        var text = Text.Clean(cell);
        var result = new List<(string? Code, string Text)>();
        if (text.Length == 0) return result;
        var matches = ItemCode().Matches(text).Where(m => m.Groups[1].Value == column.ToString()).ToList();
        var starts = new List<(int Index, int Length, string Code)>();
        int? last = null;
        foreach (var m in matches)
        {
            var n = int.Parse(m.Groups[2].Value);
            var atStart = m.Index == 0;
            if (atStart || (last is { } l && n == l + 1))
            {
                starts.Add((m.Index, m.Length, $"{column}.{n}"));
                last = n;
            }
        }
        if (starts.Count == 0)
            return OwnCode(text) is { } own ? [(own.Code, own.Remainder)] : [(null, text)];
        if (starts[0].Index > 0) result.Add((null, text[..starts[0].Index].Trim()));
        for (var i = 0; i < starts.Count; i++)
        {
            var from = starts[i].Index + starts[i].Length;
            var to = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            result.Add((starts[i].Code, text[from..to].Trim()));
        }
        return result;
    }

    /// <summary>The code a cell starts with for the given column digit ("2" → "2.3"), else null.</summary>
    public static string? LeadingCode(string? cell, int column)
    {
        var m = ItemCode().Match(Text.Clean(cell));
        return m.Success && m.Index == 0 && m.Groups[1].Value == column.ToString() ? $"{column}.{m.Groups[2].Value}" : null;
    }

    /// <summary>
    /// A hierarchical code the cell starts with, whatever the column ("1.", "1.2", "1.2.3."): plans other
    /// than the seeds number items by their place in the tree, not by the column digit. Null when none.
    /// </summary>
    public static (string Code, string Remainder)? OwnCode(string? cell)
    {
        var text = Text.Clean(cell);
        var m = HierarchicalCode().Match(text);
        return m.Success && m.Length < text.Length ? (m.Groups["code"].Value, text[m.Length..].Trim()) : null;
    }

    public static bool StartsWithCode(string? cell, int column) => LeadingCode(cell, column) is not null;

    public static bool IsRoman(string s) => Roman().IsMatch(s);

    /// <summary>A TT cell: "1", "12", "1.1", "I", "A" (short).</summary>
    public static bool LooksLikeTt(string s) => s.Length == 0 || TtValue().IsMatch(s);

    public static bool LooksLikeDue(string? cell) => DueStart().IsMatch(Text.Clean(cell));

    public static bool LooksLikeBudget(string? cell)
    {
        var t = Text.Clean(cell);
        return t.Length == 0 || BudgetStart().IsMatch(t);
    }

    /// <summary>A line that opens a body's name (lead/support cells).</summary>
    public static bool LooksLikeBody(string? cell) => BodyStart().IsMatch(Text.Clean(cell));

    // "1.1." "2.3.Kiểm" "3.1:" "3.18 " — the code must be followed by '.', ':', a space or a letter;
    // "3.1.2" is a deeper hierarchical code (OwnCode), not item 1 of column 3.
    [GeneratedRegex(@"(?<![\d.,/])([123])\.(\d{1,2})(?![\d,/])(?!\.\d)(?:\s*[.:])?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ItemCode();

    // "1.2.3. Rà soát", "1.2 Rà soát", "1. Rà soát" (a single number needs its dot).
    [GeneratedRegex(@"^(?:(?<code>\d{1,2}(?:\.\d{1,2}){1,3})[.:]?|(?<code>\d{1,2})[.:])\s*(?=\p{L})")]
    private static partial Regex HierarchicalCode();

    [GeneratedRegex(@"^(?=[IVX])M*(X{0,3})(IX|IV|V?I{0,3})$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^([IVX]{1,5}|\d{1,2}(\.\d{1,2})?|[A-Z])\.?$")]
    private static partial Regex TtValue();

    [GeneratedRegex(@"^(quý|tháng|năm \d|năm$|trước|thường|trong năm|trong quý|hàng|hằng|định kỳ|theo (kế hoạch|kế|lộ)|sau khi|khi có|\d{1,2}/\d{4}|giai đoạn|từ năm|đến năm|đầu năm|cuối năm|6 tháng)", RegexOptions.IgnoreCase)]
    private static partial Regex DueStart();

    [GeneratedRegex(@"^(\d[\d.,]*( ?(triệu|tỷ|đồng|trđ))?|theo dự toán|theo dự|theo kh |theo kh$|ngân sách|nguồn|kinh phí|thông tư|không)", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetStart();

    [GeneratedRegex(@"^(-\s*)?(\d\.\d+\.?\s*)?(Sở|UBND|Ủy ban|Uỷ ban|Văn phòng|VP UBND|Ban |Bộ |Cục|Chi cục|Công an|Viện|Trung tâm|TT |Phòng|Đài|Báo (?!cáo)|Hội đồng|HĐTĐ|Tổ |Đoàn|Thành viên|Các (cơ|sở|Sở|đơn|UBND|trung|trường|phòng|ban|ngành)|Cơ quan|Đơn vị|Địa phương|Thanh tra|Kho bạc|Cục|Bộ phận)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();
}
