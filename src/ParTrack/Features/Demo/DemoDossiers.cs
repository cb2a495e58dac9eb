using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Reporting;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>Up to this many demo dossiers are written before the app answers; more are written after it started.</summary>
    public const int InlineDossiers = 20_000;
    public const string DossierSource = "demo-motcua";

    /// <summary>
    /// The demo's year of one-stop dossiers (2025, <c>Demo:DossierCount</c> of them, 200,000 by default) and the demo plan's
    /// service targets bound to them. Up to <see cref="InlineDossiers"/> are written now; more are written by a background
    /// task once the app answers (about 200,000 take tens of seconds), the bindings at once either way. Nothing with 0.
    /// </summary>
    public static async Task SeedDossiersAsync(IServiceProvider services, IHostApplicationLifetime? lifetime, CancellationToken ct = default)
    {
        var count = services.GetRequiredService<IConfiguration>().GetValue("Demo:DossierCount", 200_000);
        if (count <= 0) return;
        await BindServiceTargetsAsync(services, ct);
        if (count <= InlineDossiers || lifetime is null)
        {
            await ImportDossiersAsync(services, count, ct);
            return;
        }
        var root = services.GetRequiredService<IServiceScopeFactory>();
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            using var scope = root.CreateScope();
            var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Demo");
            try
            {
                log.LogInformation("Demo: writing {Count} dossiers of 2025 in the background.", count);
                await ImportDossiersAsync(scope.ServiceProvider, count, lifetime.ApplicationStopping);
                log.LogInformation("Demo: {Count} dossiers written.", count);
            }
            catch (Exception e) when (e is OperationCanceledException or DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(e, "Demo: the dossiers were not all written.");
            }
        }));
    }

    static async Task ImportDossiersAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.Kind == AgencyKind.Department || a.Kind == AgencyKind.DistrictCommittee || a.Kind == AgencyKind.CommuneCommittee)
            .ToListAsync(ct);
        var importer = services.GetRequiredService<DossierImporter>();
        await importer.ImportAsync(DemoDossierRows.Generate(agencies, count), DossierSource, "demo 2025", ct);
    }

    /// <summary>
    /// The province plan's targets about dossiers ("hồ sơ", "TTHC") whose words suggest a service KPI, bound as a coordinator
    /// would confirm them ("ban hành kế hoạch … đúng hạn" suggests the on-time rate too, but is not about dossiers).
    /// </summary>
    static async Task BindServiceTargetsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var plan = await db.Plans.AsNoTracking().Where(p => p.OwnerAgencyId == null).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (plan is not int planId) return;
        var bindings = services.GetRequiredService<MeasureBindings>();
        foreach (var m in await bindings.ForPlanAsync(planId, ct))
            if (m.Suggested is { } indicator && indicator.Key.StartsWith("kpi:", StringComparison.Ordinal) && m.Binding is null
                && (m.TargetText.Contains("hồ sơ", StringComparison.OrdinalIgnoreCase) || m.TargetText.Contains("TTHC", StringComparison.Ordinal)))
                await bindings.BindAsync(planId, m.MeasureId, indicator.Key, ct);
    }
}
