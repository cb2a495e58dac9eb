using ParTrack.Data;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// Placeholder for the plans part of the demo (web-plans fills it: import seed 000 as the 2025
    /// province plan and a few agency plans). Runs after agencies, groups and accounts exist.
    /// </summary>
    public static Task SeedPlansAsync(AppDbContext db, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
