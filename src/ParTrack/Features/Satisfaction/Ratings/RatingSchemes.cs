using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Features.Satisfaction;

/// <summary>The scheme in force: its stored version (null and 0 for the built-in default) and the rules.</summary>
public sealed record SchemeInForce(int? Id, int Number, RatingScheme Scheme);

/// <summary>The per-dossier rating scheme, versioned: each change is a new row, the highest number is in force.</summary>
public sealed class RatingSchemes(AppDbContext db, TimeProvider clock, IAuditUser who)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    sealed record Stored(IReadOnlyList<RatingCriterion> Criteria, IReadOnlyList<RatingBand> Bands);

    public async Task<SchemeInForce> CurrentAsync(CancellationToken ct)
    {
        var row = await db.Set<RatingSchemeVersion>().AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return row is null ? new(null, 0, RatingScheme.Default) : new(row.Id, row.Number, Read(row));
    }

    public async Task<IReadOnlyList<RatingSchemeVersion>> HistoryAsync(CancellationToken ct) =>
        await db.Set<RatingSchemeVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);

    public static RatingScheme Read(RatingSchemeVersion version)
    {
        var stored = JsonSerializer.Deserialize<Stored>(version.SchemeJson, Json)!;
        return new RatingScheme(stored.Criteria, stored.Bands);
    }

    /// <summary>Saves the scheme as the next version; null when it equals the scheme in force (nothing to version).</summary>
    public async Task<SchemeInForce?> SaveAsync(RatingScheme scheme, CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        if (current.Scheme.Criteria.SequenceEqual(scheme.Criteria) && current.Scheme.BandsDown.SequenceEqual(scheme.BandsDown)) return null;
        var row = new RatingSchemeVersion
        {
            Number = current.Number + 1,
            SchemeJson = JsonSerializer.Serialize(new Stored(scheme.Criteria, scheme.BandsDown), Json),
            SavedUtc = clock.GetUtcNow().UtcDateTime,
            SavedBy = who.AuditName,
        };
        db.Add(row);
        // Two coordinators saving at once both take current + 1: the unique number refuses the second.
        await db.SaveChangesAsync(ct);
        return new(row.Id, row.Number, scheme);
    }
}
