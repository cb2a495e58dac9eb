using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    static async Task<string> SnvReport(TestApp app, string suffix = "")
    {
        var (_, period) = await app.OpenQ1Async();
        return ReportTestData.ReportUrl(period, await app.AgencyIdAsync("Sở Nội vụ")) + suffix;
    }

    /// <summary>Routes of Features/Reporting, Dashboard and Notifications.</summary>
    static IEnumerable<RouteCase> Reporting() =>
    [
        RouteCase.Get("reports: list", "/Reports", Who.Staff),
        RouteCase.Get("reports: period overview", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}", Who.StaffExceptOfficersBut()),
        RouteCase.Get("reports: period docx", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}?handler=Docx", Who.StaffExceptOfficersBut()),
        RouteCase.Get("reports: period xlsx", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}?handler=Xlsx", Who.StaffExceptOfficersBut()),
        new RouteCase("reports: remind all late", "POST", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}?handler=RemindLate", Who.Coordinators),
        RouteCase.Get("reports: ad-hoc request page", "/Reports/AdHoc", Who.Coordinators),
        RouteCase.Get("reports: snv report", app => SnvReport(app), Who.StaffExceptOfficersBut("snv")),
        new RouteCase("reports: save snv report", "POST", app => SnvReport(app), Who.CoordinatorsAnd("snv"))
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Results"] = "x" }),
        },
        new RouteCase("reports: accept snv report", "POST", app => SnvReport(app, "?handler=Accept"), Who.Coordinators),
        RouteCase.Get("dashboard", "/Dashboard", Who.StaffExceptOfficersBut()),
        RouteCase.Get("notifications", "/Notifications", Who.Staff),
    ];
}
