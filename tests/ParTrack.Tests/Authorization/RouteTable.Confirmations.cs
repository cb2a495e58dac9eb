namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Routes added by issue 10's second wave: submit confirmation, notification e-mail choice.</summary>
    static IEnumerable<RouteCase> Confirmations() =>
    [
        // Without the confirmation's token the report's own people get 422 (asked again); everyone else 403/404.
        new RouteCase("reports: confirm submitting snv report", "POST", app => SnvReport(app, "?handler=SubmitConfirmed"), Who.CoordinatorsAnd("snv")),
        new RouteCase("reports: ask to submit snv report", "POST", app => SnvReport(app, "?handler=Submit"), Who.CoordinatorsAnd("snv")),
        // Each user's own choice only: there is no user id in the route to reach anyone else's.
        RouteCase.Get("notifications: e-mail choice", "/Notifications/Email", Who.Staff),
        new RouteCase("notifications: save e-mail choice", "POST", _ => Task.FromResult("/Notifications/Email"), Who.Staff),
    ];
}
