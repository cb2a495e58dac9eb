using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

public sealed record BandCount(string Band, long Count, decimal Share);

/// <summary>One line of figures (the province, an agency or a month): count, mean points, count and share per band, share of good ratings.</summary>
public sealed record RatingLineFigures(string Label, int? AgencyId, long Count, decimal? MeanPoints, IReadOnlyList<BandCount> Bands, decimal? GoodShare);

public sealed record RatingFiguresResult(SchemeInForce Scheme, IReadOnlyList<string> Bands, RatingLineFigures Total,
    IReadOnlyList<RatingLineFigures> Agencies, IReadOnlyList<RatingLineFigures> Months);

/// <summary>Figures of the stored per-dossier ratings in a window, grouped in the database by agency, month and band.</summary>
public sealed class RatingFigures(AppDbContext db, RatingSchemes schemes)
{
    sealed record Cell(int AgencyId, int Year, int Month, string Band, long Count, double Points);

    /// <param name="agencyIds">Only these agencies (an officer's own, a target's group), or null for the province.</param>
    public async Task<RatingFiguresResult> ForAsync(DateOnly from, DateOnly to, IReadOnlyCollection<int>? agencyIds, CancellationToken ct)
    {
        var scheme = await schemes.CurrentAsync(ct);
        var ids = agencyIds?.ToList();
        var cells = await db.Set<DossierRating>().AsNoTracking()
            .Where(r => r.RatedOn >= from && r.RatedOn <= to && (ids == null || ids.Contains(r.AgencyId)))
            .GroupBy(r => new { r.AgencyId, r.RatedOn.Year, r.RatedOn.Month, r.Band })
            .Select(g => new Cell(g.Key.AgencyId, g.Key.Year, g.Key.Month, g.Key.Band, g.LongCount(), g.Sum(r => (double)r.Total)))
            .ToListAsync(ct);
        // The scheme's bands from the top, then any band name an earlier version used.
        var bands = scheme.Scheme.BandsDown.Select(b => b.Name)
            .Concat(cells.Select(c => c.Band).Distinct().Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var good = scheme.Scheme.GoodBands;
        RatingLineFigures Line(string label, int? agencyId, IEnumerable<Cell> of)
        {
            var list = of.ToList();
            var count = list.Sum(c => c.Count);
            return new RatingLineFigures(label, agencyId, count,
                count == 0 ? null : Round((decimal)list.Sum(c => c.Points) / count),
                bands.Select(b => { var n = list.Where(c => c.Band == b).Sum(c => c.Count); return new BandCount(b, n, count == 0 ? 0 : Round(100m * n / count)); }).ToList(),
                count == 0 ? null : Round(100m * list.Where(c => good.Contains(c.Band)).Sum(c => c.Count) / count));
        }
        var seen = cells.Select(c => c.AgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => seen.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var agencies = cells.GroupBy(c => c.AgencyId).Select(g => Line(names.GetValueOrDefault(g.Key, "?"), g.Key, g))
            .OrderBy(l => l.Label, StringComparer.Ordinal).ToList();
        var months = cells.GroupBy(c => (c.Year, c.Month)).OrderBy(g => g.Key)
            .Select(g => Line($"{g.Key.Month:00}/{g.Key.Year}", null, g)).ToList();
        return new RatingFiguresResult(scheme, bands, Line("Toàn tỉnh", null, cells), agencies, months);
    }

    static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Indicators a plan target can bind to: "satisfaction:rating-good-share" (share of rated dossiers in the scheme's two
/// highest bands, %) and "satisfaction:rating-mean" (mean points per rated dossier), over the ratings dated in the period.
/// </summary>
public sealed class RatingIndicators(AppDbContext db, RatingFigures figures, TimeProvider clock) : IIndicatorSource
{
    public const string GoodShareKey = "satisfaction:rating-good-share";
    public const string MeanKey = "satisfaction:rating-mean";

    public IReadOnlyList<Indicator> Indicators { get; } =
    [
        new(GoodShareKey, "Tỷ lệ hồ sơ được người dân đánh giá tốt, xuất sắc (đánh giá từng hồ sơ)", "%"),
        new(MeanKey, "Điểm đánh giá trung bình mỗi hồ sơ (đánh giá từng hồ sơ)", "điểm"),
    ];

    public async Task<ComputedActual?> ActualAsync(string indicatorKey, string? Level, IReadOnlyCollection<int>? AgencyIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (indicatorKey is not (GoodShareKey or MeanKey)) return null;
        IReadOnlyCollection<int>? ids = AgencyIds;
        if (Dossiers.DossiersApi.Level(Level) is { } level)
        {
            var atLevel = await db.Agencies.Where(a => a.Level == level).Select(a => a.Id).ToListAsync(ct);
            ids = AgencyIds is null ? atLevel : atLevel.Intersect(AgencyIds).ToList();
        }
        var total = (await figures.ForAsync(from, to, ids, ct)).Total;
        var value = indicatorKey == GoodShareKey ? total.GoodShare : total.MeanPoints;
        return value is { } v
            ? new ComputedActual(v, $"Đánh giá từng hồ sơ từ {from:dd/MM/yyyy} đến {to:dd/MM/yyyy}: {total.Count:N0} hồ sơ", clock.GetUtcNow())
            : null;
    }
}
