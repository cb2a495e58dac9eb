using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Features.Agencies;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Performance;

/// <summary>
/// What kept the cold dashboard from growing linearly (docs/benchmarks.md, "Growth"): every agency's obligations examined
/// every assignment of the plan (agencies × assignments), early warning computed every agency's whole work for the few
/// activities due soon, and skipped answers cost a string each. Each fix gives the same results as the rule it replaces.
/// </summary>
public sealed class GrowthTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static Assignment To(int id, int activity, int? agency = null, int? group = null, int? movedTo = null, AssignmentRole role = AssignmentRole.Lead) =>
        new() { Id = id, ActivityId = activity, AgencyId = agency, GroupId = group, MovedToAgencyId = movedTo, Role = role };

    [Fact]
    public void AssignmentIndex_ForOneAgency_HandsOutOnlyItsOwnSuccessionAndGroupAssignments_InThePlansOrder()
    {
        // Agency 1: its own work, a ceased predecessor 2, group 7, work a split of agency 3 moved to it; 500 other agencies' work.
        var all = new List<Assignment> { To(1, 10, agency: 1), To(2, 11, agency: 2), To(3, 12, group: 7, role: AssignmentRole.Support),
            To(4, 13, agency: 3, movedTo: 1), To(5, 14, agency: 3, movedTo: 99), To(6, 15, group: 8) };
        all.AddRange(Enumerable.Range(0, 2000).Select(i => To(100 + i, 1000 + i, agency: 1000 + i % 500)));
        all.Add(To(9000, 16, agency: 1, role: AssignmentRole.Support));
        var match = new AgencyMatch(1, [1, 2], [7], [2, 3]);

        var candidates = new AssignmentIndex(all).CandidatesFor(match).ToList();

        candidates.Select(a => a.Id).Should().Equal(1, 2, 3, 4, 9000);
        candidates.Where(match.Covers).Should().Equal(all.Where(match.Covers), "the index leaves out only what Covers refuses");
    }

    [Fact]
    public void LeadAnswerText_ReadingOnlySomeActivities_GivesWhatReadingAllAndFilteringGives()
    {
        var entries = Enumerable.Range(1, 40).Select(i => new ReportEntry
        {
            ActivityId = i, Leads = true, Status = (ReportedStatus)(i % 4), Percent = i % 3 == 0 ? null : i,
            CompletedOn = i % 5 == 0 ? new DateOnly(2025, 9, i % 28 + 1) : null,
        });
        var text = ";" + LeadAnswerText.Write(entries) + ";;";
        var only = new HashSet<int> { 1, 5, 15, 40, 77 };

        var some = LeadAnswerText.Read(text, only).ToList();

        some.Should().Equal(LeadAnswerText.Read(text).Where(a => only.Contains(a.ActivityId)));
        some.Select(a => a.ActivityId).Should().Equal(1, 5, 15, 40);
        LeadAnswerText.Read("", only).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Obligations_OfEveryAgency_AreWhatCoversFindsInEveryAssignment_AndOnSomeActivitiesTheSameRestricted(string provider)
    {
        var app = fx.App(provider);
        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, new StringWriter(), new(10, 30, 10))).Should().Be(0);
        var planId = await app.Db(db => db.Plans.Where(p => p.OwnerAgencyId == null && p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync());
        var day = new DateOnly(2025, 9, 30);

        var (all, some, expected, chosen) = await app.Db(async db =>
        {
            var obligations = new Obligations(db);
            var all = await obligations.ForPlanAsync(planId, day);
            var activities = await db.Activities.Where(a => a.PlanId == planId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            var chosen = activities.Where((_, i) => i % 7 == 0).ToHashSet();
            var some = await obligations.OnActivitiesAsync(planId, day, chosen);
            // The rule as it was applied before the index: Covers over every assignment of the plan, for each agency.
            var assignments = await db.Activities.Where(a => a.PlanId == planId && a.CancelledAtUtc == null).SelectMany(a => a.Assignments).ToListAsync();
            var directory = new AgencyDirectory(db);
            var expected = new Dictionary<int, List<int>>();
            foreach (var o in all)
            {
                var match = (await AgencyMatch.LoadAsync(directory, o.AgencyId, day))!;
                expected[o.AgencyId] = assignments.Where(x => x.Role == AssignmentRole.Lead && match.Covers(x)).Select(x => x.ActivityId).Distinct().Order().ToList();
            }
            return (all, some, expected, chosen);
        });

        all.Should().Contain(o => o.Leads.Count > 1, "the generated province has agencies leading several activities");
        all.Should().OnlyContain(o => o.Leads.Order().SequenceEqual(expected[o.AgencyId]));
        some.Select(o => o.AgencyId).Should().Equal(all.Select(o => o.AgencyId));
        foreach (var o in some)
        {
            var whole = all.Single(x => x.AgencyId == o.AgencyId);
            o.Leads.Should().Equal(whole.Leads.Where(chosen.Contains));
            o.Supports.Should().Equal(whole.Supports.Where(chosen.Contains));
        }
    }
}
