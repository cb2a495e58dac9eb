using System.Globalization;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

/// <summary>
/// Reads a "Thời gian hoàn thành" cell into a <see cref="Due"/> (contract table; DOMAIN §3.1).
/// Decisions the contract leaves open:
/// - "Theo kế hoạch thẩm định hằng năm" is <c>recurring</c>: the appraisal happens every year, and
///   "hằng năm"/"hàng năm" wins over "theo kế hoạch"; recurring and continuous get the plan-year window.
/// - A plain date or "Trước …" is <c>by</c> with a null start; a month ("Tháng 12/2024") is <c>by</c>
///   with the month as window; "Trước tháng 6" ends on the last day of May.
/// - Anything else that names another plan or an occurrence ("Theo …", "Sau khi …", "Khi …") is
///   <c>event</c> with null dates; text we cannot read is <c>unknown</c> (see <see cref="TryParse"/>).
/// </summary>
public static partial class DueParser
{
    public static Due Parse(string? text, int planYear)
    {
        TryParse(text, planYear, out var due);
        return due;
    }

    /// <summary>False when the cell has text that could not be read (the caller should warn); a blank cell is unknown but true.</summary>
    public static bool TryParse(string? text, int planYear, out Due due)
    {
        var written = Text.CleanOrNull(text);
        due = Due.Unknown(written);
        if (written is null) return true;
        var parsed = Read(written, planYear);
        if (parsed is null) return false;
        due = parsed with { Text = written };
        return true;
    }

    private static Due? Read(string written, int y)
    {
        var s = Prepare(written);
        var squashed = Text.Squash(written);
        var wholeYear = Window(DueKinds.During, y, 1, y, 12);

        if (squashed.Contains("thườngxuyên") || squashed.Contains("liêntục"))
            return wholeYear with { Kind = DueKinds.Continuous };
        if (Recurring().IsMatch(squashed))
            return wholeYear with { Kind = DueKinds.Recurring };
        if (EventStart().IsMatch(s))
            return new Due(null, DueKinds.Event, null, null);

        var m = Before().Match(s);
        if (m.Success)
        {
            if (m.Groups["day"].Success)
            {
                var d = MakeDate(m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value, y);
                return d is null ? null : new Due(null, DueKinds.By, null, d);
            }
            var month = Int(m.Groups["m"].Value);
            var year = m.Groups["my"].Success ? Int(m.Groups["my"].Value) : y;
            if (month is < 1 or > 12) return null;
            return new Due(null, DueKinds.By, null, new DateOnly(year, month, 1).AddDays(-1));
        }

        // Several periods in one cell: one window from the first start to the last end, the parts kept.
        if (DuePeriods.Read(s, y) is { } several) return several;

        m = HalfYear().Match(s);
        if (m.Success)
        {
            var year = m.Groups["year"].Success ? Int(m.Groups["year"].Value) : y;
            return m.Groups["half"].Value == "đầu"
                ? Window(DueKinds.During, year, 1, year, 6)
                : Window(DueKinds.During, year, 7, year, 12);
        }

        m = Quarters().Match(s);
        if (m.Success)
        {
            var numbers = QuarterNumber().Matches(m.Groups["list"].Value).Select(q => QuarterValue(q.Value)).ToList();
            if (numbers.Count == 0 || numbers.Any(q => q is < 1 or > 4)) return null;
            var year = m.Groups["year"].Success ? Int(m.Groups["year"].Value) : y;
            return Window(DueKinds.During, year, numbers.Min() * 3 - 2, year, numbers.Max() * 3);
        }

        m = Months().Match(s);
        if (m.Success)
        {
            var first = Int(m.Groups["m1"].Value);
            var last = m.Groups["m2"].Success ? Int(m.Groups["m2"].Value) : first;
            var year = m.Groups["year"].Success ? Int(m.Groups["year"].Value) : y;
            if (first is < 1 or > 12 || last is < 1 or > 12 || last < first) return null;
            return Window(DueKinds.By, year, first, year, last);
        }

        m = PlainDate().Match(s);
        if (m.Success)
        {
            var d = MakeDate(m.Groups["day"].Value, m.Groups["month"].Value, m.Groups["year"].Value, y);
            return d is null ? null : new Due(null, DueKinds.By, null, d);
        }

        m = Years().Match(s);
        if (m.Success)
        {
            var from = Int(m.Groups["from"].Value);
            var to = m.Groups["to"].Success ? Int(m.Groups["to"].Value) : from;
            if (to < from) return null;
            return Window(DueKinds.During, from, 1, to, 12);
        }
        if (squashed is "trongnăm" or "cảnăm" or "nămkếhoạch")
            return wholeYear;

        // Other references to a plan, decision or occurrence: an event without calendar dates.
        if (EventAnywhere().IsMatch(s))
            return new Due(null, DueKinds.Event, null, null);
        return null;
    }

