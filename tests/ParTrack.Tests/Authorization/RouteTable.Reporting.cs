using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Reporting;
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

    /// <summary>A fresh Q1 report of Sở Nội vụ, submitted (with one uploaded file and one kept version), so review routes have work.</summary>
    static async Task<AgencyReport> SubmittedSnvReportAsync(TestApp app) =>
        await app.SubmittedReportAsync("Sở Nội vụ");

    /// <summary>The Version token of Sở Nội vụ's newest report (the one the URL just created).</summary>
    static async Task<Dictionary<string, string?>> NewestSnvVersion(TestApp app)
    {
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var version = await app.Db(db => db.Set<AgencyReport>().Where(r => r.AgencyId == snv).OrderByDescending(r => r.Id).Select(r => r.Version).FirstAsync());
        return new() { ["Version"] = version.ToString(), ["ReviewComment"] = "Bổ sung minh chứng." };
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
        new RouteCase("reports: ad-hoc request post", "POST", _ => Task.FromResult("/Reports/AdHoc"), Who.Coordinators)
        {
            Form = async app => new()
            {
                ["PlanId"] = (await app.OpenQ1Async()).PlanId.ToString(), ["Title"] = TestData.Unique("Báo cáo đột xuất"),
                ["Questions"] = "Số TTHC đã cắt giảm?", ["DataFrom"] = "2026-01-01", ["DataTo"] = "2026-11-01", ["Deadline"] = "2026-12-15",
                ["AgencyIds"] = (await app.AgencyIdAsync("Sở Tư pháp")).ToString(),
            },
        },
        RouteCase.Get("reports: snv report", app => SnvReport(app), Who.StaffExceptOfficersBut("snv")),
        new RouteCase("reports: save snv report", "POST", app => SnvReport(app), Who.CoordinatorsAnd("snv"))
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Results"] = "x" }),
        },
        new RouteCase("reports: start snv report", "POST", app => SnvReport(app, "?handler=Start"), Who.CoordinatorsAnd("snv")),
        new RouteCase("reports: autosave snv report", "POST", app => SnvReport(app, "?handler=Autosave"), Who.CoordinatorsAnd("snv"))
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Results"] = "x" }),
        },
        new RouteCase("reports: accept snv report", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return ReportTestData.ReportUrl(r.PeriodId, r.AgencyId) + "?handler=Accept"; },
            Who.Coordinators) { Form = NewestSnvVersion },
        new RouteCase("reports: return snv report", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return ReportTestData.ReportUrl(r.PeriodId, r.AgencyId) + "?handler=Return"; },
            Who.Coordinators) { Form = NewestSnvVersion },
        RouteCase.Get("reports: snv report version", async app =>
        {
            var r = await SubmittedSnvReportAsync(app);
            return $"/Reports/Versions/{await app.Db(db => db.Set<ReportVersion>().Where(v => v.ReportId == r.Id).Select(v => v.Id).FirstAsync())}";
        }, Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("reports: snv evidence file", async app =>
        {
            var r = await SubmittedSnvReportAsync(app);
            return $"/Reports/Evidence/{await app.Db(db => db.Set<ReportEntry>().Where(e => e.ReportId == r.Id).SelectMany(e => e.Evidence).Select(v => v.Id).FirstAsync())}";
        }, Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("api: snv report", async app => $"/api/reports/{(await SubmittedSnvReportAsync(app)).Id}", Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("reports: activity breakdown", async app =>
        {
            var (plan, period) = await app.OpenQ1Async();
            return $"/Reports/Periods/{period}/Activities/{await app.Db(db => db.Activities.Where(a => a.PlanId == plan).Select(a => a.Id).FirstAsync())}";
        }, Who.StaffExceptOfficersBut()),
        RouteCase.Get("reports: period targets", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Targets", Who.StaffExceptOfficersBut()),
        new RouteCase("reports: save period targets", "POST", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Targets", Who.Coordinators),
        RouteCase.Get("api: plan progress", async app => { var (plan, period) = await app.OpenQ1Async(); return $"/api/plans/{plan}/progress?periodId={period}"; },
            Who.StaffExceptOfficersBut()),
        RouteCase.Get("api: periods", async app => $"/api/periods?planId={(await app.OpenQ1Async()).PlanId}", Who.Staff),
        RouteCase.Get("api: reports of a period", async app => $"/api/reports?periodId={(await app.OpenQ1Async()).PeriodId}", Who.Staff),
        new RouteCase("api: accept snv report", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return $"/api/reports/{r.PeriodId}/{r.AgencyId}/accept"; },
            Who.Coordinators) { Json = _ => Task.FromResult<object>(new { comment = "Đạt yêu cầu." }) },
        new RouteCase("api: return snv report", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return $"/api/reports/{r.PeriodId}/{r.AgencyId}/return"; },
            Who.Coordinators) { Json = _ => Task.FromResult<object>(new { comment = "Bổ sung minh chứng." }) },
        RouteCase.Get("dashboard", "/Dashboard", Who.StaffExceptOfficersBut()),
        RouteCase.Get("notifications", "/Notifications", Who.Staff),
    ];
}
