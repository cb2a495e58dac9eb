using ParTrack.Features.Notifications;

namespace ParTrack.Jobs;

/// <summary>
/// Runs the reminder pass every Reporting:ReminderIntervalMinutes (default 60). Safe on several
/// instances: each reminder key is inserted once (see Reminders). Off when Reporting:Reminders=false.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<ReminderJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reporting:Reminders", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Reporting:ReminderIntervalMinutes", 60)));
        // Let start-up (migrations, demo seeding) finish first.
        try { await Task.Delay(TimeSpan.FromSeconds(config.GetValue("Reporting:ReminderStartDelaySeconds", 30)), stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(stoppingToken);
                if (sent > 0) log.LogInformation("Sent {Count} report reminders", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
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
