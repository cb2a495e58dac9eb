using ParTrack.Features.Agencies;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Import;

namespace ParTrack.Tests.Plans;

public sealed class PlanMapperTests : DatabaseTest
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RoundTrip_ThroughDatabase_KeepsEveryContractField(string provider)
    {
        Use(provider);
        var json = TestDb.Fixture();
        int id;
        using (var db = testDb.NewContext())
        {
            var plan = PlanMapper.ToEntity(json, _ => null, DateTime.UtcNow, 2025);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            id = plan.Id;
        }
        using (var db = testDb.NewContext())
        {
            var loaded = await PlanQueries.LoadAsync(db, id);
            var back = PlanMapper.ToJson(loaded!);
            PlanJsonSerializer.Serialize(back).Should().Be(PlanJsonSerializer.Serialize(json));
        }
    }

    [Fact]
    public void ToEntity_TaskCodesRestartPerArea_ActivitiesFindTheirOwnAreasTask()
    {
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), _ => null, DateTime.UtcNow, 2025);

        var payOnline = plan.Activities.Single(a => a.Text.StartsWith("Tuyên truyền"));
        payOnline.Task!.Text.Should().Be("Đẩy mạnh thanh toán trực tuyến");
        payOnline.Area!.Code.Should().Be("III");
        plan.Activities.Single(a => a.Code == null).Task!.Text.Should().Be("Kiểm tra công tác CCHC");
    }

    [Fact]
    public void ToEntity_ResolvesKnownNames_AndLeavesOthersUnresolvedButKept()
    {
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), name => name == "Sở Nội vụ" ? new Resolution(7, null, name)
            : name == "UBND cấp huyện" ? new Resolution(null, 3, name) : null, DateTime.UtcNow, 2025);

        var first = plan.Activities[0].Assignments;
        first.Should().HaveCount(3);
        first[0].Should().Match<Assignment>(x => x.Role == AssignmentRole.Lead && x.Name == "Sở Nội vụ" && x.AgencyId == 7);
        first[1].Should().Match<Assignment>(x => x.Role == AssignmentRole.Support && !x.IsResolved && x.Name == "Các cơ quan chủ trì CCHC của tỉnh");
        plan.Activities[1].Assignments.Single(x => x.Name == "UBND cấp huyện").GroupId.Should().Be(3);
    }

    [Fact]
    public void ToEntity_SetsDraftStatusAndDefaultCascadeDeadlines()
    {
        var plan = PlanMapper.ToEntity(TestDb.Fixture(), _ => null, DateTime.UtcNow, 2000);

        plan.Status.Should().Be(PlanStatus.Draft);
        plan.DepartmentPlanDeadline.Should().Be(new DateOnly(2025, 1, 15));
        plan.CentralPlanDeadline.Should().Be(new DateOnly(2025, 1, 31));
        plan.CommunePlanDeadline.Should().Be(new DateOnly(2025, 2, 5));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Resolver_FindsShortNamesAliasesAndGroups(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var r = Registry.Seed(db);
        db.AgencyAliases.Add(new AgencyAlias { Text = "Huyện Can Lộc", Key = AliasKey.Of("Huyện Can Lộc"), AgencyId = r.CanLoc.Id });
        await db.SaveChangesAsync();

        var resolve = await new AgencyDirectory(db).ResolverAsync();

        resolve("Sở TTTT")!.AgencyId.Should().Be(r.Ict.Id);
        resolve("sở  nội vụ.")!.AgencyId.Should().Be(r.HomeAffairs.Id);
        resolve("UBND cấp huyện")!.GroupId.Should().Be(r.Districts.Id);
        resolve("Huyện Can Lộc")!.AgencyId.Should().Be(r.CanLoc.Id, "a name points at the body the document named; AgencyMatch follows the merger");
        resolve("Đoàn kiểm tra CCHC tỉnh").Should().BeNull();
    }
}
