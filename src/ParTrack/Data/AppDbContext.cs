using Microsoft.EntityFrameworkCore;

namespace ParTrack.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyGroup> AgencyGroups => Set<AgencyGroup>();
    public DbSet<AgencyAlias> AgencyAliases => Set<AgencyAlias>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanArea> PlanAreas => Set<PlanArea>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<TargetMeasure> TargetMeasures => Set<TargetMeasure>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

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
