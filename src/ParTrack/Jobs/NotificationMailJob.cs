using ParTrack.Features.Notifications;

namespace ParTrack.Jobs;

/// <summary>
/// Sends the users' chosen notification e-mails every Notifications:MailIntervalSeconds (default 60). Off with the
/// reminders (Reporting:Reminders=false, as in the test hosts: a pass there would touch databases the tests own).
/// </summary>
public sealed class NotificationMailJob(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime,
    ILogger<NotificationMailJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reporting:Reminders", true)) return;
        var interval = TimeSpan.FromSeconds(Math.Max(10, config.GetValue("Notifications:MailIntervalSeconds", 60)));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
            try { await started.Task; } catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var sent = await scope.ServiceProvider.GetRequiredService<NotificationMail>().SendPendingAsync(stoppingToken);
                    if (sent > 0) log.LogInformation("Sent {Count} notification e-mails", sent);
                }
                catch (OperationCanceledException) { return; }
                catch (ObjectDisposedException) { return; }
                catch (Exception ex) { log.LogWarning(ex, "Notification e-mail pass failed"); }   // retried on the next tick
            }
        }
        catch (OperationCanceledException) { }
    }
}
