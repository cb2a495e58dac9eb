using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Routes of Features/Plans and Features/MyWork (owned by the plans work).</summary>
    static IEnumerable<RouteCase> Plans() => [];
}
