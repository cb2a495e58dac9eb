using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// A 2025 province plan whose activities are led by three new departments (so no other test's agency owes
/// them), with the year's periods open: activity 0 is due by 30/06 and led by all three (a group activity),
/// 1 is due by 31/03 and led by department 0, 2 runs all year and is led by departments 1 and 2.
/// </summary>
public sealed record GroupPlan(int PlanId, IReadOnlyDictionary<ReportingPeriodKind, int> Periods, int[] Agencies, int[] Activities);

public static class ProgressTestData
{
    public static async Task<GroupPlan> GroupPlanAsync(this TestApp app)
    {
        var agencies = new int[3];
        for (var i = 0; i < 3; i++) agencies[i] = (await app.AddAgencyAsync(TestData.Agency(TestData.Unique($"Sở Nhóm {i}")))).Id;
        var names = await app.Db(db => db.Agencies.Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name));
        var (planId, activities) = await app.Db(async db =>
        {
            var area = new PlanArea { Code = "I", Title = "Cải cách thể chế", Order = 1 };
            var plan = new Plan
            {
                Title = TestData.Unique("Kế hoạch nhóm"), FromYear = 2025, ToYear = 2025, Status = PlanStatus.Issued,
                CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(), Areas = [area],
            };
            Activity Make(int order, string kind, DateOnly end, params int[] leads) => new()
            {
                Code = $"{order}", Text = $"Hoạt động nhóm {order}", DueKind = kind, DueStart = new DateOnly(2025, 1, 1), DueEnd = end,
                Order = order, Area = area, Version = Guid.NewGuid(),
                Assignments = leads.Select((a, i) => new Assignment { Role = AssignmentRole.Lead, Name = names[agencies[a]], AgencyId = agencies[a], Order = i }).ToList(),
            };
            plan.Activities.Add(Make(1, "by", new DateOnly(2025, 6, 30), 0, 1, 2));
            plan.Activities.Add(Make(2, "by", new DateOnly(2025, 3, 31), 0));
            plan.Activities.Add(Make(3, "continuous", new DateOnly(2025, 12, 31), 1, 2));
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return (plan.Id, plan.Activities.OrderBy(a => a.Order).Select(a => a.Id).ToArray());
        });
        var periods = await app.Db(async db =>
        {
            var opened = await new ReportPeriods(db, TimeProvider.System).OpenYearAsync(planId, 2025, 14, 18);
            if (!opened.IsOk) throw new InvalidOperationException(opened.Message);
            return await db.Set<ReportPeriod>().Where(p => p.PlanId == planId).ToDictionaryAsync(p => p.Kind, p => p.Id);
        });
        return new GroupPlan(planId, periods, agencies, activities);
    }

    /// <summary>Saves the agency's report with the given status per activity (percent 50 when in progress) and submits it, as its officer would.</summary>
    public static Task SubmitAsync(this TestApp app, int periodId, int agencyId, IReadOnlyDictionary<int, ReportedStatus> statuses) =>
        app.Work(async (work, db) =>
        {
            var id = await work.EnsureAsync(periodId, agencyId) ?? throw new InvalidOperationException("owes no report");
            var report = (await work.LoadAsync(id))!;
            var entries = report.Entries.Where(e => e.Leads).Select(e =>
            {
                var s = statuses.GetValueOrDefault(e.ActivityId, ReportedStatus.NotStarted);
                return new EntryInput(e.Id, s, s == ReportedStatus.InProgress ? 50 : null, $"Báo cáo {s}",
                    s == ReportedStatus.NotDone ? "Điều chỉnh theo chỉ đạo" : null, null);
            }).ToList();
            var saved = await work.SaveDraftAsync(id, report.Version, new DraftInput(null, null, null, null, null, entries, new Dictionary<int, decimal?>()));
            if (!saved.IsOk) throw new InvalidOperationException(saved.Message);
            db.ChangeTracker.Clear();
            var submitted = await work.SubmitAsync(id, saved.Value!.Version, "officer");
            if (!submitted.IsOk) throw new InvalidOperationException(submitted.Message);
        });

    /// <summary>Saves a draft only (what a draft says never counts).</summary>
    public static Task SaveDraftAsync(this TestApp app, int periodId, int agencyId, ReportedStatus status) =>
        app.Work(async (work, _) =>
        {
            var id = (await work.EnsureAsync(periodId, agencyId))!.Value;
            var report = (await work.LoadAsync(id))!;
            if (report.IsLocked) return;
            var entries = report.Entries.Where(e => e.Leads).Select(e => new EntryInput(e.Id, status, null, null, null, null)).ToList();
            var saved = await work.SaveDraftAsync(id, report.Version, new DraftInput(null, null, null, null, null, entries, new Dictionary<int, decimal?>()));
            if (!saved.IsOk) throw new InvalidOperationException(saved.Message);
        });

    /// <summary>The coordinator accepts or returns the agency's submitted report.</summary>
    public static Task ReviewAsync(this TestApp app, int periodId, int agencyId, bool accept) =>
        app.Work(async (work, db) =>
        {
            var report = await db.Set<AgencyReport>().AsNoTracking().SingleAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId);
            var result = await work.ReviewAsync(report.Id, report.Version, accept, accept ? null : "Bổ sung minh chứng.", new Dictionary<int, string?>(), "coordinator");
            if (!result.IsOk) throw new InvalidOperationException(result.Message);
        });

    /// <summary>A period's figures through the app's own Progress service.</summary>
    public static async Task<PlanProgress> ProgressAsync(this TestApp app, int periodId)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Progress>().ForPeriodAsync(periodId))!;
    }

    static async Task Work(this TestApp app, Func<ReportWork, AppDbContext, Task> step)
    {
        using var scope = app.Services.CreateScope();
        await step(scope.ServiceProvider.GetRequiredService<ReportWork>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
