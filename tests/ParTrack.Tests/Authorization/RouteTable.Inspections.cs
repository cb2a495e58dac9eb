using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Inspections;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    sealed record InspectionData(int ProgrammeId, int StpInspectionId, int StpFindingId, int ReportedFindingId);

    static readonly ConditionalWeakTable<TestApp, InspectionData> inspectionData = new();

    /// <summary>A programme with Sở Tư pháp inspected (one open finding, one reported) by a team without demo accounts (once per app).</summary>
    static async Task<InspectionData> Insp(TestApp app)
    {
        if (inspectionData.TryGetValue(app, out var cached)) return cached;
        var stp = await app.AgencyIdAsync("Sở Tư pháp");
        var data = await app.Db(async db =>
        {
            var p = new InspectionProgramme { Year = 2030, Title = "Kế hoạch kiểm tra quyền", Checklist = "1. Chỉ đạo, điều hành" };
            db.Add(p);
            await db.SaveChangesAsync();
            var i = new Inspection
            {
                ProgrammeId = p.Id, AgencyId = stp, ScheduledOn = new(2030, 5, 1), DocumentsToPrepare = "Báo cáo tự kiểm tra",
                ConclusionDate = new(2030, 5, 10), ConclusionNumber = "1/TB", ConclusionSigner = "Giám đốc",
                Findings =
                [
                    new() { Area = "1. Chỉ đạo, điều hành", Found = "Thiếu kế hoạch", RequiredRemedy = "Ban hành", ResponsibleAgencyId = stp, Deadline = new(2030, 5, 25) },
                    new() { Area = "1. Chỉ đạo, điều hành", Found = "Thiếu báo cáo", RequiredRemedy = "Gửi báo cáo", ResponsibleAgencyId = stp, Deadline = new(2030, 5, 25),
                        Status = RemedyStatus.Reported, RemedyReport = "Đã gửi", ReportedOn = new(2030, 5, 20) },
                ],
            };
            db.Add(i);
            await db.SaveChangesAsync();
            return new InspectionData(p.Id, i.Id, i.Findings[0].Id, i.Findings[1].Id);
        });
        inspectionData.AddOrUpdate(app, data);
        return data;
    }

    /// <summary>Routes of Features/Inspections: programmes for coordinators, leaders and appraisers; a unit only its own inspection and findings.</summary>
    static IEnumerable<RouteCase> Inspections() =>
    [
        RouteCase.Get("inspections: index", "/Inspections", Who.Staff),
        new RouteCase("inspections: create programme", "POST", _ => Task.FromResult("/Inspections"), Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Form.Year"] = "2031", ["Form.Title"] = "Kế hoạch kiểm tra " + Guid.NewGuid().ToString("N")[..6] }),
        },
        RouteCase.Get("inspections: programme", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}", Who.StaffExceptOfficersBut()),
        new RouteCase("inspections: programme targets", "POST", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Targets", Who.Coordinators),
        new RouteCase("inspections: add unit", "POST", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Unit", Who.Coordinators),
        new RouteCase("inspections: add round", "POST", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Round", Who.Coordinators),
        new RouteCase("inspections: draw", "POST", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Draw", Who.Coordinators),
        new RouteCase("inspections: programme plan measure", "POST", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Measure", Who.Coordinators),
        RouteCase.Get("inspections: visit", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}", Who.StaffExceptOfficersBut("stp")),
        new RouteCase("inspections: visit notice", "POST", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Notice", Who.Coordinators),
        new RouteCase("inspections: visit minutes", "POST", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Minutes", Who.Coordinators),
        new RouteCase("inspections: visit conclusion", "POST", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Conclusion", Who.Coordinators),
        new RouteCase("inspections: visit finding", "POST", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Finding", Who.Coordinators),
        new RouteCase("inspections: visit upload", "POST", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Upload", Who.CoordinatorsAnd("stp")),
        RouteCase.Get("inspections: finding", async app => $"/Inspections/Findings/{(await Insp(app)).StpFindingId}", Who.StaffExceptOfficersBut("stp")),
        new RouteCase("inspections: report remedy", "POST", async app => $"/Inspections/Findings/{(await Insp(app)).StpFindingId}?handler=Report", Who.CoordinatorsAnd("stp")),
        new RouteCase("inspections: verify remedy", "POST", async app => $"/Inspections/Findings/{(await Insp(app)).ReportedFindingId}?handler=Return", Who.Coordinators),

        RouteCase.Get("inspections: plan docx", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Docx&kind=plan", Who.StaffExceptOfficersBut()),
        RouteCase.Get("inspections: summary docx", async app => $"/Inspections/Programmes/{(await Insp(app)).ProgrammeId}?handler=Docx&kind=summary", Who.StaffExceptOfficersBut()),
        RouteCase.Get("inspections: conclusion docx", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Docx&kind=conclusion", Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("inspections: minutes docx", async app => $"/Inspections/Visits/{(await Insp(app)).StpInspectionId}?handler=Docx&kind=minutes", Who.StaffExceptOfficersBut("stp")),
        RouteCase.Get("inspections: templates", "/Inspections/Templates", Who.Coordinators),
        new RouteCase("inspections: save template", "POST", _ => Task.FromResult("/Inspections/Templates"), Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["kind"] = "nope", ["text"] = "x" }),
        },
        RouteCase.Get("api: inspection programmes", "/api/inspection-programmes", Who.StaffExceptOfficersBut()),
        new RouteCase("api: create inspection programme", "POST", _ => Task.FromResult("/api/inspection-programmes"), Who.Coordinators)
        {
            Json = _ => Task.FromResult<object>(new { year = 2031, title = "Kế hoạch kiểm tra API " + Guid.NewGuid().ToString("N")[..6] }),
        },
        RouteCase.Get("api: inspection programme", async app => $"/api/inspection-programmes/{(await Insp(app)).ProgrammeId}", Who.StaffExceptOfficersBut()),
        RouteCase.Get("api: inspection coverage", async app => $"/api/inspection-programmes/{(await Insp(app)).ProgrammeId}/coverage", Who.StaffExceptOfficersBut()),
        RouteCase.Get("api: inspection findings", "/api/inspection-findings", Who.Staff),
        new RouteCase("api: report remedy", "POST", async app => $"/api/inspection-findings/{(await Insp(app)).StpFindingId}/remedy", Who.CoordinatorsAnd("stp"))
        {
            Json = _ => Task.FromResult<object>(new { report = "Đã khắc phục" }),
        },
        new RouteCase("api: verify remedy", "POST", async app => $"/api/inspection-findings/{(await Insp(app)).ReportedFindingId}/verification", Who.Coordinators)
        {
            Json = _ => Task.FromResult<object>(new { accept = false, reason = "Thiếu minh chứng" }),
        },
    ];
}
