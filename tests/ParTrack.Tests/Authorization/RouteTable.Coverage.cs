using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Authorization;

/// <summary>
/// Routes RouteCoverageTests found missing from the matrix when it was written (issue 18), by feature.
/// A feature that adds a route puts its case in its own RouteTable.&lt;Feature&gt;.cs; these may move there.
/// </summary>
public static partial class RouteTable
{
    /// <summary>Mapped routes the matrix cannot walk as every user, each with where it is tested instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotInMatrix = new Dictionary<string, string>
    {
        ["POST /Accounts/Logout"] = "ends every session of the user, which would sign the matrix's cached clients out; SessionTests",
        // EnglishInterfaceTests and the other walks over the GET cases reuse one client per user: a language switch among
        // them would change the language of every page after it.
        ["GET /lang/{culture}"] = "sets the client's language cookie; LoginTests, PlansEnglishTests and EnglishInterfaceTests use it",
    };

    sealed record FileData(int FindingId, int InspectionId, int DocumentId);

    /// <summary>A fresh inspection of Sở Tư pháp with a reported finding (its evidence stored) and a stored document.</summary>
    static async Task<FileData> InspectionWithFiles(TestApp app)
    {
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var store = app.Services.GetRequiredService<FileStore>();
        var pdf = "%PDF-1.4 route table inspection"u8.ToArray();
        var kept = await store.SaveAsync(new MemoryStream(pdf), pdf.Length, "bc.pdf");
        var sha = kept.Value?.Sha256 ?? throw new InvalidOperationException(kept.Message);
        return await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = 2031, Title = "Kế hoạch kiểm tra tệp", Checklist = "1. Chỉ đạo, điều hành" };
            db.Add(p);
            await db.SaveChangesAsync();
            var i = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = stp, ScheduledOn = new(2031, 5, 1), DocumentsToPrepare = "Báo cáo tự kiểm tra",
                Findings =
                [
                    new() { Area = "1. Chỉ đạo, điều hành", Found = "Thiếu báo cáo", RequiredRemedy = "Gửi báo cáo", ResponsibleAgencyId = stp,
                        Deadline = new(2031, 5, 25), Status = RemedyStatus.Reported, RemedyReport = "Đã gửi", ReportedOn = new(2031, 5, 20),
                        EvidenceFileName = "bc.pdf", EvidenceContentType = "application/pdf", EvidenceSha256 = sha },
                ],
                Documents = [new() { Requirement = "Báo cáo tự kiểm tra", FileName = "tkt.pdf", ContentType = "application/pdf", Sha256 = sha, Size = 31, UploadedAtUtc = DateTime.UtcNow, UploadedBy = "stp" }],
            };
            db.Add(i);
            await db.SaveChangesAsync();
            return new FileData(i.Findings[0].Id, i.Id, i.Documents[0].Id);
        });
    }

    static IEnumerable<RouteCase> Coverage() =>
    [
        // Accounts, agencies and the shell.
        RouteCase.Get("logout page", "/Accounts/Logout", Who.Everyone),
        new RouteCase("login post, empty", "POST", _ => Task.FromResult("/Accounts/Login"), Who.Everyone),
        RouteCase.Get("error page", "/Error", Who.Everyone),
        new RouteCase("error page post", "POST", _ => Task.FromResult("/Error"), Who.Everyone),
        new RouteCase("user create post, empty", "POST", _ => Task.FromResult("/Accounts/UserEdit"), Who.Admin),
        new RouteCase("group create post", "POST", _ => Task.FromResult("/Agencies/GroupEdit"), Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Input.Name"] = TestData.Unique("Nhóm quyền"), ["Input.MemberKinds"] = "Department" }),
        },

        // Plans: forms posted empty or invalid change nothing; only who may post them matters here.
        new RouteCase("plans: create post, empty", "POST", _ => Task.FromResult("/Plans/Create"), Who.Coordinators),
        new RouteCase("plans: edit agency plan post (snv)", "POST", app => SnvPlan(app, "/Edit"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: new activity post (snv)", "POST", app => SnvPlan(app, "/Activities"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: structure area post (snv)", "POST", app => SnvPlan(app, "/Structure?handler=Area"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: structure target post (snv)", "POST", app => SnvPlan(app, "/Structure?handler=Target"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: structure task post (snv)", "POST", app => SnvPlan(app, "/Structure?handler=Task"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: cascade for an agency (status page)", "POST", async app => $"/Plans/{await app.ProvincePlanAsync()}/Cascade", Who.Coordinators),
        new RouteCase("plans: make own agency plan", "POST",
            async app => $"/Plans/{await app.ProvincePlanAsync()}?handler=Cascade&forAgency={await app.AgencyIdAsync("Sở Nội vụ")}",
            Who.CoordinatorsAnd("snv", "stp", "tphatinh")),
        new RouteCase("plans: import post, no file", "POST", _ => Task.FromResult("/Plans/Import"), Who.CoordinatorsAnd("snv", "stp", "tphatinh")),
        RouteCase.Get("plans: import preview", async app => $"/Plans/Import/{await PendingImport(app)}", Who.Coordinators),
        new RouteCase("plans: import cancel", "POST", async app => $"/Plans/Import/{await PendingImport(app)}?handler=Cancel", Who.Coordinators),
        new RouteCase("plans: import confirm", "POST", async app => $"/Plans/Import/{await PendingImport(app)}?handler=Confirm", Who.Coordinators),

        // Reporting.
        new RouteCase("reports: open a year, invalid", "POST", _ => Task.FromResult("/Reports?handler=OpenYear"), Who.Coordinators)
        {
            Form = async app => new() { ["PlanId"] = (await app.OpenQ1Async()).PlanId.ToString(), ["Year"] = "1900" },
        },
        new RouteCase("reports: submit snv report", "POST", async app => await SnvReport(app) + "?handler=Submit", Who.CoordinatorsAnd("snv"))
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Results"] = "x" }),
        },
        new RouteCase("reports: upload to snv report, no file", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return ReportTestData.ReportUrl(r.PeriodId, r.AgencyId) + "?handler=Upload"; },
            Who.CoordinatorsAnd("snv")),
        new RouteCase("reports: document of snv report, invalid", "POST",
            async app => { var r = await SubmittedSnvReportAsync(app); return ReportTestData.ReportUrl(r.PeriodId, r.AgencyId) + "?handler=Document"; },
            Who.CoordinatorsAnd("snv")),
        new RouteCase("reports: remove evidence of snv report", "POST", async app =>
        {
            var r = await SubmittedSnvReportAsync(app);
            var evidence = await app.Db(db => db.Set<ReportEntry>().Where(e => e.ReportId == r.Id).SelectMany(e => e.Evidence).Select(v => v.Id).FirstAsync());
            return ReportTestData.ReportUrl(r.PeriodId, r.AgencyId) + $"?handler=RemoveEvidence&evidenceId={evidence}";
        }, Who.CoordinatorsAnd("snv")),
        new RouteCase("reports: bind a target, no indicator", "POST", async app => $"/Reports/Plans/{(await AMeasureAsync(app)).PlanId}/Bindings?handler=Bind", Who.Coordinators)
        {
            Form = async app => new() { ["measureId"] = (await AMeasureAsync(app)).MeasureId.ToString(), ["indicator"] = "" },
        },
        RouteCase.Get("reports: draft editor pdf", async app => $"/Reports/Periods/{(await app.OpenQ1Async()).PeriodId}/Draft?handler=Pdf", Who.StaffExceptOfficersBut()),

        // PAR Index.
        new RouteCase("par: create round post, empty", "POST", _ => Task.FromResult("/ParIndex/Rounds/Create"), Who.Coordinators),
        new RouteCase("par: submit self-assessment, save only (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=Submit", Who.CoordinatorsAnd("snv")),
        new RouteCase("par: remove evidence, none (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=RemoveEvidence&evidenceId=0", Who.CoordinatorsAnd("snv")),
        new RouteCase("par: link criterion, invalid", "POST", _ => Task.FromResult("/ParIndex/Links?handler=Add&year=2030&code=none&activityId=0"), Who.Coordinators),
        new RouteCase("par: link suggestions", "POST", _ => Task.FromResult("/ParIndex/Links?handler=Suggest&year=2030"), Who.Coordinators),
        new RouteCase("par: remove a link", "POST", async app => $"/ParIndex/Links?handler=Remove&year=2030&linkId={await ALinkAsync(app)}", Who.Coordinators),
        new RouteCase("par: remove a unit", "POST", async app =>
        {
            var round = await NewParRound(app, RoundStage.Draft);
            return $"/ParIndex/Rounds/{round}?handler=RemoveUnit&assessmentId={await app.Db(db => Task.FromResult(db.Set<ParAssessment>().First(a => a.RoundId == round).Id))}";
        }, Who.Coordinators),
        new RouteCase("par: survey included", "POST", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Survey?handler=Included&included=true", Who.Coordinators),
        new RouteCase("par: survey import, no file", "POST", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Survey?handler=Import", Who.Coordinators),

        // Inspections and satisfaction.
        RouteCase.Get("inspections: finding evidence", async app => $"/Inspections/Findings/{(await InspectionWithFiles(app)).FindingId}?handler=Evidence", Who.StaffExceptOfficersBut("stp")),
        new RouteCase("inspections: verify remedy (accept)", "POST", async app => $"/Inspections/Findings/{(await InspectionWithFiles(app)).FindingId}?handler=Verify", Who.Coordinators),
        RouteCase.Get("inspections: visit document", async app =>
        {
            var d = await InspectionWithFiles(app);
            return $"/Inspections/Visits/{d.InspectionId}?handler=Document&doc={d.DocumentId}";
        }, Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("survey: qr page", async app => $"/Satisfaction/Campaigns/{(await Survey(app)).CampaignId}/Qr", Who.Coordinators),
    ];

    /// <summary>A fresh criterion-activity link of 2030, so removing it finds one.</summary>
    static async Task<int> ALinkAsync(TestApp app) =>
        await app.Db(async db =>
        {
            var activity = db.Activities.Select(a => a.Id).First();
            // A code of its own: the matrix asks for a link once per user, and a year, code and activity are linked once.
            var link = new ParCriterionActivity { Year = 2030, Code = "9." + Guid.NewGuid().ToString("N")[..8], ActivityId = activity };
            db.Add(link);
            await db.SaveChangesAsync();
            return link.Id;
        });
}
