using System.Globalization;
using System.Text.RegularExpressions;

namespace ParTrack.Import.Parsing;

/// <summary>
/// A deadline cell naming several periods: "Quý I Quý IV", "Quý I – Quý IV", "Quý II, III", "Tháng 6 và
/// tháng 12", "6 tháng đầu năm và 6 tháng cuối năm", "Quý I/2022; Quý III/2022". The due window runs from
/// the first period's start to the last one's end; each period is kept in <see cref="Due.Parts"/> for
/// recurring work. A dash or "đến" between two quarters or months is one range ("Quý I – Quý IV" is one
/// part, Q1 to Q4); a space, comma, "và" or ";" separates periods. A period without a year takes the
/// year written after it ("Quý I, Quý III/2023"), else the plan's year.
/// </summary>
internal static partial class DuePeriods
{
    /// <summary>The periods of a prepared (folded, lower-case) cell; null when it names fewer than two.</summary>
    public static Due? Read(string prepared, int planYear)
    {
        var found = new List<(int At, string Text, int FirstMonth, int LastMonth, int? Year, bool Month)>();
        foreach (Match m in Quarter().Matches(prepared))
        {
            var year = YearOf(m);
            var numbers = QuarterItem().Matches(m.Groups["list"].Value).ToList();
            var range = RangeMark().IsMatch(m.Groups["list"].Value) && numbers.Count == 2;
            if (range)
                found.Add((m.Index, m.Value, Q(numbers[0].Value) * 3 - 2, Q(numbers[1].Value) * 3, year, false));
            else
                foreach (var n in numbers)
                    found.Add((m.Index + n.Index, "quý " + n.Value, Q(n.Value) * 3 - 2, Q(n.Value) * 3, year, false));
        }
        foreach (Match m in Month().Matches(prepared))
        {
            var first = int.Parse(m.Groups["m1"].Value, CultureInfo.InvariantCulture);
            var last = m.Groups["m2"].Success ? int.Parse(m.Groups["m2"].Value, CultureInfo.InvariantCulture) : first;
            found.Add((m.Index, m.Value, first, last, YearOf(m), true));
        }
        foreach (Match m in Half().Matches(prepared))
            found.Add((m.Index, m.Value, m.Groups["half"].Value == "đầu" ? 1 : 7, m.Groups["half"].Value == "đầu" ? 6 : 12, YearOf(m), false));
        if (found.Count < 2) return null;
        if (found.Any(f => f.FirstMonth is < 1 or > 12 || f.LastMonth is < 1 or > 12 || f.LastMonth < f.FirstMonth)) return null;

        found.Sort((a, b) => a.At.CompareTo(b.At));
        var parts = new List<DuePeriod>();
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            var year = f.Year ?? found.Skip(i + 1).Select(x => x.Year).FirstOrDefault(y => y is not null) ?? planYear;
            if (year is < 1900 or > 2200) return null;
            parts.Add(new DuePeriod(f.Text, new DateOnly(year, f.FirstMonth, 1),
                new DateOnly(year, f.LastMonth, DateTime.DaysInMonth(year, f.LastMonth))));
        }
        var kind = found.All(f => f.Month) ? DueKinds.By : DueKinds.During;
        return new Due(null, kind, parts.Min(p => p.Start), parts.Max(p => p.End)) { Parts = parts };
    }

    static int? YearOf(Match m) => m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;

    static int Q(string q) => q switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, "iv" or "4" => 4, _ => 0 };

    // "quý i", "quý ii, iii", "quý i-iv", "quý i-quý iv", each with an optional "/2022" or "năm 2022".
    [GeneratedRegex(@"quý\s*(?<list>(iv|iii|ii|i|[1-4])(\s*(,|-|và|đến|&)\s*(quý\s*)?(iv|iii|ii|i|[1-4]))*)(?![\p{L}\d])(\s*(/|năm)\s*(?<year>\d{4}))?")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?<![\p{L}])(iv|iii|ii|i|[1-4])(?![\p{L}\d])")]
    private static partial Regex QuarterItem();

    [GeneratedRegex(@"-|đến")]
    private static partial Regex RangeMark();

    [GeneratedRegex(@"tháng\s*(?<m1>\d{1,2})(\s*(-|đến)\s*(tháng\s*)?(?<m2>\d{1,2}))?(\s*(/|năm)\s*(?<year>\d{4}))?(?!\d)")]
    private static partial Regex Month();

    [GeneratedRegex(@"6 tháng (?<half>đầu|cuối)( năm)?( (?<year>\d{4}))?")]
    private static partial Regex Half();
}
