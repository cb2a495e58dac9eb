using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParTrack.Data;

namespace ParTrack.Operations;

/// <summary>
/// Probes for a load balancer or an orchestrator (docs/deployment.md): `/health/live` says the process answers
/// (restart it if not); `/health/ready` says it can serve: the database answers and has every migration
/// (send it no traffic if not). `/health` stays as it was: the benchmarks compare pages with it.
/// </summary>
public static class Health
{
    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapHealthProbes(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    // {"status":"Healthy","checks":{"database":"..."}}: what failed, never an exception's details.
    static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString()),
        }));
    }

    sealed class DatabaseReady(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("database unreachable");
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("ok")
                    : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("database error: " + ex.GetType().Name);
            }
        }
    }
}
