using ParTrack.Features.Notifications;

namespace ParTrack.Jobs;

/// <summary>
/// Runs the reminder pass every Reporting:ReminderIntervalMinutes (default 60). Safe on several
/// instances: each reminder key is inserted once (see Reminders). Off when Reporting:Reminders=false
/// (the test hosts turn it off: a pass there would write into databases the tests own).
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, ILogger<ReminderJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reporting:Reminders", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Reporting:ReminderIntervalMinutes", 60)));
        // Start only once the app is fully up (migrations, demo seeding done), then wait the start delay.
        var delay = TimeSpan.FromSeconds(config.GetValue("Reporting:ReminderStartDelaySeconds", 30));
        if (!await AfterStart.WaitAsync(lifetime, delay, stoppingToken)) return;
        using var timer = new PeriodicTimer(interval);
        do
        {
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(stoppingToken);
                sent += await scope.ServiceProvider.GetRequiredService<Features.Inspections.RemedyReminders>().RunAsync(stoppingToken);
                sent += await scope.ServiceProvider.GetRequiredService<Features.Inspections.EscalationDigest>().RunAsync(stoppingToken);
                if (sent > 0) log.LogInformation("Sent {Count} report reminders", sent);
                else log.LogDebug("Reminder pass: nothing to send");
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }   // the host is shutting down: never touch a disposed provider
            catch (Exception ex)
            {
                // A failed pass (database busy, SMTP down) is retried on the next tick.
                log.LogWarning(ex, "Reminder pass failed");
            }
        } while (await WaitAsync(timer, stoppingToken));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
