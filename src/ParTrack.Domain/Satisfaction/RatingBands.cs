namespace ParTrack.Domain.Satisfaction;

/// <summary>A band of per-dossier rating points (xuất sắc, tốt …) from its lowest total upwards.</summary>
public sealed record RatingBand(string Name, decimal From);

/// <summary>
/// Per-dossier rating under the one-stop rules: criteria × points each (9 × 2 = 18 by default, some portals 12),
/// bands configurable. A common model: above 15 excellent … below 6 weak (DOMAIN §9).
/// </summary>
public sealed record RatingScheme(int Criteria, decimal PointsEach, IReadOnlyList<RatingBand> Bands)
{
    public static readonly RatingScheme Default = new(9, 2, [
        new("Xuất sắc", 16), new("Tốt", 12), new("Khá", 9), new("Trung bình", 6), new("Yếu", 0)]);

    public decimal Max => Criteria * PointsEach;

    public string BandOf(decimal total) =>
        Bands.OrderByDescending(b => b.From).FirstOrDefault(b => total >= b.From)?.Name ?? Bands.OrderBy(b => b.From).First().Name;

    /// <summary>The total of one rating, or an error when a criterion is out of [0, points each] or missing.</summary>
    public (decimal? Total, string? Error) Total(IReadOnlyList<decimal> points)
    {
        if (points.Count != Criteria) return (null, $"Cần đủ {Criteria} tiêu chí, nhận được {points.Count}.");
        if (points.Any(p => p < 0 || p > PointsEach)) return (null, $"Điểm mỗi tiêu chí phải từ 0 đến {PointsEach:0.##}.");
        return (points.Sum(), null);
    }
}
