using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParTrack.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own derived class below only so that the EF Core
/// tools keep one generated migration set and model snapshot per provider (Data/Migrations/Sqlite, …/Postgres);
/// the app registers <see cref="AppDbContext"/> and resolves it to the configured provider's class.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>A context outside dependency injection (CLI verbs, tests) on the given provider's class.</summary>
    public static AppDbContext Open(bool postgres, string connection, Action<DbContextOptionsBuilder>? configure = null)
    {
        if (postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection);
            configure?.Invoke(pg);
            return new PostgresAppDbContext(pg.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection);
        configure?.Invoke(sqlite);
        return new SqliteAppDbContext(sqlite.Options);
    }

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyGroup> AgencyGroups => Set<AgencyGroup>();
    public DbSet<AgencyAlias> AgencyAliases => Set<AgencyAlias>();
    public DbSet<AgencyScopedAlias> AgencyScopedAliases => Set<AgencyScopedAlias>();
    public DbSet<User> Users => Set<User>();
    public DbSet<IntegrationToken> IntegrationTokens => Set<IntegrationToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanArea> PlanAreas => Set<PlanArea>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<TargetMeasure> TargetMeasures => Set<TargetMeasure>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    /// <summary>ASP.NET Core data-protection keys, shared by every instance (Features/Shared/ClusterSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>How deep the save in progress is: the audit interceptor saves audit rows inside a save.</summary>
    internal int SaveDepth { get; private set; }

    /// <summary>The outermost save's own transaction (changes plus audit rows) and SQLite writer turn, set by the
    /// audit interceptor. Both end when that save returns, also when it fails (uncommitted work is rolled back).</summary>
    internal IDbContextTransaction? SaveTransaction { get; set; }
    internal IDisposable? WriterTurn { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SaveDepth++;
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        finally { EndSave(); }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SaveDepth++;
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        finally { EndSave(); }
    }

    // Whether the tracker's automatic change detection was on when the audit interceptor turned it off for this save.
    bool _restoreDetectChanges;

    /// <summary>The audit interceptor has detected this save's changes: SaveChanges need not scan again.</summary>
    internal void SkipDetectChangesUntilSaved()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled) return;
        ChangeTracker.AutoDetectChangesEnabled = false;
        _restoreDetectChanges = true;
    }

    void EndSave()
    {
        if (--SaveDepth > 0) return;
        if (_restoreDetectChanges) ChangeTracker.AutoDetectChangesEnabled = true;
        _restoreDetectChanges = false;
        SaveTransaction?.Dispose();
        SaveTransaction = null;
        WriterTurn?.Dispose();
        WriterTurn = null;
    }

    protected override void OnModelCreating(ModelBuilder b) =>
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    // Instants are stored and read back as UTC on both providers (PostgreSQL refuses other kinds).
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        c.Properties<DateTime>().HaveConversion<UtcConverter>();
        c.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite database; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The PostgreSQL database; migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
