using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParTrack.Data;

namespace ParTrack.Tests.Infrastructure.LegacyMigrations;

/// <summary>
/// The app's model with the hand-written migrations it shipped until December 2026 (the files beside this one,
/// unchanged but for their namespace and context), kept only to make databases as those releases made them.
/// </summary>
sealed class LegacyAppDbContext(DbContextOptions<LegacyAppDbContext> options) : AppDbContext(options)
{
    public static LegacyAppDbContext Open(ScratchDatabase database)
    {
        var o = new DbContextOptionsBuilder<LegacyAppDbContext>()
            // They had no model snapshot.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var assembly = typeof(LegacyAppDbContext).Assembly.GetName().Name;
        if (database.Provider == Databases.Postgres) o.UseNpgsql(database.Connection, x => x.MigrationsAssembly(assembly));
        else o.UseSqlite(database.Connection, x => x.MigrationsAssembly(assembly));
        return new LegacyAppDbContext(o.Options);
    }
}
