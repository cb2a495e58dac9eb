using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;

namespace ParTrack.Features.Satisfaction;

/// <summary>
/// Deletes raw answers of campaigns older than Satisfaction:RetentionYears (default 5; 0 keeps them) once a day.
/// Published figures stay (they are aggregates, frozen on the campaign); used-invitation and dossier marks go with the answers.
/// </summary>
public sealed class SurveyRetentionJob(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<SurveyRetentionJob> log) : BackgroundService
{
    public static async Task<int> PurgeAsync(AppDbContext db, int years, DateOnly today, CancellationToken ct)
    {
        if (years <= 0) return 0;
        var lastKept = today.Year - years;
        var old = db.Set<SurveyCampaign>().Where(c => c.Year < lastKept).Select(c => c.Id);
        var deleted = await db.Set<SurveyResponse>().Where(r => old.Contains(r.CampaignId)).ExecuteDeleteAsync(ct);
        await db.Set<SurveyDossierClaim>().Where(r => old.Contains(r.CampaignId)).ExecuteDeleteAsync(ct);
        await db.Set<SurveyInvitation>().Where(r => old.Contains(r.CampaignId)).ExecuteDeleteAsync(ct);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var years = config.GetValue("Satisfaction:RetentionYears", 5);
        if (years <= 0) return;
        if (!await Jobs.AfterStart.WaitAsync(lifetime, TimeSpan.FromMinutes(1), stoppingToken)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var n = await PurgeAsync(db, years, VietnamTime.Today(clock), stoppingToken);
                if (n > 0) log.LogInformation("Deleted {Count} survey answers older than {Years} years", n, years);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (database busy) is tried again the next day.
                log.LogWarning(e, "Survey retention pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
