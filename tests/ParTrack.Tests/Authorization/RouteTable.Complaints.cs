namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Routes of Features/Complaints.</summary>
    static IEnumerable<RouteCase> Complaints() =>
    [
        RouteCase.Get("complaints: list", "/Complaints", Who.Staff),
        RouteCase.Get("api complaints", "/api/complaints", Who.Staff),
    ];
}
