using ParTrack.Features.Publishing;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// The public site of the demo: the 2025 plan's 9-month progress (areas, targets, activities) and last year's PAR
    /// Index results, published by the coordinator as a province would, so /cong-khai shows something at once.
    /// </summary>
    public static async Task SeedPublicationsAsync(IServiceProvider services, CancellationToken ct)
    {
        var publications = services.GetRequiredService<Publications>();
        foreach (var kind in new[] { "plan-progress", "plan-targets", "plan-activities", "par-index" })
        {
            if (publications.Dataset(kind) is not { } dataset) continue;
            var items = await dataset.ItemsAsync(ct);
            var item = kind == "par-index" ? items.FirstOrDefault() : items.FirstOrDefault(i => i.Key.EndsWith("-9M", StringComparison.Ordinal));
            if (item is not null) await publications.PublishAsync(kind, item.Key, "coordinator", ct);
        }
    }
}
