using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParTrack.Data;

/// <summary>
/// A number that grows whenever the database is written: after every SaveChanges, every ExecuteUpdate/ExecuteDelete or
/// raw write, and every commit of this process, and on PostgreSQL whenever another instance on the same database says it
/// wrote (<see cref="PostgresDataChanges"/>: NOTIFY/LISTEN). Cached views and rendered fragments put it in their key
/// (taken before they read), so the first request after a change computes afresh, for every viewer, whatever the change
/// was (docs/benchmarks.md, "Caches keyed by the data version"). Bumping again at the commit closes the gap where a reader
/// takes the new number while the writer's transaction is still open and reads the old rows. One per app (a singleton).
/// SQLite runs one instance by design (docs/deployment.md), so its own writes are all there is.
/// </summary>
public sealed class DataVersion
{
    long _current;

    public DataVersion() => Interceptors = [new Saves(this), new Commits(this), new Writes(this)];

    public long Current => Interlocked.Read(ref _current);

    /// <summary>This process wrote.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref _current);
        Written?.Invoke();
    }

    /// <summary>Another instance wrote (or may have: its notices were not heard for a while). Tells nobody.</summary>
    public void BumpFromElsewhere() => Interlocked.Increment(ref _current);

    /// <summary>After each bump by this process's own writes: the other instances are told (PostgresDataChanges).</summary>
    public event Action? Written;

    /// <summary>The interceptors that bump it, added to every context.</summary>
    public IInterceptor[] Interceptors { get; }

    sealed class Saves(DataVersion version) : SaveChangesInterceptor
    {
        void Bump() => version.Bump();

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        { Bump(); return result; }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        { Bump(); return ValueTask.FromResult(result); }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Bump();

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
        { Bump(); return Task.CompletedTask; }
    }

    sealed class Commits(DataVersion version) : DbTransactionInterceptor
    {
        void Bump() => version.Bump();

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        { Bump(); return Task.CompletedTask; }
    }

    /// <summary>ExecuteUpdate, ExecuteDelete and raw SQL run as non-queries, outside SaveChanges.</summary>
    sealed class Writes(DataVersion version) : DbCommandInterceptor
    {
        void Bump() => version.Bump();

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        { Bump(); return result; }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
        { Bump(); return ValueTask.FromResult(result); }
    }
}
