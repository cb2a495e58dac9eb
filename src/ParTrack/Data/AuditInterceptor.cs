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

/// <summary>
/// One seam for every save: renews the concurrency Version of edited entities and records an
/// AuditEntry (who, when, what, before/after of the changed properties) for each change.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    static readonly HashSet<string> Secret = [nameof(User.PasswordHash)];
    readonly List<Pending> _pending = [];

    sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After);

    public override InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        Collect(e.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(e.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (Flush(e.Context)) e.Context!.SaveChanges();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (Flush(e.Context)) await e.Context!.SaveChangesAsync(ct);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData e) => _pending.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData e, CancellationToken ct = default)
    {
        _pending.Clear();
        return Task.CompletedTask;
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
