namespace ParTrack.Jobs;

/// <summary>
/// Background jobs begin their work only once the app listens and a delay has passed: at start-up their first
/// queries (compiled on first use) would compete with migrations, seeding and the first requests for the cores.
/// </summary>
public static class AfterStart
{
    /// <summary>False when the host stops first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, TimeSpan delay, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) { return false; }
    }
}
