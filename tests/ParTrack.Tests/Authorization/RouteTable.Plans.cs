using Microsoft.Extensions.DependencyInjection;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    // The PUT case's body needs the version of the activity its URL just created.
    static int lastActivityId;

    static async Task<string> SnvPlan(TestApp app, string suffix = "")
    {
        var (plan, activity) = await app.AgencyPlanAsync("Sở Nội vụ");
        lastActivityId = activity;
        return $"/Plans/{plan}{suffix}";
    }

    /// <summary>A fresh pending import (a small plan uploaded through the import service), for the preview's routes.</summary>
    static async Task<int> PendingImport(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<Features.Plans.ImportSessions>();
        var text = $"Số: {Random.Shared.Next(1000, 99999)}/KH-UBND\nHà Tĩnh, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nCải cách hành chính năm 2025\n"
            + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\n1\t1. Rà soát\t1.1. Lập danh mục\tDanh mục\tSở Nội vụ\t\tQuý I\n";
        var result = await imports.UploadAsync(System.Text.Encoding.UTF8.GetBytes(text), "route.txt", "coordinator");
        return result.Value!.PlanId;
    }

    static async Task<string> SnvActivity(TestApp app, string format)
    {
        var (plan, activity) = await app.AgencyPlanAsync("Sở Nội vụ");
        lastActivityId = activity;
        return string.Format(format, plan, activity);
    }

    /// <summary>Routes of Features/Plans and Features/MyWork (owned by the plans work).</summary>
    static IEnumerable<RouteCase> Plans() =>
    [
        RouteCase.Get("plans: list", "/Plans", Who.Staff),
        RouteCase.Get("plans: province plan page", async app => $"/Plans/{await app.ProvincePlanAsync()}", Who.Staff),
        RouteCase.Get("plans: province plan tree, filtered", async app => $"/Plans/{await app.ProvincePlanAsync()}?view=tree&status=NotStarted&from=2025-01-01", Who.Staff),
        RouteCase.Get("plans: province plan xlsx", async app => $"/Plans/{await app.ProvincePlanAsync()}?handler=Xlsx", Who.Staff),
        RouteCase.Get("plans: agency plan page (snv)", app => SnvPlan(app), Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("plans: agency plan json (snv)", app => SnvPlan(app, "?handler=Json"), Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("plans: create page", "/Plans/Create", Who.Coordinators),
        RouteCase.Get("plans: edit province plan", async app => $"/Plans/{await app.ProvincePlanAsync()}/Edit", Who.Coordinators),
        RouteCase.Get("plans: edit agency plan (snv)", app => SnvPlan(app, "/Edit"), Who.CoordinatorsAnd("snv")),
        RouteCase.Get("plans: structure (snv)", app => SnvPlan(app, "/Structure"), Who.CoordinatorsAnd("snv")),
        RouteCase.Get("plans: new activity in province plan", async app => $"/Plans/{await app.ProvincePlanAsync()}/Activities", Who.Coordinators),
        RouteCase.Get("plans: edit activity (snv)", app => SnvActivity(app, "/Plans/{0}/Activities/{1}"), Who.CoordinatorsAnd("snv")),
        RouteCase.Get("plans: unresolved names (snv)", app => SnvPlan(app, "/Names"), Who.StaffExceptOfficersBut("snv")),
        new RouteCase("plans: resolve a name (snv)", "POST", app => SnvPlan(app, "/Names"), Who.CoordinatorsAnd("snv"))
        {
            Form = async app => new Dictionary<string, string?> { ["name"] = "không có tên này", ["target"] = $"a:{await app.AgencyIdAsync("Sở Tư pháp")}" },
        },
        RouteCase.Get("plans: import page", "/Plans/Import", Who.CoordinatorsAnd("snv", "stp", "tphatinh")),
        new RouteCase("plans: import preview, change owner", "POST", async app => $"/Plans/Import/{await PendingImport(app)}?handler=Owner", Who.Coordinators),
        RouteCase.Get("plans: cascade status", async app => $"/Plans/{await app.ProvincePlanAsync()}/Cascade", Who.StaffExceptOfficersBut()),
        new RouteCase("plans: issue agency plan (snv)", "POST", app => SnvPlan(app, "?handler=Issue"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: delete agency draft (snv)", "POST", app => SnvPlan(app, "?handler=Delete"), Who.CoordinatorsAnd("snv")),
        new RouteCase("plans: delete province draft", "POST", async app => $"/Plans/{await app.ProvincePlanAsync(Data.PlanStatus.Draft)}?handler=Delete", Who.Coordinators),
        new RouteCase("plans: issue province plan", "POST", async app => $"/Plans/{await app.ProvincePlanAsync(Data.PlanStatus.Draft)}?handler=Issue", Who.Coordinators),
        RouteCase.Get("my work", "/MyWork", Who.Staff),
        RouteCase.Get("api: plans", "/api/plans", Who.Staff),
        RouteCase.Get("api: province plan json", async app => $"/api/plans/{await app.ProvincePlanAsync()}", Who.Staff),
        RouteCase.Get("api: agency plan json (snv)", async app => "/api" + await SnvPlan(app), Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("api: agency plan activities (snv)", async app => "/api" + await SnvPlan(app, "/activities"), Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("api: province activities by agency", async app => $"/api/plans/{await app.ProvincePlanAsync()}/activities?agencyId={await app.AgencyIdAsync("Sở Nội vụ")}", Who.Staff),
        RouteCase.Get("api: assignments (snv)", app => SnvActivity(app, "/api/activities/{1}/assignments"), Who.StaffExceptOfficersBut("snv")),
        // Province plans enter the system through coordinators only; agencies import their own plan (the import page) or get it by the cascade.
        new RouteCase("api: post plan", "POST", _ => Task.FromResult("/api/plans"), Who.Coordinators)
        {
            Json = _ => Task.FromResult<object>(TestDb.Fixture()),
        },
        new RouteCase("api: put assignments (snv)", "PUT", app => SnvActivity(app, "/api/activities/{1}/assignments"), Who.CoordinatorsAnd("snv"))
        {
            Json = async app => new { version = await app.ActivityVersionAsync(lastActivityId), lead = new[] { new { name = "Sở Nội vụ" } }, support = Array.Empty<object>() },
        },
    ];
}
