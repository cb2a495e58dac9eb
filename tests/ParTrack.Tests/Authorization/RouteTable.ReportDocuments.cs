using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>Routes of Features/Reporting/Documents: the province report's files and the Ministry's data sheet.</summary>
    static IEnumerable<RouteCase> ReportDocuments() =>
    [
        RouteCase.Get("reports: period data sheet", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}?handler=DataSheet", Who.StaffExceptOfficersBut()),
        RouteCase.Get("api: consolidated report docx", async app => $"/api/reports/consolidated?periodId={(await app.OpenQ1Async()).PeriodId}&format=docx",
            Who.StaffExceptOfficersBut()),
        RouteCase.Get("api: consolidated report xlsx", async app => $"/api/reports/consolidated?periodId={(await app.OpenQ1Async()).PeriodId}&format=xlsx",
            Who.StaffExceptOfficersBut()),
        RouteCase.Get("reports: snv report docx", async app => (await SubmittedSnvReportAsync(app)) is var r
            ? $"/Reports/Periods/{r.PeriodId}/Agencies/{r.AgencyId}?handler=Docx" : "", Who.StaffExceptOfficersBut("snv")),
        // The report editor: coordinators edit, leaders and appraisers read, officers get 403.
        RouteCase.Get("reports: draft editor", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Draft", Who.StaffExceptOfficersBut()),
        RouteCase.Get("reports: draft editor docx", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Draft?handler=Docx",
            Who.StaffExceptOfficersBut()),
        new("reports: draft editor save version", "POST", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Draft?handler=Save",
            Who.Coordinators) { Form = _ => Task.FromResult(new Dictionary<string, string?> { ["readVersion"] = "0" }) },
        new("reports: draft editor mark final", "POST", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Draft?handler=Final",
            Who.Coordinators) { Form = _ => Task.FromResult(new Dictionary<string, string?> { ["number"] = "1" }) },
    ];
}
