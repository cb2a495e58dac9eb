using System.Globalization;

namespace ParTrack.Domain.Satisfaction;

/// <summary>A criterion of the per-dossier rating (tiêu chí đánh giá) and the most points it gives.</summary>
public sealed record RatingCriterion(string Name, decimal Points);

/// <summary>A band of per-dossier rating points (xuất sắc, tốt …) from its lowest total upwards.</summary>
public sealed record RatingBand(string Name, decimal From);

/// <summary>
/// Per-dossier rating under the one-stop rules: a list of criteria with their points (9 × 2 = 18 by default, some
/// portals 12 criteria) and bands by total, all configurable. A common model: above 15 excellent … below 6 weak (DOMAIN §9).
/// </summary>
public sealed record RatingScheme(IReadOnlyList<RatingCriterion> Criteria, IReadOnlyList<RatingBand> Bands)
{
    public const int MaxCriteria = 30;
    public const int MaxBands = 10;

    public static readonly RatingScheme Default = new(
    [
        new("Công khai, hướng dẫn thủ tục hành chính", 2),
        new("Thời gian giải quyết so với quy định", 2),
        new("Số lần phải liên hệ để hoàn thiện hồ sơ", 2),
        new("Số cơ quan, đơn vị phải liên hệ", 2),
        new("Tiếp nhận, trả kết quả trực tuyến, qua bưu chính", 2),
        new("Thái độ, tác phong của công chức tiếp nhận", 2),
        new("Thái độ, tác phong của công chức giải quyết", 2),
        new("Thu phí, lệ phí theo quy định", 2),
        new("Tiếp nhận, xử lý phản ánh, kiến nghị", 2),
    ],
    [new("Xuất sắc", 16), new("Tốt", 12), new("Khá", 9), new("Trung bình", 6), new("Yếu", 0)]);

    public decimal Max => Criteria.Sum(c => c.Points);

    /// <summary>The bands from the highest threshold down: the order pages and figures show them in.</summary>
    public IReadOnlyList<RatingBand> BandsDown => Bands.OrderByDescending(b => b.From).ToList();

    public string BandOf(decimal total) =>
        BandsDown.FirstOrDefault(b => total >= b.From)?.Name ?? BandsDown[^1].Name;

    /// <summary>"Good" ratings are those in the two highest bands (tốt and xuất sắc by default): what the indicator counts.</summary>
    public IReadOnlySet<string> GoodBands => BandsDown.Take(2).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The total of one rating, or an error when a criterion is missing or out of [0, its points].</summary>
    public (decimal? Total, string? Error) Total(IReadOnlyList<decimal> points)
    {
        if (points.Count != Criteria.Count) return (null, $"Cần đủ {Criteria.Count} tiêu chí, nhận được {points.Count}.");
        for (var i = 0; i < points.Count; i++)
            if (points[i] < 0 || points[i] > Criteria[i].Points)
                return (null, $"Tiêu chí {i + 1} ({Criteria[i].Name}): điểm phải từ 0 đến {Criteria[i].Points.ToString("0.##", CultureInfo.InvariantCulture)}, nhận được {points[i].ToString("0.##", CultureInfo.InvariantCulture)}.");
        return (points.Sum(), null);
    }

    /// <summary>A total given without its criteria: only its range can be checked.</summary>
    public string? CheckTotal(decimal total) => total < 0 || total > Max
        ? $"Tổng điểm phải từ 0 đến {Max.ToString("0.##", CultureInfo.InvariantCulture)}, nhận được {total.ToString("0.##", CultureInfo.InvariantCulture)}."
        : null;

    /// <summary>What makes a scheme unusable, in words a coordinator can act on; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Criteria.Count == 0) problems.Add("Cần ít nhất một tiêu chí.");
        if (Criteria.Count > MaxCriteria) problems.Add($"Nhiều nhất {MaxCriteria} tiêu chí.");
        if (Criteria.Any(c => c.Points <= 0 || c.Points > 100)) problems.Add("Điểm tối đa của mỗi tiêu chí phải lớn hơn 0 và không quá 100.");
        if (Bands.Count < 2 || Bands.Count > MaxBands) problems.Add($"Cần từ 2 đến {MaxBands} mức xếp loại.");
        if (Bands.Select(b => b.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Bands.Count) problems.Add("Tên các mức xếp loại phải khác nhau.");
        if (Bands.Select(b => b.From).Distinct().Count() != Bands.Count) problems.Add("Ngưỡng điểm của các mức phải khác nhau.");
        if (Bands.Count > 0 && Bands.Min(b => b.From) != 0) problems.Add("Mức thấp nhất phải bắt đầu từ 0 điểm, để mọi tổng điểm đều có mức.");
        if (Criteria.Count > 0 && Bands.Any(b => b.From > Max)) problems.Add($"Ngưỡng điểm không được vượt tổng điểm tối đa ({Max.ToString("0.##", CultureInfo.InvariantCulture)}).");
        return problems;
    }
}

/// <summary>
/// The settings page's text form of a scheme: one line per criterion "name; points" and one per band "name; from",
/// so a coordinator can type or paste the list without JavaScript (as the questionnaire builder does).
/// </summary>
public static class RatingSchemeText
{
    public static string CriteriaText(RatingScheme scheme) =>
        string.Join("\n", scheme.Criteria.Select(c => $"{c.Name}; {c.Points.ToString("0.##", CultureInfo.InvariantCulture)}"));

    public static string BandsText(RatingScheme scheme) =>
        string.Join("\n", scheme.BandsDown.Select(b => $"{b.Name}; {b.From.ToString("0.##", CultureInfo.InvariantCulture)}"));

    /// <summary>The scheme the two texts describe, or the lines that cannot be read and what is wrong with the whole.</summary>
    public static (RatingScheme? Scheme, IReadOnlyList<string> Errors) Parse(string? criteria, string? bands, int maxName = 200)
    {
        var errors = new List<string>();
        var c = Lines(criteria, "Tiêu chí", "điểm tối đa", maxName, errors).Select(x => new RatingCriterion(x.Name, x.Number)).ToList();
        var b = Lines(bands, "Mức xếp loại", "điểm từ", maxName, errors).Select(x => new RatingBand(x.Name, x.Number)).ToList();
        if (errors.Count > 0) return (null, errors);
        var scheme = new RatingScheme(c, b);
        var problems = scheme.Problems();
        return problems.Count > 0 ? (null, problems) : (scheme, []);
    }

    static List<(string Name, decimal Number)> Lines(string? text, string what, string numberName, int maxName, List<string> errors)
    {
        var items = new List<(string, decimal)>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var cut = line.LastIndexOf(';');
            var name = cut < 0 ? "" : line[..cut].Trim();
            var number = cut < 0 ? "" : line[(cut + 1)..].Trim().Replace(',', '.');
            if (name.Length == 0 || !decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                errors.Add($"{what}, dòng {i + 1}: cần dạng \"tên; {numberName}\", ví dụ \"{(what == "Tiêu chí" ? "Thời gian giải quyết; 2" : "Tốt; 12")}\".");
            else if (name.Length > maxName) errors.Add($"{what}, dòng {i + 1}: tên dài quá {maxName} ký tự.");
            else items.Add((name, value));
        }
        return items;
    }
}
