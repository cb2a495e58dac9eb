using ParTrack.Features.Agencies;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Tests.Plans;

public sealed class CascadeTests : DatabaseTest
{
    async Task<(int PlanId, Registry R)> SeedIssuedAsync(AppDbContext db)
    {
        var r = Registry.Seed(db);
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), await new AgencyDirectory(db).ResolverAsync(), DateTime.UtcNow, 2025);
        plan.Status = PlanStatus.Issued;
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, r);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyPlan_IsPrefilledWithActivitiesItLeadsOrCoordinates_DirectlyOrViaGroup(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var (planId, r) = await SeedIssuedAsync(db);
        var cascade = new Cascade(db, FixedClock.On(2025, 1, 5));

        var created = await cascade.CreateAgencyPlanAsync(planId, r.Ict.Id);

        var own = await PlanQueries.LoadAsync(db, created.Value);
        own!.OwnerAgencyId.Should().Be(r.Ict.Id);
        own.ParentPlanId.Should().Be(planId);
        // Sở TTTT: via the group "Các sở, ban, ngành cấp tỉnh" (3.2) and by name as coordinator of the inspection.
        own.Activities.Select(a => a.Text).Should().Equal("Ban hành kế hoạch CCHC của cơ quan, đơn vị", "Kiểm tra công tác CCHC");
        own.Activities.Should().OnlyContain(a => a.SourceActivityId != null);
        own.Tasks.Select(t => t.Text).Should().BeEquivalentTo(["Ban hành Kế hoạch CCHC năm 2025 của tỉnh", "Kiểm tra công tác CCHC"]);
        own.Targets.Select(t => t.Code).Should().Equal("1.1");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MergedDistrictsWork_FollowsItsSuccessorCommune(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        var json = TestDb.Fixture();
        json.Activities[0].Lead.Add("UBND huyện Can Lộc");
        var plan = PlanMapper.ToEntity(json, await new AgencyDirectory(db).ResolverAsync(), DateTime.UtcNow, 2025);
        plan.Status = PlanStatus.Issued;
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        // Can Lộc ends on 30/06/2025: from July its work is Đồng Lộc's, not while the district still answers for it.
        var created = await new Cascade(db, FixedClock.On(2025, 7, 5)).CreateAgencyPlanAsync(plan.Id, r.DongLoc.Id);

        (await PlanQueries.LoadAsync(db, created.Value))!.Activities.Select(a => a.Code).Should().Equal("3.1");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CreatingTwice_GivesTheSamePlan(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var (planId, r) = await SeedIssuedAsync(db);
        var cascade = new Cascade(db, FixedClock.On(2025, 1, 5));

        var a = await cascade.CreateAgencyPlanAsync(planId, r.Office.Id);
        var b = await cascade.CreateAgencyPlanAsync(planId, r.Office.Id);

        b.Value.Should().Be(a.Value);
        (await db.Plans.CountAsync(p => p.ParentPlanId == planId)).Should().Be(1);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FromADraftProvincePlan_IsRefused(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), _ => null, DateTime.UtcNow, 2025);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        var result = await new Cascade(db, FixedClock.On(2025, 1, 5)).CreateAgencyPlanAsync(plan.Id, r.Ict.Id);

        result.Kind.Should().Be(OutcomeKind.Invalid);
        result.Message.Should().Contain("chưa ban hành");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Report_CountsIssuedOnTimeLateAndMissing_ByDeadlineOfKind(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var (planId, r) = await SeedIssuedAsync(db);
        var clock = FixedClock.On(2025, 1, 10);
        var cascade = new Cascade(db, clock);
        var lifecycle = new PlanLifecycle(db, clock);

        // Sở Nội vụ issues on 10/01 (deadline 15/01): on time.
        await lifecycle.IssueAsync((await cascade.CreateAgencyPlanAsync(planId, r.HomeAffairs.Id)).Value);
        // Sở TTTT issues on 20/01: late. The commune issues on 10/01, well before its 05/02 deadline.
        var ict = (await cascade.CreateAgencyPlanAsync(planId, r.Ict.Id)).Value;
        var commune = (await cascade.CreateAgencyPlanAsync(planId, r.DongLoc.Id)).Value;
        // The commune leads nothing in the province plan, so it adds its own activity before issuing.
        (await new ActivityEditing(db).CreateAsync(commune, new ActivityInput(null, "Niêm yết công khai TTHC tại bộ phận một cửa xã", null, null, null,
            [new BodyInput("UBND xã Đồng Lộc")], [], "Quý I", "during", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), null, ActivityStatus.NotStarted),
            _ => new Resolution(r.DongLoc.Id, null, "Đồng Lộc"))).IsOk.Should().BeTrue();
        (await lifecycle.IssueAsync(commune)).IsOk.Should().BeTrue();
        clock.Now = new DateTimeOffset(2025, 1, 20, 3, 0, 0, TimeSpan.Zero);
        await lifecycle.IssueAsync(ict);
        // Văn phòng UBND tỉnh has a draft only; the tax office nothing (its deadline 31/01 not yet passed).
        await cascade.CreateAgencyPlanAsync(planId, r.Office.Id);

        var report = (await cascade.ReportAsync(planId))!;

        // Can Lộc district ended 30/06/2025 but is still current on 20/01/2025, so it is expected too.
        report.Expected.Should().Be(6);
        report.Issued.Should().Be(3);
        report.Summary.Should().Be("3/6 cơ quan đã ban hành kế hoạch (50%)");
        report.Agencies.Single(a => a.AgencyId == r.HomeAffairs.Id).State.Should().Be(AgencyPlanState.IssuedOnTime);
        report.Agencies.Single(a => a.AgencyId == r.Ict.Id).State.Should().Be(AgencyPlanState.IssuedLate);
        report.Agencies.Single(a => a.AgencyId == r.DongLoc.Id).State.Should().Be(AgencyPlanState.IssuedOnTime);
        report.Agencies.Single(a => a.AgencyId == r.Office.Id).Should().Match<AgencyPlanStatus>(a => a.State == AgencyPlanState.Draft && a.Overdue);
        report.Agencies.Single(a => a.AgencyId == r.Tax.Id).Should().Match<AgencyPlanStatus>(a => a.State == AgencyPlanState.Missing && !a.Overdue);
        report.Agencies.Single(a => a.AgencyId == r.CanLoc.Id).Overdue.Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task IssuedOnTime_ComparesTheSignedDate_NotTheDaySomeoneClicked(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var (planId, r) = await SeedIssuedAsync(db);
        var clock = FixedClock.On(2025, 1, 20);   // both are issued in ParTrack after the 15/01 deadline
        var cascade = new Cascade(db, clock);
        var lifecycle = new PlanLifecycle(db, clock);
        var signedInTime = (await cascade.CreateAgencyPlanAsync(planId, r.HomeAffairs.Id)).Value;
        var signedLate = (await cascade.CreateAgencyPlanAsync(planId, r.Ict.Id)).Value;
        (await db.Plans.SingleAsync(p => p.Id == signedInTime)).IssuedOn = new DateOnly(2025, 1, 14);
        (await db.Plans.SingleAsync(p => p.Id == signedLate)).IssuedOn = new DateOnly(2025, 1, 16);
        await db.SaveChangesAsync();
        await lifecycle.IssueAsync(signedInTime);
        await lifecycle.IssueAsync(signedLate);

        var report = (await cascade.ReportAsync(planId))!;
        report.Agencies.Single(a => a.AgencyId == r.HomeAffairs.Id).Should().Match<AgencyPlanStatus>(a =>
            a.State == AgencyPlanState.IssuedOnTime && a.Signed && a.IssuedOn == new DateOnly(2025, 1, 14));
        report.Agencies.Single(a => a.AgencyId == r.Ict.Id).State.Should().Be(AgencyPlanState.IssuedLate);
    }
}
