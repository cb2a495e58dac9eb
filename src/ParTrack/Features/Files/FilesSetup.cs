using Microsoft.Extensions.DependencyInjection.Extensions;
using ParTrack.Data;

namespace ParTrack.Features;

public static class FilesSetup
{
    /// <summary>The values of Files:Store; validated at start-up (Operations/Settings).</summary>
    public const string Disk = "Disk", Database = "Database";

    /// <summary>
    /// The one FileStore, chosen by Files:Store (Disk, the default, or Database). Replaces any plain registration
    /// a feature made before FileStore became abstract, whatever the order of the AddX() calls.
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<FileStore>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var db = sp.GetRequiredService<DatabaseSettings>();
            return IsDatabase(config["Files:Store"])
                ? new DatabaseFileStore(config, db, sp.GetRequiredService<IServiceScopeFactory>())
                : new DiskFileStore(config, db);
        }));
        return services;
    }

    static bool IsDatabase(string? store) => string.Equals(store, Database, StringComparison.OrdinalIgnoreCase);
}
