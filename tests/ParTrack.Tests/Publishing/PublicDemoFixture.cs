using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Publishing;

/// <summary>The demo with its 2025 plan, reports and PAR rounds (and the demo's publications), one per provider, started on first use.</summary>
public sealed class PublicDemoFixture : IAsyncLifetime
{
    readonly Dictionary<string, TestApp> _apps = [];
    readonly SemaphoreSlim _gate = new(1, 1);

    public TestApp App(string provider)
    {
        _gate.Wait();
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TestApp(provider, seedPlans: true);
                _ = app.Server;
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
