namespace ParTrack.Features.Plans;

/// <summary>What the framework-table and tree partials render.</summary>
public sealed record FrameworkView(IReadOnlyList<FrameworkArea> Areas, bool CanEdit);
