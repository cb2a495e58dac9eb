using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParTrack.Data;

/// <summary>
/// A number that grows whenever this process writes to the database: after every SaveChanges, every
/// ExecuteUpdate/ExecuteDelete or raw write, and every commit. Cached views put it in their key (taken before
/// they read), so the first request after a change computes afresh, for every viewer, whatever the change was
/// (docs/benchmarks.md, "Caches keyed by the data version"). Bumping again at the commit closes the gap where a
/// reader takes the new number while the writer's transaction is still open and reads the old rows.
/// One per app (a singleton): other instances of a cluster catch up when their caches expire
/// (Reporting:DashboardCacheSeconds).
/// </summary>
public sealed class DataVersion
{
    long _current;

    public DataVersion() => Interceptors = [new Saves(this), new Commits(this), new Writes(this)];

    public long Current => Interlocked.Read(ref _current);

    public void Bump() => Interlocked.Increment(ref _current);

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
