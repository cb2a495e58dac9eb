using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParTrack.Data;

/// <summary>Who is changing data: the signed-in user's name, or "system" for start-up and CLI work.</summary>
public interface IAuditUser
{
    string AuditName { get; }
}

/// <summary>
/// One seam for every save: renews the concurrency Version of edited entities and records an
/// AuditEntry (who, when, what, before/after of the changed properties) for each change, in the same
/// transaction as the change. Changes and deletions of existing rows are audited in the save itself; a
/// new row's audit needs its database key, so it is written by a second save right after, and then both
/// saves share one transaction. On SQLite the outermost save first takes the database's write gate.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor, IDisposable
{
    static readonly HashSet<string> Secret = [nameof(User.PasswordHash)];
    // Rows audited after the save, when their keys (and keys they point to) are real.
    readonly List<Pending> _afterSave = [];
    // The transaction opened for a save with a second audit save, the write gate held for the outermost
    // save, and how deep we are (the second save runs inside the first one's SavedChanges).
    IDbContextTransaction? _transaction;
    IDisposable? _gate;
    int _depth;

    sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before);

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        if (++_depth == 1 && e.Context is { } context && Collect(context) > 0 && context.Database.CurrentTransaction is null)
        {
            _gate = SqliteWriteGate.Enter(context);
            if (_afterSave.Count > 0) Begin(context, context.Database.BeginTransaction());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (++_depth == 1 && e.Context is { } context && Collect(context) > 0 && context.Database.CurrentTransaction is null)
        {
            _gate = await SqliteWriteGate.EnterAsync(context, ct);
            if (_afterSave.Count > 0) Begin(context, await context.Database.BeginTransactionAsync(ct));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        try
        {
            if (_depth == 1 && AddAfterSaveAudits(e.Context)) e.Context!.SaveChanges();
            if (_depth == 1) _transaction?.Commit();
        }
        finally { Leave(); }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        try
        {
            if (_depth == 1 && AddAfterSaveAudits(e.Context)) await e.Context!.SaveChangesAsync(ct);
            if (_depth == 1 && _transaction is not null) await _transaction.CommitAsync(ct);
        }
        finally { Leave(); }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData e) => Fail();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default)
    {
        Fail();
        return Task.CompletedTask;
    }

    // EF reports a concurrency conflict here, not through SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData e, InterceptionResult result)
    {
        Fail();
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData e, InterceptionResult result,
        CancellationToken ct = default)
    {
        Fail();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData e) => Fail();

    public override Task SaveChangesCanceledAsync(DbContextEventData e, CancellationToken ct = default)
    {
        Fail();
        return Task.CompletedTask;
    }

    /// <summary>The request's scope ends: whatever path a save took, the gate must not stay closed.</summary>
    public void Dispose()
    {
        _depth = 1;
        Leave();
    }

    void Begin(DbContext context, IDbContextTransaction transaction)
    {
        _transaction = transaction;
        // Our own transaction needs no savepoint per SaveChanges (EF adds one inside a caller's transaction).
        context.Database.AutoSavepointsEnabled = false;
    }

    void Fail()
    {
        _afterSave.Clear();
        // Any failure, also of the second save, ends the whole save: roll back, open the gate.
        _depth = 1;
        Leave();
    }

    /// <summary>Ends one save level; the outermost ends the transaction (disposing an uncommitted one rolls it back) and opens the gate.</summary>
    void Leave()
    {
        if (--_depth > 0) return;
        _depth = 0;
        _transaction?.Dispose();
        _transaction = null;
        _gate?.Dispose();
        _gate = null;
    }

    /// <summary>Renews Versions and audits the changes (now, or after the save for new rows). Returns how many changes there are.</summary>
    int Collect(DbContext context)
    {
        _afterSave.Clear();
        var audits = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or FormSubmission) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IVersioned v && entry.State is EntityState.Added or EntityState.Modified)
                v.Version = Guid.NewGuid();
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
