using ParTrack.Features.Agencies;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Tests.Plans;

public sealed class ActivityEditingTests : DatabaseTest
{
    async Task<(int ActivityId, Guid Version)> SeedAsync()
    {
        using var db = testDb.NewContext();
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), _ => null, DateTime.UtcNow, 2025);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Activities[0].Id, plan.Activities[0].Version);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SecondSaveFromSameVersion_IsRefused_WithTheOtherPersonsValues(string provider)
    {
        Use(provider);
        var (id, version) = await SeedAsync();
        ResolveName none = _ => null;

        using (var first = testDb.NewContext())
        {
            var input = ActivityInput.From(await first.Activities.Include(a => a.Assignments).AsNoTracking().SingleAsync(a => a.Id == id));
            var saved = await new ActivityEditing(first).UpdateAsync(id, version, input with { Budget = "25" }, none);
            saved.Kind.Should().Be(OutcomeKind.Ok);
        }
        using (var second = testDb.NewContext())
        {
            var input = ActivityInput.From(await second.Activities.Include(a => a.Assignments).AsNoTracking().SingleAsync(a => a.Id == id));
            var refused = await new ActivityEditing(second).UpdateAsync(id, version, input with { Budget = "20" }, none);
            refused.Kind.Should().Be(OutcomeKind.Conflict);
            refused.Value!.Values.Budget.Should().Be("25", "the refusal shows what the first person saved");
            refused.Message.Should().Contain("Người khác vừa lưu");
        }
        using var check = testDb.NewContext();
        (await check.Activities.SingleAsync(a => a.Id == id)).Budget.Should().Be("25");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RaceBetweenReadAndWrite_IsCaughtByTheDatabaseToken(string provider)
    {
        Use(provider);
        var (id, version) = await SeedAsync();
        using var slow = testDb.NewContext();
        // The slow editor has already loaded the row (tracked) when someone else saves.
        var tracked = await slow.Activities.Include(a => a.Assignments).SingleAsync(a => a.Id == id);
        using (var fast = testDb.NewContext())
        {
            var row = await fast.Activities.SingleAsync(a => a.Id == id);
            row.Budget = "fast";
            row.Version = Guid.NewGuid();
            await fast.SaveChangesAsync();
        }
        var result = await new ActivityEditing(slow).UpdateAsync(id, version, ActivityInput.From(tracked) with { Budget = "slow" }, _ => null);

        result.Kind.Should().Be(OutcomeKind.Conflict);
        result.Value!.Values.Budget.Should().Be("fast");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Update_KeepsResolutionOfExistingNames_AndResolvesNewOnes(string provider)
    {
        Use(provider);
        var (id, version) = await SeedAsync();
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        var act = await db.Activities.Include(a => a.Assignments).SingleAsync(a => a.Id == id);
        act.Assignments[0].AgencyId = r.HomeAffairs.Id;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var input = ActivityInput.From(await db.Activities.Include(a => a.Assignments).AsNoTracking().SingleAsync(a => a.Id == id));
        input = input with { Support = [new BodyInput("Sở TTTT")] };
        var result = await new ActivityEditing(db).UpdateAsync(id, version, input, await new AgencyDirectory(db).ResolverAsync());

        result.IsOk.Should().BeTrue();
        result.Value!.Values.Lead.Single().AgencyId.Should().Be(r.HomeAffairs.Id);
        result.Value.Values.Support.Single().AgencyId.Should().Be(r.Ict.Id);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Update_WithEmptyTextOrBadWindow_IsInvalid_AndNothingChanges(string provider)
    {
        Use(provider);
        var (id, version) = await SeedAsync();
        using var db = testDb.NewContext();
        var input = ActivityInput.From(await db.Activities.Include(a => a.Assignments).AsNoTracking().SingleAsync(a => a.Id == id));

        var result = await new ActivityEditing(db).UpdateAsync(id, version,
            input with { Text = " ", DueStart = new DateOnly(2025, 5, 1), DueEnd = new DateOnly(2025, 4, 1) }, _ => null);

        result.Kind.Should().Be(OutcomeKind.Invalid);
        result.Errors!.Keys.Should().BeEquivalentTo(["Text", "DueEnd"]);
        (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == id)).Version.Should().Be(version);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ResolvingAName_UpdatesAllItsAssignments_AndRemembersAnAlias(string provider)
    {
        Use(provider);
        await SeedAsync();
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();
        var names = new UnresolvedNames(db, TimeProvider.System);
        (await names.ListAsync(planId)).Select(n => n.Name).Should().Contain("Đoàn kiểm tra CCHC tỉnh");

        var result = await names.ResolveAsync(planId, "Đoàn kiểm tra CCHC tỉnh", r.HomeAffairs.Id, null,
            NameScope.Province, new NameResolver("coordinator", IsCoordinator: true));

        result.Value!.Places.Should().Be(1);
        (await names.ListAsync(planId)).Select(n => n.Name).Should().NotContain("Đoàn kiểm tra CCHC tỉnh");
        (await new AgencyDirectory(db).ResolverAsync())("Đoàn kiểm tra CCHC tỉnh.")!.AgencyId.Should().Be(r.HomeAffairs.Id);
    }
}