    /// <summary>Lower case, folded tones, and numbers rejoined where PDF extraction split them ("25/12/202 3", "I- IV").</summary>
    private static string Prepare(string written)
    {
        var s = Text.Fold(written);
        s = SplitNumber().Replace(s, m =>
        {
            var joined = m.Groups[2].Value + m.Groups[3].Value;
            var isDatePart = m.Groups[1].Value == "/";
            var isYear = joined.Length == 4 && (joined.StartsWith("19") || joined.StartsWith("20"));
            return isDatePart || isYear ? m.Groups[1].Value + joined : m.Value;
        });
        s = SpacedSlash().Replace(s, "/");
        s = WordedDate().Replace(s, "ngày $1/$2/$3"); // "ngày 25 tháng 12 năm 2023" → "ngày 25/12/2023"
        s = s.Replace('–', '-').Replace('—', '-');
        s = SpacedDash().Replace(s, "-");
        return s;
    }

    private static Due Window(string kind, int fromYear, int fromMonth, int toYear, int toMonth) =>
        new(null, kind, new DateOnly(fromYear, fromMonth, 1),
            new DateOnly(toYear, toMonth, DateTime.DaysInMonth(toYear, toMonth)));

    private static DateOnly? MakeDate(string day, string month, string year, int planYear)
    {
        var d = Int(day);
        var mo = Int(month);
        var y = year.Length > 0 ? Int(year) : planYear;
        if (mo is < 1 or > 12 || y is < 1900 or > 2200 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static int QuarterValue(string q) => q switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => 0,
    };

    // "hàng quý", "hằng năm", "định kỳ 6 tháng", "hàng tháng" — squashed, so broken words still match.
    [GeneratedRegex(@"hàng(quý|năm|tháng|tuần)|hằng(quý|năm|tháng|tuần)|địnhkỳ|mỗi(quý|năm|tháng)")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"^(theo|sau khi|sau|khi|căn cứ|tùy|tuỳ|ngay sau)\b")]
    private static partial Regex EventStart();

    [GeneratedRegex(@"\b(theo|sau khi|khi có|khi được|đột xuất|công bố)\b")]
    private static partial Regex EventAnywhere();

    // "Trước 25/12/2023", "Trước ngày 15/01/2025", "trước 31/3", "Trước tháng 6/2025".
    [GeneratedRegex(@"^(chậm nhất |hoàn thành )?trước (ngày )?((?<day>\d{1,2})/(?<month>\d{1,2})(/(?<year>\d{4}))?|tháng (?<m>\d{1,2})((/|\s+năm\s+)(?<my>\d{4}))?)\b")]
    private static partial Regex Before();

    [GeneratedRegex(@"6 tháng (?<half>đầu|cuối)( năm)?( (?<year>\d{4}))?")]
    private static partial Regex HalfYear();

    // "Quý I", "Quý I/2025", "Quý II, III/2025", "Quý I, II năm 2025", "Quý I-IV năm 2024", "quý 2 và 3".
    [GeneratedRegex(@"quý\s*(?<list>(iv|iii|ii|i|[1-4])(\s*(,|-|và|đến|&)\s*(quý\s*)?(iv|iii|ii|i|[1-4]))*)(?![\p{L}\d])(\s*(/|năm)\s*(?<year>\d{4}))?")]
    private static partial Regex Quarters();

    [GeneratedRegex(@"iv|iii|ii|i|[1-4]")]
    private static partial Regex QuarterNumber();

    // "Tháng 12/2024", "Tháng 01/2025", "Tháng 6", "tháng 6 năm 2025", "tháng 6-8/2025".
    [GeneratedRegex(@"tháng\s*(?<m1>\d{1,2})(\s*(-|đến)\s*(tháng\s*)?(?<m2>\d{1,2}))?(\s*(/|năm)\s*(?<year>\d{4}))?(?!\d)")]
    private static partial Regex Months();

    [GeneratedRegex(@"(?<![\d/])(?<day>\d{1,2})/(?<month>\d{1,2})(/(?<year>\d{4}))?(?![\d/])")]
    private static partial Regex PlainDate();

    // "Năm 2025", "Năm 2024-2026", "2025", "giai đoạn 2021-2025".
    [GeneratedRegex(@"(?<!\d)(?<from>(19|20)\d\d)(-(?<to>(19|20)\d\d))?(?!\d)")]
    private static partial Regex Years();

    // A number broken by a space ("202 3", "/12/20 24"); joined only where it makes a year or date part.
    [GeneratedRegex(@"(?<!\d)(/?)(\d{1,3}) (\d{1,3})(?!\d)")]
    private static partial Regex SplitNumber();

    [GeneratedRegex(@"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")]
    private static partial Regex WordedDate();

    [GeneratedRegex(@"(?<=\d)\s*/\s*(?=\d)")]
    private static partial Regex SpacedSlash();

    [GeneratedRegex(@"\s*-\s*")]
    private static partial Regex SpacedDash();
}
