namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Routes of the to-do home, notifications and the readable audit log (issue 10).</summary>
    static IEnumerable<RouteCase> Guide() =>
    [
        new RouteCase("notifications: mark all read", "POST", _ => Task.FromResult("/Notifications?handler=ReadAll"), Who.Staff),
        // An id that is not the user's leads back to the list: allowed for everyone signed in, and changes nothing.
        new RouteCase("notifications: open one", "POST", _ => Task.FromResult("/Notifications?handler=Open&id=999999"), Who.Staff),
        RouteCase.Get("audit log: CSV", "/Accounts/Audit?handler=Csv&entity=Agency", Who.Admin),
    ];
}
