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
/// AuditEntry (who, when, what, before/after of the changed properties) for each change. The changes
/// and their audit rows commit in one transaction, so a crash between them cannot leave a change
/// without its audit row. On SQLite the outermost save first takes the database's write gate.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    static readonly HashSet<string> Secret = [nameof(User.PasswordHash)];
    readonly List<Pending> _pending = [];
    // The transaction this interceptor opened for an outermost save (null inside a caller's transaction),
    // the write gate held for it, and how deep we are: the audit rows are saved by a nested SaveChanges.
    IDbContextTransaction? _transaction;
    IDisposable? _gate;
    int _depth;

    sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After);

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        _depth++;
        Collect(e.Context);
        if (NeedsTransaction(e.Context))
        {
            _gate = SqliteWriteGate.Enter(e.Context!);
            Begin(e.Context!, e.Context!.Database.BeginTransaction());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        _depth++;
        Collect(e.Context);
        if (NeedsTransaction(e.Context))
        {
            _gate = await SqliteWriteGate.EnterAsync(e.Context!, ct);
            Begin(e.Context!, await e.Context!.Database.BeginTransactionAsync(ct));
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        try
        {
            if (Flush(e.Context)) e.Context!.SaveChanges();
            if (_depth == 1) _transaction?.Commit();
        }
        finally { Leave(); }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        try
        {
            if (Flush(e.Context)) await e.Context!.SaveChangesAsync(ct);
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

    public override void SaveChangesCanceled(DbContextEventData e) => Fail();

    public override Task SaveChangesCanceledAsync(DbContextEventData e, CancellationToken ct = default)
    {
        Fail();
        return Task.CompletedTask;
    }

    bool NeedsTransaction(DbContext? context) =>
        context is not null && _pending.Count > 0 && _transaction is null && context.Database.CurrentTransaction is null;

    void Begin(DbContext context, IDbContextTransaction transaction)
    {
        _transaction = transaction;
        // Our own transaction needs no savepoint per SaveChanges (EF adds one inside a caller's transaction).
        context.Database.AutoSavepointsEnabled = false;
    }

    void Fail()
    {
        _pending.Clear();
        // The outermost failure (or a failed audit save inside it) rolls everything back.
        _depth = 1;
        Leave();
    }

    /// <summary>Ends one save level; the outermost ends the transaction (disposing an uncommitted one rolls it back) and opens the gate.</summary>
    void Leave()
    {
        if (--_depth > 0) return;
        _depth = 0;
        if (_transaction is { } tx)
        {
            _transaction = null;
            tx.Dispose();
        }
        _gate?.Dispose();
        _gate = null;
    }

    void Collect(DbContext? context)
    {
        if (context is null) return;
        _pending.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry or FormSubmission) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IVersioned v && entry.State is EntityState.Added or EntityState.Modified)
                v.Version = Guid.NewGuid();
            switch (entry.State)
            {
                case EntityState.Added:
                    _pending.Add(new(entry, "Added", null, null));
                    break;
                case EntityState.Deleted:
                    _pending.Add(new(entry, "Deleted", Values(entry, p => true, current: false), null));
                    break;
                case EntityState.Modified:
                    bool changed(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                        && p.Metadata.Name != nameof(IVersioned.Version);
                    var before = Values(entry, changed, current: false);
                    if (before.Count > 0)
                        _pending.Add(new(entry, "Modified", before, null));
                    break;
            }
        }
    }

    /// <summary>Writes the collected entries once keys of added rows are known. True when there is something to save.</summary>
    bool Flush(DbContext? context)
    {
        if (context is null || _pending.Count == 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var who = services.GetService<IAuditUser>()?.AuditName ?? "system";
        foreach (var p in _pending)
        {
            var key = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
            // After values are read now, when keys of new rows (and FKs to them) are real.
            var after = p.Action switch
            {
                "Added" => Values(p.Entry, _ => true, current: true),
                "Modified" => Values(p.Entry, x => p.Before!.ContainsKey(x.Metadata.Name), current: true),
                _ => null,
            };
            context.Add(new AuditEntry
            {
                AtUtc = now,
                UserName = who,
                Entity = p.Entry.Metadata.ClrType.Name,
                EntityId = key,
                Action = p.Action,
                Before = p.Before is null ? null : JsonSerializer.Serialize(p.Before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            });
        }
        _pending.Clear();
        return true;
    }

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
