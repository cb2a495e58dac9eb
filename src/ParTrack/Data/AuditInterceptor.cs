using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParTrack.Data;

/// <summary>Who is changing data: the signed-in user's name, or "system" for start-up and CLI work.</summary>
public interface IAuditUser
{
    string AuditName { get; }
}

/// <summary>Rows derived from other, audited rows (and rebuilt from them): saved without audit entries of their own.</summary>
public interface INotAudited;

/// <summary>
/// One seam for every save: renews the concurrency Version of edited entities and records an
/// AuditEntry (who, when, what, before/after of the changed properties) for each change, in the same
/// transaction as the change. Changes and deletions of existing rows are audited in the save itself; a
/// new row's audit needs its database key, so it is written by a second save right after, and then both
/// saves share one transaction. On SQLite the outermost save with changes first takes the database's
/// writer turn. The transaction and the turn are kept on the context, which ends both when the outermost
/// SaveChanges returns, whatever happened (see <see cref="AppDbContext"/>).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    static readonly HashSet<string> Secret = [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.TwoFactorKey), nameof(IntegrationToken.SecretHash)];
    // Rows audited after the save, when their keys (and keys they point to) are real.
    readonly List<Pending> _afterSave = [];

    sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before);

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (Outermost(e.Context) is { } db && CollectOnce(db) > 0 && db.Database.CurrentTransaction is null)
        {
            db.WriterTurn = SqliteWriteGate.Enter(db);
            if (_afterSave.Count > 0) db.SaveTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (Outermost(e.Context) is { } db && CollectOnce(db) > 0 && db.Database.CurrentTransaction is null)
        {
            db.WriterTurn = await SqliteWriteGate.EnterAsync(db, ct);
            if (_afterSave.Count > 0) db.SaveTransaction = await db.Database.BeginTransactionAsync(ct);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (Outermost(e.Context) is not { } db) return result;
        if (AddAfterSaveAudits(db)) db.SaveChanges();
        db.SaveTransaction?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (Outermost(e.Context) is not { } db) return result;
        if (AddAfterSaveAudits(db)) await db.SaveChangesAsync(ct);
        if (db.SaveTransaction is { } tx) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The context when this is its outermost save (the audit rows' save runs inside it).</summary>
    static AppDbContext? Outermost(DbContext? context) => context is AppDbContext { SaveDepth: 1 } db ? db : null;

    /// <summary>
    /// Collects with the one change detection of this save: reading the entries detects the changes, and what this
    /// interceptor changes afterwards goes through the entry API, which tells the tracker itself. So the second scan
    /// SaveChanges would run next is turned off until the outermost save ends (<see cref="AppDbContext"/>): on a report
    /// draft with 100 tracked entries it was a sixth of an autosave's CPU, spent while holding SQLite's writer turn.
    /// </summary>
    int CollectOnce(AppDbContext db)
    {
        var count = Collect(db);
        db.SkipDetectChangesUntilSaved();
        return count;
    }

    /// <summary>Renews Versions and audits the changes (now, or after the save for new rows). Returns how many changes there are.</summary>
    int Collect(DbContext context)
    {
        _afterSave.Clear();
        var audits = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            // Key material must never be copied into the audit log.
            if (entry.Entity is AuditEntry or FormSubmission or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey) continue;
            // File bytes are kept by content (DatabaseFileStore); the row that points at them (evidence, document) is audited.
            if (entry.Entity is Features.FileBlobPart) continue;
            // Figures derived from audited rows (Reporting's tallies): their own changes would only repeat those rows' audit.
            if (entry.Entity is INotAudited) continue;
            // Survey answers are anonymous: an audit row would tie them to a moment and a user (docs/satisfaction.md).
            if (entry.Entity is Features.Satisfaction.IAnonymousRecord) { NormalizeText(entry); continue; }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            NormalizeText(entry);
            if (entry.Entity is IVersioned && entry.State is EntityState.Added or EntityState.Modified)
                entry.Property(nameof(IVersioned.Version)).CurrentValue = Guid.NewGuid();
            switch (entry.State)
            {
                case EntityState.Added:
                    _afterSave.Add(new(entry, "Added", null));
                    break;
                case EntityState.Deleted:
                    audits.Add(Audit(entry, "Deleted", Values(entry, _ => true, current: false), null));
                    break;
                case EntityState.Modified:
                    bool changed(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                        && p.Metadata.Name != nameof(IVersioned.Version);
                    var before = Values(entry, changed, current: false);
                    if (before.Count == 0) break;
                    // A value pointing at a row added in this save is known only after it.
                    if (entry.Properties.Any(p => p.IsTemporary)) _afterSave.Add(new(entry, "Modified", before));
                    else audits.Add(Audit(entry, "Modified", before, Values(entry, x => before.ContainsKey(x.Metadata.Name), current: true)));
                    break;
            }
        }
        context.AddRange(audits);
        return audits.Count + _afterSave.Count;
    }

    /// <summary>
    /// The one input normaliser (<see cref="Features.SafeText.Normalize"/>) on every new or changed text, whichever
    /// way it came (form, API, import, CSV): no control characters reach the database or the exports.
    /// </summary>
    static void NormalizeText(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        foreach (var p in entry.Properties)
        {
            if (p.CurrentValue is not string text || (entry.State == EntityState.Modified && !p.IsModified)) continue;
            var normal = Features.SafeText.Normalize(text);
            if (!ReferenceEquals(normal, text)) p.CurrentValue = normal;
        }
    }

    /// <summary>Adds the audit rows of new rows, now that their keys are known. True when there is something to save.</summary>
    bool AddAfterSaveAudits(DbContext? context)
    {
        if (context is null || _afterSave.Count == 0) return false;
        foreach (var p in _afterSave)
            context.Add(Audit(p.Entry, p.Action, p.Before, p.Action == "Added"
                ? Values(p.Entry, _ => true, current: true)
                : Values(p.Entry, x => p.Before!.ContainsKey(x.Metadata.Name), current: true)));
        _afterSave.Clear();
        return true;
    }

    AuditEntry Audit(EntityEntry entry, string action, Dictionary<string, object?>? before, Dictionary<string, object?>? after) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserName = services.GetService<IAuditUser>()?.AuditName ?? "system",
        Entity = entry.Metadata.ClrType.Name,
        EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue)),
        Action = action,
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
    };

    static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, bool> include, bool current)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey() || p.Metadata.Name == nameof(IVersioned.Version) || !include(p)) continue;
            var value = current ? p.CurrentValue : p.OriginalValue;
            values[p.Metadata.Name] = Secret.Contains(p.Metadata.Name) ? "***" : value;
        }
        return values;
    }
}
