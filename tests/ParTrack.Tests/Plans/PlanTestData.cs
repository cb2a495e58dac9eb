using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>Plans in the test app's database, built from the small fixture (names resolved against the demo registry).</summary>
public static class PlanTestData
{
    /// <summary>A province plan from the fixture; titles are unique so tests can find their own.</summary>
    public static Task<int> ProvincePlanAsync(this TestApp app, PlanStatus status = PlanStatus.Issued, Action<Import.PlanJson>? change = null) =>
        app.Db(async db =>
        {
            var json = TestDb.Fixture();
            change?.Invoke(json);
            var plan = PlanMapper.ToEntity(json, await new AgencyDirectory(db).ResolverAsync(), DateTime.UtcNow, 2025);
            plan.Title = TestData.Unique("Kế hoạch CCHC thử");
            plan.Status = status;
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    /// <summary>An agency's own draft plan with one activity it leads.</summary>
    public static Task<(int PlanId, int ActivityId)> AgencyPlanAsync(this TestApp app, string agencyName) =>
        app.Db(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Name == agencyName);
            var plan = new Plan
            {
                OwnerAgencyId = agency.Id, Title = TestData.Unique($"Kế hoạch CCHC của {agencyName}"), FromYear = 2025, ToYear = 2025,
                CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            var activity = new Activity
            {
                Code = "3.1", Text = "Rà soát thủ tục hành chính của cơ quan", DueKind = "by", DueText = "Quý II/2025",
                DueStart = new DateOnly(2025, 4, 1), DueEnd = new DateOnly(2025, 6, 30), Version = Guid.NewGuid(),
                Assignments = [new Assignment { Role = AssignmentRole.Lead, Name = agencyName, AgencyId = agency.Id }],
            };
            plan.Activities.Add(activity);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return (plan.Id, activity.Id);
        });

    public static Task<Guid> ActivityVersionAsync(this TestApp app, int activityId) =>
        app.Db(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.Version).SingleAsync());
}
