namespace ParTrack.Features.Shared;

/// <summary>
/// Runs a read beside the request's own, in a scope of its own (its own DbContext, so its own connection from the pool),
/// on the thread pool: a page made of independent reads of about the same length (the dashboard's figures, target
/// measures and early warning on a large province) then waits for the longest instead of their sum. Only for reads
/// that need nothing of the request's scope (no signed-in user, no tracked entities), and only where they are long
/// enough to pay for a second connection.
/// </summary>
public sealed class Beside(IServiceScopeFactory scopes)
{
    public Task<T> RunAsync<TService, T>(Func<TService, Task<T>> read) where TService : notnull =>
        Task.Run(async () =>   // Task.Run: SQLite's "async" commands run synchronously on the caller's thread
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<TService>());
        });
}
