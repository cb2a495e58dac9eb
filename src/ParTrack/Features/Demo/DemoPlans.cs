using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Import;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>The demo province's plan, a document of our own under samples/ (copied beside the app at build).</summary>
    public const string SamplePlan = "samples/ha-tinh/ke-hoach-cchc-2025.html";

    /// <summary>
    /// The plans part of the demo: Hà Tĩnh's 2025 plan (<see cref="SamplePlan"/>) imported through the
    /// real importer and issued, then the own plans of Sở Nội vụ (issued) and Sở Tư pháp (draft) made
    /// from it. Runs after agencies, groups and accounts exist. If the file is missing or unreadable the
    /// demo has no plans and the log says why.
    /// </summary>
    public static async Task SeedPlansAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Demo");
        var path = FindPlan(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        if (path is null) { log.LogWarning("Demo: {Plan} not found; no demo plans.", SamplePlan); return; }

        ImportResult imported;
        try { imported = PlanImporter.Import(path); }
        catch (ImportException ex) { log.LogWarning("Demo: {Plan} not imported: {Message}", path, ex.Message); return; }

        var clock = services.GetRequiredService<TimeProvider>();
        var editing = new PlanEditing(db, clock);
        var created = await editing.CreateFromJsonAsync(imported.Plan, await new AgencyDirectory(db).ResolverAsync(ct), null, ct);
        if (!created.IsOk) { log.LogWarning("Demo: {Plan} rejected: {Message}", path, created.Message); return; }
        var lifecycle = new PlanLifecycle(db, clock);
        await lifecycle.IssueAsync(created.Value, ct: ct);

        var cascade = new Cascade(db, clock);
        foreach (var (name, issue) in new[] { ("Sở Nội vụ", true), ("Sở Tư pháp", false) })
        {
            var agency = await db.Agencies.Where(a => a.Name == name).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (agency is null) continue;
            var own = await cascade.CreateAgencyPlanAsync(created.Value, agency.Value, ct);
            if (own.IsOk && issue) await lifecycle.IssueAsync(own.Value, ct: ct);
        }
    }

    /// <summary>Demo:PlanPath when set (any plan document), else the sample copied beside the app, else the
    /// repository's samples/ (searched upwards from the content root, for `dotnet run` without a build copy).</summary>
    static string? FindPlan(IConfiguration config, IHostEnvironment env)
    {
        if (config["Demo:PlanPath"] is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        foreach (var start in new[] { AppContext.BaseDirectory, env.ContentRootPath, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SamplePlan);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
