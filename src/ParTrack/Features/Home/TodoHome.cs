using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Home;

/// <summary>A heading of the to-do home with its lines and how many things they count together.</summary>
public sealed record WorkGroup(string Title, IReadOnlyList<WorkItem> Items)
{
    public int Count => Items.Sum(i => i.Count);
    public bool Urgent => Items.Any(i => i.Urgency != WorkUrgency.Normal);
}

/// <summary>
/// "Việc cần làm": every registered <see cref="IWorkItemSource"/> (the built-in ones of Reporting, Plans, My work and the
/// PAR Index, and whatever modules add) asked for the signed-in user, grouped under the sources' headings. Overdue
/// lines first, then due soon, then by date; groups with something urgent first, otherwise in the sources' order.
/// </summary>
public sealed class TodoHome(IEnumerable<IWorkItemSource> sources, CurrentUser me, ILogger<TodoHome> log)
{
    public async Task<IReadOnlyList<WorkGroup>> LoadAsync(CancellationToken ct = default)
    {
        var items = new List<WorkItem>();
        foreach (var source in sources)
        {
            try { items.AddRange(await source.ItemsAsync(me, ct)); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One module's failure must not take the start page down: the rest of the work is still listed.
                log.LogError(ex, "Work item source {Source} failed", source.GetType().Name);
            }
        }
        return items.Where(i => i.Count > 0)
            .GroupBy(i => i.Group)
            .Select(g => new WorkGroup(g.Key, g.OrderByDescending(i => i.Urgency).ThenBy(i => i.Due ?? DateOnly.MaxValue).ToList()))
            .OrderByDescending(g => g.Urgent)
            .ToList();
    }
}

public static class HomeSetup
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<TodoHome>();
}
