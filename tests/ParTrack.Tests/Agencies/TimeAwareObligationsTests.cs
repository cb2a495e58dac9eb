using FluentAssertions;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.MyWork;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.Agencies;

/// <summary>
/// Who owes what around the 2025 reorganisation (DOMAIN §7): a department merged on 01/03/2025 owes Q1
/// but not the 6-month report, its successor owes the inherited work from then; a district abolished on
/// 01/07/2025 owes the 6-month report but not the 9-month one, and the commune created that day owes from then.
/// </summary>
public sealed class TimeAwareObligationsTests : DatabaseTest
{
    sealed record World(Agency Planning, Agency Finance, Agency District, Agency Commune, int PlanId,
        int PlanningWork, int FinanceWork, int DistrictWork, Dictionary<ReportingPeriodKind, ReportPeriod> Periods);

    static async Task<World> SeedAsync(AppDbContext db)
    {
        var finance = new Agency { Name = "Sở Tài chính", Kind = AgencyKind.Department, Level = AdminLevel.Province };
        var planning = new Agency
        {
            Name = "Sở Kế hoạch và Đầu tư", Kind = AgencyKind.Department, Level = AdminLevel.Province,
            ValidTo = new DateOnly(2025, 2, 28), Successor = finance
        };
        var commune = new Agency { Name = "UBND xã Đồng Lộc", Kind = AgencyKind.CommuneCommittee, Level = AdminLevel.Commune, ValidFrom = new DateOnly(2025, 7, 1) };
        var district = new Agency
        {
            Name = "UBND huyện Can Lộc", Kind = AgencyKind.DistrictCommittee, Level = AdminLevel.District,
            ValidTo = new DateOnly(2025, 6, 30), Successor = commune
        };
        var plan = new Plan { Title = "Kế hoạch CCHC năm 2025", Status = PlanStatus.Issued, FromYear = 2025, ToYear = 2025 };
        Activity Work(string code, Agency lead) => new()
        {
            Code = code, Text = $"Hoạt động {code}", DueKind = "year", DueEnd = new DateOnly(2025, 12, 31),
            Assignments = [new Assignment { Role = AssignmentRole.Lead, Name = lead.Name, Agency = lead }],
        };
        var a1 = Work("1", planning);
        var a2 = Work("2", finance);
        var a3 = Work("3", district);
        plan.Activities.AddRange([a1, a2, a3]);
        db.AddRange(finance, planning, commune, district, plan);
        await db.SaveChangesAsync();
        var periods = ReportingPeriods.ForYear(2025, ReportingCalendar.Decree09).Select(p => new ReportPeriod
        {
            PlanId = plan.Id, Year = 2025, Kind = p.Kind, Title = p.Title, DataFrom = p.DataFrom, DataTo = p.DataTo, Deadline = p.Deadline,
        }).ToList();
        db.AddRange(periods);
        await db.SaveChangesAsync();
        return new World(planning, finance, district, commune, plan.Id, a1.Id, a2.Id, a3.Id, periods.ToDictionary(p => p.Kind));
    }

