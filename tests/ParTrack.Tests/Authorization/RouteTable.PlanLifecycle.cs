using Microsoft.Extensions.DependencyInjection;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    /// <summary>A pending import of Sở Nội vụ's own plan, uploaded by its officer.</summary>
    static async Task<int> SnvPendingImport(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var imports = scope.ServiceProvider.GetRequiredService<Features.Plans.ImportSessions>();
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        var text = $"SỞ NỘI VỤ\nSố: {Random.Shared.Next(1000, 99999)}/KH-SNV\nHà Tĩnh, ngày 6 tháng 1 năm 2025\nKẾ HOẠCH\nCải cách hành chính năm 2025 của Sở Nội vụ\n"
            + "TT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\n1\t1. Rà soát\t1.1. Lập danh mục\tDanh mục\tSở Nội vụ\t\tQuý I\n";
        var result = await imports.UploadAsync(System.Text.Encoding.UTF8.GetBytes(text), "snv.txt", "snv", officerAgencyId: snv);
        return result.Value!.PlanId;
    }

    /// <summary>Routes of a plan's life: import by agencies, replacing, withdrawing, deleting and cancelling activities.</summary>
    static IEnumerable<RouteCase> PlanLifecycle() =>
    [
        // No GET case for the preview: it shows the importer's own warnings, which are Vietnamese (ParTrack.Import) and
        // would fail EnglishInterfaceTests; ImportOnceTests checks who may open it (the uploader's agency and coordinators).
        new RouteCase("plans: import preview (snv's own), province plan it implements", "POST",
            async app => $"/Plans/Import/{await SnvPendingImport(app)}?handler=Owner", Who.CoordinatorsAnd("snv"))
        {
            Form = async app => new Dictionary<string, string?> { ["ownerAgencyId"] = (await app.AgencyIdAsync("Sở Nội vụ")).ToString(), ["parentPlanId"] = "" },
        },
        new RouteCase("plans: mark as replacing", "POST", async app => $"/Plans/{await app.ProvincePlanAsync(Data.PlanStatus.Draft)}?handler=Replaces", Who.Coordinators),
        new RouteCase("plans: withdraw province plan", "POST", async app => $"/Plans/{await app.ProvincePlanAsync()}?handler=Withdraw", Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["reason"] = "Ban hành nhầm", ["confirm"] = "true" }),
        },
        new RouteCase("plans: cancel activity (snv)", "POST", app => SnvActivity(app, "/Plans/{0}/Activities/{1}?handler=Cancel"), Who.CoordinatorsAnd("snv"))
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["reason"] = "Không còn phù hợp" }),
        },
        new RouteCase("plans: delete draft activity (snv)", "POST", app => SnvActivity(app, "/Plans/{0}/Activities/{1}?handler=Delete"), Who.CoordinatorsAnd("snv"))
        {
            Form = async app => new Dictionary<string, string?> { ["version"] = (await app.ActivityVersionAsync(lastActivityId)).ToString() },
        },
    ];
}
