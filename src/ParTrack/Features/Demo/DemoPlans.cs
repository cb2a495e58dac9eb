using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Import;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    public const string Seed000 = "000_a5b74ff242722c67.txt";

    /// <summary>
    /// The plans part of the demo: Hà Tĩnh's 2025 plan imported from seed 000 and issued, then the own
    /// plans of Sở Nội vụ (issued) and Sở Tư pháp (draft) made from it. Runs after agencies, groups and
    /// accounts exist. Without the seed file (or if it cannot be read) the demo simply has no plans.
    /// </summary>
    public static async Task SeedPlansAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Demo");
        var path = FindSeed(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        if (path is null) { log.LogWarning("Demo: seed {Seed} not found; no demo plans.", Seed000); return; }

        ImportResult imported;
        try { imported = PlanImporter.Import(path); }
        catch (ImportException ex) { log.LogWarning("Demo: seed 000 not imported: {Message}", ex.Message); return; }

        var clock = services.GetRequiredService<TimeProvider>();
        var editing = new PlanEditing(db, clock);
        var created = await editing.CreateFromJsonAsync(imported.Plan, await new AgencyDirectory(db).ResolverAsync(ct), null, ct);
        if (!created.IsOk) { log.LogWarning("Demo: seed 000 plan rejected: {Message}", created.Message); return; }
        await editing.IssueAsync(created.Value, ct);

        var cascade = new Cascade(db, clock);
        foreach (var (name, issue) in new[] { ("Sở Nội vụ", true), ("Sở Tư pháp", false) })
        {
            var agency = await db.Agencies.Where(a => a.Name == name).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (agency is null) continue;
            var own = await cascade.CreateAgencyPlanAsync(created.Value, agency.Value, ct);
            if (own.IsOk && issue) await editing.IssueAsync(own.Value, ct);
        }
    }

    /// <summary>Demo:Seed000Path, or shared/seeds/ beside the repository (searched upwards from the app).</summary>
    static string? FindSeed(IConfiguration config, IHostEnvironment env)
    {
        if (config["Demo:Seed000Path"] is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        foreach (var start in new[] { env.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "seeds", Seed000);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
