using System.Text.RegularExpressions;
using ParTrack.Import;

namespace ParTrack.Features.Plans;

/// <summary>A piece of a translated importer warning: our words, or text copied from the document (shown with lang="vi").</summary>
public sealed record WarningPart(string Text, bool FromDocument);

/// <summary>
/// The importer's warnings in the interface language. ParTrack.Import is pure (no resources), so its Vietnamese
/// sentences are matched here against their formats, which are the resource names: the English interface gets the
/// English sentence with the document's own words (a cell's text, a column heading) kept as they are and marked
/// Vietnamese. A sentence no format matches is shown as it came (EnglishInterfaceTests then finds it), so a new
/// importer message cannot hide: add its format here and its English to SharedResource.en.resx.
/// </summary>
public static partial class ImportWarningText
{
    /// <summary>The importer's sentences, with {n} where it puts a value (kept in step with src/ParTrack.Import).</summary>
    public static readonly IReadOnlyList<string> Messages =
    [
        PlanImporter.NoPlanBodyMessage,
        "Chỉ tiêu ghi khác nhau: {0} ghi \"{1}\" ({2}), {3} ghi \"{4}\" ({5}). Đã giữ số của phụ lục; hãy kiểm tra với văn bản gốc và sửa nếu cần.",
        "Cơ quan chủ trì \"{0}\" được suy ra từ phần Tổ chức thực hiện (lĩnh vực {1}); hãy kiểm tra lại.",
        "Số hiệu văn bản còn để trống (có thể là bản dự thảo) nên chưa ghi số hiệu; hãy nhập số hiệu khi văn bản được ký ban hành.",
        "Ngày ban hành còn để trống hoặc không đọc được nên chưa ghi ngày; hãy nhập ngày ban hành theo văn bản đã ký.",
        "Tiêu đề không ghi năm của kế hoạch; đã lấy năm {0} theo ngày ban hành {1}. Hãy kiểm tra lại năm kế hoạch.",
        "Không đọc được năm của kế hoạch từ tiêu đề hay ngày ban hành; hãy nhập năm của kế hoạch.",
        "Ô bị ngắt trang: phần chữ ở trang sau đã được ghép vào cột {0}; hãy đối chiếu với bản gốc.",
        "Không xác định được ô của đoạn chữ \"{0}\" (ngắt trang trong bảng); hãy đối chiếu với bản gốc.",
        "Bảng khung nhiệm vụ không có cột \"{0}\"; các ô của cột này để trống. Hãy kiểm tra lại tiêu đề bảng nếu cột có tồn tại.",
        "Hàng này chỉ có kết quả/chủ trì/thời gian mà không có nhiệm vụ hay hoạt động; đã bỏ qua. Hãy kiểm tra bảng gốc.",
        "Không hiểu thời gian hoàn thành \"{0}\"; hãy nhập lại hạn cho hoạt động này.",
        "Ô chủ trì của hoạt động {0} (lĩnh vực {1}) để trống trong bảng; hãy nhập cơ quan chủ trì.",
        "Ô thời gian hoàn thành của hoạt động {0} (lĩnh vực {1}) để trống trong bảng; hãy nhập thời hạn.",
        "Chỉ tiêu \"{0}\" có số liệu nhưng không đọc được mức cần đạt; hãy nhập tay.",
        "Hàng có {0} ô và {1} ô gộp, không khớp {2} cột; đã căn các ô về bên phải.",
    ];

    /// <summary>Where a warning points ("bảng 1 hàng 14"); several places are joined by "; ".</summary>
    public static readonly IReadOnlyList<string> Places =
    [
        "dòng {0}", "trang {0}, dòng {1}", "bảng {0} hàng {1}", "toàn văn bản", "tiêu đề", "hoạt động {0}",
        "thân kế hoạch mục {0}", "phụ lục lĩnh vực {0} chỉ tiêu {1}",
    ];

    /// <summary>Our own words the importer puts inside a sentence (the framework table's column names, "no number").</summary>
    public static readonly IReadOnlyList<string> Words = ["kết quả, sản phẩm", "mục tiêu/chỉ tiêu", "nhiệm vụ", "hoạt động", "(không số)"];

