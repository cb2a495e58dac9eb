using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>A dataset item as the coordinator's page lists it: what could be published and what is.</summary>
public sealed record PublishableItem(IPublicDataset Dataset, PublicDatasetItem Item, Publication? Current);

/// <summary>
/// "Công bố" and "Thu hồi": the only writes of the public site. Publishing reads the dataset's table once and
/// freezes it (Publication.TableJson); republishing withdraws the previous snapshot with a reason, so the history
/// of what was public stays in the table and the audit log (the save interceptor audits every row change).
/// </summary>
public sealed class Publications(AppDbContext db, IEnumerable<IPublicDataset> datasets, PublicCatalog catalog, TimeProvider clock,
    Dashboard.DashboardCache? reportingCache = null)
{
    /// <summary>Kinds and item keys are part of public URLs: short and URL-safe.</summary>
    public const int KeyLength = 100;
    public const string RepublishedReason = "Thay bằng bản công bố mới";

    public IReadOnlyList<IPublicDataset> Datasets { get; } = datasets.OrderBy(d => d.Kind, StringComparer.Ordinal).ToList();

    public IPublicDataset? Dataset(string kind) => Datasets.FirstOrDefault(d => d.Kind == kind);

    /// <summary>Every registered dataset's items with their current publication, if any.</summary>
    public async Task<IReadOnlyList<PublishableItem>> ListAsync(CancellationToken ct = default)
    {
        var current = await db.Set<Publication>().AsNoTracking().Where(p => p.WithdrawnAtUtc == null)
            .Select(p => new Publication
            {
                Id = p.Id, Kind = p.Kind, ItemKey = p.ItemKey, Label = p.Label, DatasetTitle = p.DatasetTitle,
                PublishedAtUtc = p.PublishedAtUtc, PublishedBy = p.PublishedBy, Sha256 = p.Sha256, Version = p.Version,
            }).ToListAsync(ct);
        var result = new List<PublishableItem>();
        foreach (var d in Datasets)
        {
            var items = await d.ItemsAsync(ct);
            foreach (var item in items)
                result.Add(new PublishableItem(d, item, current.FirstOrDefault(p => p.Kind == d.Kind && p.ItemKey == item.Key)));
            // Published items the dataset no longer offers (a round reopened) stay listed, so they can be withdrawn.
            foreach (var orphan in current.Where(p => p.Kind == d.Kind && items.All(i => i.Key != p.ItemKey)))
                result.Add(new PublishableItem(d, new PublicDatasetItem(orphan.ItemKey, orphan.Label), orphan));
        }
        return result;
    }

    /// <summary>Freezes the item's table as it is now and makes it public (replacing an earlier snapshot).</summary>
    public async Task<Outcome<Publication>> PublishAsync(string kind, string key, string by, CancellationToken ct = default)
    {
        if (Dataset(kind) is not { } dataset) return Outcome<Publication>.NotFound();
        var item = (await dataset.ItemsAsync(ct)).FirstOrDefault(i => i.Key == key);
        if (item is null || key.Length > KeyLength) return Outcome<Publication>.NotFound();
        // A snapshot lasts: it must not freeze a progress view the reporting cache computed up to 30 s ago.
        reportingCache?.Changed();
        var table = await dataset.ReadAsync(key, ct);
        if (table is null) return Outcome<Publication>.Invalid("key", "Mục này chưa có dữ liệu để công bố.");

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.Set<Publication>().Where(p => p.Kind == kind && p.ItemKey == key && p.WithdrawnAtUtc == null).ToListAsync(ct))
            (old.WithdrawnAtUtc, old.WithdrawnBy, old.WithdrawnReason) = (now, by, RepublishedReason);
        var json = PublicTableJson.Write(table);
        var publication = new Publication
        {
            Kind = kind, ItemKey = key, DatasetTitle = Cut(dataset.Title), Label = Cut(item.Label), PeriodEnd = item.PeriodEnd,
            TableJson = json, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            PublishedAtUtc = now, PublishedBy = by,
        };
        db.Add(publication);
        await db.SaveChangesAsync(ct);
        catalog.Changed();
        return Outcome<Publication>.Ok(publication);
    }

    /// <summary>Takes the item off the public site; the reason is kept with the row.</summary>
    public async Task<Outcome<Publication>> WithdrawAsync(string kind, string key, string? reason, string by, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Outcome<Publication>.Invalid("reason", "Hãy ghi lý do thu hồi (người đọc không thấy lý do, nhưng nhật ký lưu lại).");
        if (Limits.TooLong("Lý do thu hồi", reason, Limits.Text) is { } tooLong) return Outcome<Publication>.Invalid("reason", tooLong);
        var current = await db.Set<Publication>().Where(p => p.Kind == kind && p.ItemKey == key && p.WithdrawnAtUtc == null).ToListAsync(ct);
        if (current.Count == 0) return Outcome<Publication>.NotFound();
        foreach (var p in current)
            (p.WithdrawnAtUtc, p.WithdrawnBy, p.WithdrawnReason) = (clock.GetUtcNow().UtcDateTime, by, reason);
        await db.SaveChangesAsync(ct);
        catalog.Changed();
        return Outcome<Publication>.Ok(current[0]);
    }

    static string Cut(string s) => s.Length <= Limits.Name ? s : s[..(Limits.Name - 1)] + "…";
}