    static async Task<Dictionary<string, List<int>>> OwedAsync(AppDbContext db, ReportPeriod period) =>
        (await new Obligations(db).ForPeriodAsync(period)).ToDictionary(o => o.AgencyName, o => o.Leads.OrderBy(x => x).ToList());

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DepartmentMergedOn1March_OwesQ1ButNotQ2_AndItsSuccessorOwesTheInheritedWorkFromQ2(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var w = await SeedAsync(db);

        var q1 = await OwedAsync(db, w.Periods[ReportingPeriodKind.Q1]);
        q1["Sở Kế hoạch và Đầu tư"].Should().Equal(w.PlanningWork);
        q1["Sở Tài chính"].Should().Equal(w.FinanceWork);

        var q2 = await OwedAsync(db, w.Periods[ReportingPeriodKind.SixMonths]);
        q2.Should().NotContainKey("Sở Kế hoạch và Đầu tư");
        q2["Sở Tài chính"].Should().Equal(new[] { w.PlanningWork, w.FinanceWork }.Order());
        (await new Obligations(db).ForAgencyAsync(w.Periods[ReportingPeriodKind.SixMonths], w.Planning.Id)).Should().BeNull();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DistrictAbolishedOn1July_OwesTheSixMonthReportButNotQ3_AndTheNewCommuneOwesFromQ3(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var w = await SeedAsync(db);

        var h1 = await OwedAsync(db, w.Periods[ReportingPeriodKind.SixMonths]);
        h1["UBND huyện Can Lộc"].Should().Equal(w.DistrictWork);
        h1.Should().NotContainKey("UBND xã Đồng Lộc", "the commune did not exist before 01/07/2025");

        foreach (var kind in new[] { ReportingPeriodKind.Q3, ReportingPeriodKind.Year })
        {
            var later = await OwedAsync(db, w.Periods[kind]);
            later.Should().NotContainKey("UBND huyện Can Lộc", "the 9-month data window starts on 15/06, but the district owes only the quarters it existed in");
            later["UBND xã Đồng Lộc"].Should().Equal(w.DistrictWork);
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MyWork_ShowsAMergedBodysWorkToItsSuccessor_OnlyOnceTheBodyHasCeased(string provider)
    {
        Use(provider);
        using var db = testDb.NewContext();
        var w = await SeedAsync(db);

        var before = await new MyWorkQuery(db, FixedClock.On(2025, 2, 20)).LoadAsync(w.Finance.Id);
        before!.ByArea.SelectMany(a => a.Items).Select(i => i.ActivityId).Should().Equal(w.FinanceWork);
        var after = await new MyWorkQuery(db, FixedClock.On(2025, 3, 2)).LoadAsync(w.Finance.Id);
        after!.ByArea.SelectMany(a => a.Items).Select(i => i.ActivityId).Should().BeEquivalentTo([w.PlanningWork, w.FinanceWork]);
    }

    [Fact]
    public void CascadeDeadline_ForABodyCreatedAfterTheKindsDeadline_IsAMonthFromItsFirstDay()
    {
        var plan = new Plan { DepartmentPlanDeadline = new DateOnly(2025, 1, 15), CommunePlanDeadline = new DateOnly(2025, 2, 5) };
        var merged = new Agency { Kind = AgencyKind.Department, ValidFrom = new DateOnly(2025, 3, 1) };
        var old = new Agency { Kind = AgencyKind.Department, ValidFrom = new DateOnly(2020, 1, 1) };
        var commune = new Agency { Kind = AgencyKind.CommuneCommittee, ValidFrom = new DateOnly(2025, 7, 1) };

        Cascade.DeadlineFor(plan, merged).Should().Be(new DateOnly(2025, 3, 31));
        Cascade.DeadlineFor(plan, old).Should().Be(new DateOnly(2025, 1, 15));
        Cascade.DeadlineFor(plan, commune).Should().Be(new DateOnly(2025, 7, 31));
    }

    [Theory]
    [InlineData(ReportingPeriodKind.Q1, "2025-01-01", "2025-03-31")]
    [InlineData(ReportingPeriodKind.SixMonths, "2025-04-01", "2025-06-30")]
    [InlineData(ReportingPeriodKind.Q3, "2025-07-01", "2025-09-30")]
    [InlineData(ReportingPeriodKind.Year, "2025-10-01", "2025-12-31")]
    public void OwedFor_APeriodicReport_IsTheQuarterEndingInItsLastMonth(ReportingPeriodKind kind, string from, string to)
    {
        var p = ReportingPeriods.Default(2025, kind, ReportingCalendar.Decree09);
        ReportingPeriods.OwedFor(kind, 2025, p.DataFrom, p.DataTo).Should().Be((DateOnly.Parse(from), DateOnly.Parse(to)));
    }
}