    /// <summary>
    /// Resource names for the texts whose own name is taken, differing only by case, by an interface text
    /// with another meaning ("Hoạt động" is also "Active"); resource names must differ by more than case.
    /// </summary>
    static readonly Dictionary<string, string> ResourceNames = new()
    {
        ["tiêu đề"] = "tiêu đề văn bản", ["kết quả, sản phẩm"] = "cột kết quả, sản phẩm", ["mục tiêu/chỉ tiêu"] = "cột mục tiêu/chỉ tiêu",
        ["nhiệm vụ"] = "cột nhiệm vụ", ["hoạt động"] = "cột hoạt động",
    };

    /// <summary>The text in the interface language: Vietnamese as it is, or its translation when there is one.</summary>
    static string Localize(string text, Func<string, string> translate)
    {
        var name = ResourceNames.GetValueOrDefault(text, text);
        var translated = translate(name);
        return translated == name ? text : translated;
    }

    static readonly IReadOnlyList<(string Format, Regex Pattern)> MessagePatterns = Patterns(Messages);
    static readonly IReadOnlyList<(string Format, Regex Pattern)> PlacePatterns = Patterns(Places);

    public static IReadOnlyList<WarningPart> Message(string message, Func<string, string> translate) =>
        Translate(message, MessagePatterns, translate);

    public static IReadOnlyList<WarningPart> Location(string location, Func<string, string> translate) =>
        location.Split("; ").SelectMany((place, i) =>
            (i == 0 ? [] : new[] { new WarningPart("; ", false) }).Concat(Translate(place, PlacePatterns, translate))).ToList();

    /// <summary>Whether every sentence and place of the warning has a format here (the test over the seed plans asks).</summary>
    public static bool IsKnown(ImportWarning w) =>
        MessagePatterns.Any(p => p.Pattern.IsMatch(w.Message)) && w.Location.Split("; ").All(l => PlacePatterns.Any(p => p.Pattern.IsMatch(l)));

    static IReadOnlyList<WarningPart> Translate(string text, IReadOnlyList<(string Format, Regex Pattern)> patterns, Func<string, string> translate)
    {
        foreach (var (format, pattern) in patterns)
        {
            var match = pattern.Match(text);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).Select(g => g.Value).ToList();
            var parts = new List<WarningPart>();
            var pieces = Placeholder().Split(Localize(format, translate));   // text, index, text, index, …, text
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i % 2 == 0) { if (pieces[i].Length > 0) parts.Add(new WarningPart(pieces[i], false)); }
                else parts.AddRange(Value(values[int.Parse(pieces[i], System.Globalization.CultureInfo.InvariantCulture)], translate));
            }
            return parts;
        }
        return [new WarningPart(text, false)];
    }

    /// <summary>A value inside a sentence: a place or our own words are translated too; anything else is the document's.</summary>
    static IEnumerable<WarningPart> Value(string value, Func<string, string> translate)
    {
        if (PlacePatterns.Any(p => p.Pattern.IsMatch(value))) return Location(value, translate);
        if (!value.Any(char.IsLetter)) return [new WarningPart(value, false)];   // numbers, dates
        // Only a value made of our words alone ("nhiệm vụ, hoạt động") is ours: a cell's text that contains one stays the document's.
        var rest = Words.Aggregate(value, (text, word) => text.Replace(word, "", StringComparison.Ordinal)).Replace(",", "").Trim();
        return rest.Length > 0
            ? [new WarningPart(value, true)]
            : [new WarningPart(Words.Aggregate(value, (text, word) => text.Replace(word, Localize(word, translate), StringComparison.Ordinal)), false)];
    }

    static IReadOnlyList<(string, Regex)> Patterns(IEnumerable<string> formats) =>
        formats.Select(f => (f, new Regex("^" + Placeholder().Replace(Regex.Escape(f).Replace(@"\{", "{"), "(.*?)") + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant))).ToList();

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
