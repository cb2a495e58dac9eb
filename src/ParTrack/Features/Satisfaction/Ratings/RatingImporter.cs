using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Satisfaction;

/// <summary>What a rating import did: ratings new, changed, already stored as sent, and the rows refused (first ones kept).</summary>
public sealed record RatingSummary(int SchemeNumber, long Added, long Changed, long Unchanged, long RefusedCount, IReadOnlyList<RatingLine> Refused)
{
    public long Taken => Added + Changed + Unchanged;
}

/// <summary>
/// Stores a stream of ratings, one per dossier code: each scored under the scheme in force (points checked against
/// each criterion, the band from the total), its agency resolved in the registry like the dossier import's, then
/// written in batches. A code already stored is replaced only when something differs, so uploading the same file
/// twice changes nothing (and writes no audit entry); every real change is audited by the save interceptor.
/// </summary>
public sealed class RatingImporter(AppDbContext db, AgencyDirectory directory)
{
    public const int BatchSize = 500;
    /// <summary>Refusals listed back to the user; the count covers all of them.</summary>
    public const int KeptRefusals = 500;

    public async Task<RatingSummary> ImportAsync(IEnumerable<RatingLine> lines, SchemeInForce scheme, string source, CancellationToken ct)
    {
        var resolve = await directory.ResolverAsync(ct);
        var agencies = new Dictionary<string, (int? Id, string? Reason)>(StringComparer.Ordinal);
        var batch = new Dictionary<string, DossierRating>(StringComparer.Ordinal);
        var refused = new List<RatingLine>();
        long added = 0, changed = 0, unchanged = 0, refusedCount = 0;

        foreach (var line in lines)
        {
            var (rating, reason) = line.Row is { } row ? Score(row, scheme, source) : (null, line.Reason);
            if (rating is not null && line.Row is { } r)
            {
                if (!agencies.TryGetValue(r.Agency, out var agency)) agencies[r.Agency] = agency = Agency(resolve(r.Agency), r.Agency);
                if (agency.Id is int id) rating.AgencyId = id;
                else (rating, reason) = (null, agency.Reason);
            }
            if (rating is null)
            {
                refusedCount++;
                if (refused.Count < KeptRefusals) refused.Add(line with { Row = null, Reason = reason });
                continue;
            }
            batch[rating.DossierCode] = rating;   // the same code twice in one file: the later row wins
            if (batch.Count >= BatchSize) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        return new RatingSummary(scheme.Number, added, changed, unchanged, refusedCount, refused);

        async Task FlushAsync()
        {
            var (a, c, u) = await WriteAsync(batch.Values, ct);
            (added, changed, unchanged) = (added + a, changed + c, unchanged + u);
            batch.Clear();
        }
    }

    static (DossierRating? Rating, string? Reason) Score(RatingRow row, SchemeInForce scheme, string source)
    {
        decimal total;
        if (row.Points is { } points)
        {
            var (sum, error) = scheme.Scheme.Total(points);
            if (sum is null) return (null, error);
            if (row.Total is { } given && given != sum)
                return (null, $"Tổng điểm {Number(given)} khác tổng điểm các tiêu chí {Number(sum.Value)}.");
            total = sum.Value;
        }
        else
        {
            total = row.Total!.Value;
            if (scheme.Scheme.CheckTotal(total) is { } error) return (null, error);
        }
        return (new DossierRating
        {
            DossierCode = row.DossierCode, RatedOn = row.RatedOn, Total = total, Band = scheme.Scheme.BandOf(total), Source = source,
            Points = row.Points is null ? "" : string.Join(",", row.Points.Select(Number)), SchemeId = scheme.Id,
        }, null);
    }

    static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    static (int? Id, string? Reason) Agency(Resolution? resolution, string name) => resolution switch
    {
        { AgencyId: int id } => (id, null),
        { GroupId: not null } => (null, $"\"{name}\" là một nhóm cơ quan, không phải một cơ quan giải quyết hồ sơ."),
        _ => (null, $"Cơ quan \"{name}\" không có trong danh mục (tên, tên viết tắt hoặc tên khác); hãy thêm tên khác cho cơ quan ở trang Cơ quan rồi nhập lại."),
    };

    /// <summary>One batch: new codes added, stored ones updated only where a value differs.</summary>
    async Task<(long Added, long Changed, long Unchanged)> WriteAsync(ICollection<DossierRating> batch, CancellationToken ct)
    {
        var codes = batch.Select(r => r.DossierCode).ToList();
        var stored = await db.Set<DossierRating>().Where(r => codes.Contains(r.DossierCode)).ToDictionaryAsync(r => r.DossierCode, StringComparer.Ordinal, ct);
        long added = 0, changed = 0, unchanged = 0;
        foreach (var r in batch)
        {
            if (!stored.TryGetValue(r.DossierCode, out var old)) { db.Add(r); added++; continue; }
            if (old.AgencyId == r.AgencyId && old.RatedOn == r.RatedOn && old.Points == r.Points && old.Total == r.Total
                && old.Band == r.Band && old.SchemeId == r.SchemeId) { unchanged++; continue; }
            (old.AgencyId, old.RatedOn, old.Points, old.Total, old.Band, old.SchemeId, old.Source) = (r.AgencyId, r.RatedOn, r.Points, r.Total, r.Band, r.SchemeId, r.Source);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();   // constant memory over a large file
        return (added, changed, unchanged);
    }
}
