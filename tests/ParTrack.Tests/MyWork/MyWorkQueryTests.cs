using ParTrack.Features.Agencies;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using ParTrack.Data;
using ParTrack.Features.MyWork;
using ParTrack.Features.Plans;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.MyWork;

public sealed class MyWorkQueryTests : DatabaseTest
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_SeesLedAndCoordinatedWork_GroupedByArea_WithOverdueAndSoon(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), await new AgencyDirectory(db).ResolverAsync(), DateTime.UtcNow, 2025);
        plan.Status = PlanStatus.Issued;
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        // 20/03/2025: 3.2 (Quý I, via the departments group) is due in 11 days.
        var view = await new MyWorkQuery(db, FixedClock.On(2025, 3, 20)).LoadAsync(r.Ict.Id);

        view!.ByArea.Select(a => a.Code).Should().Equal("I");
        view.ByArea[0].Items.Select(i => (i.Code, i.Leads)).Should().Equal(("3.2", true), (null, false));
        view.DueSoon.Select(i => i.Deadline.Words).Should().Equal("còn 11 ngày");
        view.Overdue.Should().BeEmpty();

        var home = await new MyWorkQuery(db, FixedClock.On(2025, 3, 20)).LoadAsync(r.HomeAffairs.Id);
        home!.Overdue.Select(i => (i.Code, i.Deadline.Words)).Should().Equal(("3.1", "quá hạn 79 ngày"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DraftProvincePlan_IsNotYetAnyonesWork(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        db.Plans.Add(PlanMapper.ToEntity(TestDb.Fixture(), await new AgencyDirectory(db).ResolverAsync(), DateTime.UtcNow, 2025));
        await db.SaveChangesAsync();

        var view = await new MyWorkQuery(db, FixedClock.On(2025, 3, 20)).LoadAsync(r.Ict.Id);

        view!.ByArea.Should().BeEmpty();
    }
}
