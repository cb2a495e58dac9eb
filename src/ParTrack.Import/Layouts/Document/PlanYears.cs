using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Document;

/// <summary>
/// The years a plan covers, from its own title; programmes and resolutions the title cites are not the plan.
/// Rules (each has a unit test in PlanYearsTests):
/// - Candidates are "năm 2022" and "giai đoạn 2021–2025" / "2021 - 2025"; a date's "tháng 12 năm 2021" is not one.
/// - "nhiệm kỳ 2020–2025" is a term of office, never the plan's years.
/// - A cited document ("Chương trình", "Nghị quyết", "Quyết định", "Chỉ thị", "Đề án", "Chiến lược", "Kế hoạch số",
///   "Kết luận") takes the first year expression after it: "thực hiện Chương trình tổng thể … giai đoạn 2021–2030
///   trên địa bàn tỉnh năm 2022" is a 2022 plan.
/// - The first candidate left is the plan's. None left: the caller falls back to the issue date (<see cref="FromIssueDate"/>).
/// </summary>
public static partial class PlanYears
{
    public static (int From, int To)? FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var text = Text.Clean(title).Replace('–', '-').Replace('—', '-');
        var citations = Citation().Matches(text).Select(m => m.Index + m.Length).ToList();
        var candidates = YearExpression().Matches(text)
            .Where(m => !m.Groups["date"].Success && !m.Groups["term"].Success)
            .ToList();
        // Each citation consumes the first year expression after it (including a date or term of office).
        var consumed = new HashSet<int>();
        foreach (var at in citations)
        {
            var first = YearExpression().Matches(text).FirstOrDefault(m => m.Index >= at);
            if (first is not null) consumed.Add(first.Index);
        }
        foreach (var m in candidates)
        {
            if (consumed.Contains(m.Index)) continue;
            var from = int.Parse(m.Groups["a"].Value);
            var to = m.Groups["b"].Success ? int.Parse(m.Groups["b"].Value) : from;
            if (from is < 1990 or > 2200 || to < from || to - from > 20) continue;
            return (from, to);
        }
        return null;
    }

    /// <summary>
    /// A plan whose title names no year of its own: the year it is issued for. Annual plans are signed
    /// in the last quarter of the year before (29/12/2021 for 2022), so a date from October on means next year.
    /// </summary>
    public static int FromIssueDate(DateOnly issuedOn) => issuedOn.Month >= 10 ? issuedOn.Year + 1 : issuedOn.Year;

    [GeneratedRegex(@"\b(?:Chương trình|Nghị quyết|Quyết định|Chỉ thị|Đề án|Chiến lược|Kết luận|Kế hoạch số|Thông tư|Nghị định)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    // "tháng 12 năm 2021" (a date), "nhiệm kỳ 2020 - 2025" (a term), "giai đoạn 2021-2025", "2021 - 2025", "năm 2022".
    [GeneratedRegex(@"(?<date>tháng\s*\d{1,2}\s*năm\s*\d{4})|(?<term>nhiệm kỳ\s*(?:\d{4})(?:\s*-\s*\d{4})?)|(?:giai đoạn\s*)?(?<a>(?:19|20)\d\d)\s*-\s*(?<b>(?:19|20)\d\d)|năm\s+(?<a>(?:19|20)\d\d)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex YearExpression();
}
