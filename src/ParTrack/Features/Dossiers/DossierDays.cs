using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The day counters as a whole: built from every stored dossier when a database has dossiers but no counters yet (one
/// made before the counters existed), at start-up and before an import. From then on the importer keeps them.
/// </summary>
public sealed class DossierDays(AppDbContext db, DataVersion version)
{
    public async Task EnsureBuiltAsync(CancellationToken ct = default)
    {
        if (await db.Set<DossierDay>().AnyAsync(ct) || !await db.Set<Dossier>().AnyAsync(ct)) return;
        await RebuildAsync(ct);
    }

    /// <summary>Every day row again from the dossiers, streamed (memory grows with agencies × days, not with dossiers).</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var delete = conn.CreateCommand())
            {
                delete.Transaction = tx;
                // The lock of PostgresDossierWriter: no import runs while the counters are rebuilt.
                delete.CommandText = (db.Database.IsNpgsql() ? $"SELECT pg_advisory_xact_lock({PostgresDossierWriter.ImportLock}); " : "")
                    + "DELETE FROM \"DossierDays\"";
                await delete.ExecuteNonQueryAsync(ct);
            }
            var days = new DayCounts();
            await using (var read = conn.CreateCommand())
            {
                read.Transaction = tx;
                read.CommandTimeout = 600;
                read.CommandText = $"SELECT {DossierWriter.FactColumns} FROM \"Dossiers\" d";
                await using var rows = await read.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct)) days.Add(DossierWriter.Facts(rows));
            }
            await DossierWriter.For(db).ApplyDaysAsync(conn, tx, days, ct);
            await tx.CommitAsync(ct);
            version.Bump();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Builds the day counters at start-up when a database has dossiers from before them.</summary>
sealed class DossierDaysAtStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DossierDays>().EnsureBuiltAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
