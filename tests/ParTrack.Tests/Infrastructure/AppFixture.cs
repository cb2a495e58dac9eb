namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// Shared by one test collection (one collection per test class, so each class gets fresh databases):
/// one <see cref="TestApp"/> per provider, started on first use. Tests in a class share that database,
/// so each test creates the data it needs with unique names and never depends on order.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    readonly Dictionary<string, TestApp> _apps = [];
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The app on the given provider (Databases.Sqlite or Databases.Postgres).</summary>
    public TestApp App(string provider = Databases.Sqlite)
    {
        _gate.Wait();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TestApp(provider);
                _ = app.Server;   // start now: migrate and seed
                _apps[provider] = app;
            }
            return app;
        }
        finally { _gate.Release(); }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
    }
}
