using Microsoft.Extensions.Localization;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Shared;

/// <summary>
/// Texts of the Domain and the services that carry numbers ("Trễ 3 ngày"), in the user's language. The resource
/// key is the Vietnamese format with its {0}, so `T[t.Label]` on the formatted text would never find it.
/// </summary>
public static class DomainText
{
    public static string Of(this IStringLocalizer T, Timeliness t) => t.Kind switch
    {
        TimelinessKind.OnTime => T["Đúng hạn"],
        TimelinessKind.Late => T["Trễ {0} ngày", t.DaysLate],
        TimelinessKind.Missing => T["Chưa gửi, quá hạn {0} ngày", t.DaysLate],
        _ => T["Chưa đến hạn"],
    };

    /// <summary>"142/187 cơ quan đã gửi báo cáo, 9 trễ hạn, 12 quá hạn chưa gửi" (TimelinessSummary.Text).</summary>
    public static string Of(this IStringLocalizer T, TimelinessSummary s)
    {
        var text = T["{0}/{1} cơ quan đã gửi báo cáo", s.Submitted, s.Agencies].Value;
        if (s.Late > 0) text += T[", {0} trễ hạn", s.Late];
        if (s.Missing > 0) text += T[", {0} quá hạn chưa gửi", s.Missing];
        return text;
    }

    public static string Of(this IStringLocalizer T, CascadeReport r) =>
        T["{0}/{1} cơ quan đã ban hành kế hoạch ({2}%)", r.Issued, r.Expected, r.Percent];

    /// <summary>A target measure ("cấp tỉnh ≥ 70%") with its level and comparator words translated.</summary>
    public static string Of(this IStringLocalizer T, Data.TargetMeasure m) => PlanLabels.Measure(m, w => T.Word(w));

    /// <summary>
    /// A lower-case word inside a sentence ("cấp tỉnh"). Resource names must be unique regardless of case, so a
    /// word whose capitalised form is already a name ("Cấp tỉnh") is looked up that way and lowered again.
    /// </summary>
    public static string Word(this IStringLocalizer T, string word)
    {
        if (word.Length == 0) return "";
        var exact = T[word];
        if (!exact.ResourceNotFound) return exact;
        var capital = T[char.ToUpperInvariant(word[0]) + word[1..]];
        return capital.ResourceNotFound ? word : LowerFirst(capital);
    }

    static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
