using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Agencies;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// The stored tallies (Reporting's Tallies: per period and activity, per period and agency) give the same figures as
/// computing them from every (agency, activity) pair, after submissions, returns, acceptances, a merge and a cancelled
/// activity, judged on any day: a running period's overdue work moves with the calendar, the stored counts do not.
/// </summary>
public sealed class TallyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task StoredTallies_EqualTheRecomputedFigures_AfterRandomReviewsAMergeAndACancelledActivity(string provider)
    {
        var app = fx.App(provider);
        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, new StringWriter(), new(12, 30, 10))).Should().Be(0);
        var plan = await app.Db(db => db.Plans.Where(p => p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync());
        var periods = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.PlanId == plan).OrderBy(p => p.DataTo).Select(p => p.Id).ToListAsync());
        (await app.Db(db => db.Set<PeriodTally>().CountAsync(t => periods.Contains(t.PeriodId)))).Should().Be(4, "the generator builds them");
        var random = new Random(17);

        await ReviewAtRandomAsync(app, random, periods, steps: 24);
        (await app.Db(db => db.Set<PeriodTally>().CountAsync(t => periods.Contains(t.PeriodId))))
            .Should().Be(4, "reports change the tallies in place; only a change to who owes makes them stale");
        await SameFiguresAsync(app, periods);

        await MergeAndCancelAsync(app, plan);
        (await app.Db(db => db.Set<PeriodTally>().CountAsync(t => db.Set<TallyStamp>().Any(s => s.Value == t.Stamp))))
            .Should().Be(0, "who owes what changed: every period is rebuilt by its next reader");
        await SameObligationsAsync(app, plan);
        await SameFiguresAsync(app, periods);   // rebuilds them
        await ReviewAtRandomAsync(app, random, periods, steps: 16);
        await SameFiguresAsync(app, periods);
        await SameLastWordsAsync(app, plan, periods);
    }

    /// <summary>
    /// Early warning's last words read from the tallies (ActivityPeriodTally.Answers, kept by each submission and return)
    /// equal each agency's latest submitted or accepted lead entry, read from the entries themselves, for every cut-off.
    /// </summary>
    static async Task SameLastWordsAsync(TestApp app, int plan, List<int> periods)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var activities = await db.Activities.Where(a => a.PlanId == plan).Select(a => a.Id).ToListAsync();
        var entries = await (
                from e in db.Set<ReportEntry>()
                join r in db.Set<AgencyReport>() on e.ReportId equals r.Id
                join p in db.Set<ReportPeriod>() on r.PeriodId equals p.Id
                where p.PlanId == plan && p.Kind != ReportingPeriodKind.AdHoc && e.Leads && e.Status != null
                      && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)
                select new { r.AgencyId, e.ActivityId, e.Status, e.Percent, p.DataTo, e.Activity!.CancelledAtUtc })
            .AsNoTracking().ToListAsync();
        entries.Should().NotBeEmpty();
        var tallies = scope.ServiceProvider.GetRequiredService<Tallies>();
        foreach (var cutOff in await db.Set<ReportPeriod>().Where(p => periods.Contains(p.Id)).Select(p => p.DataTo).ToListAsync())
        {
            var expected = entries.Where(e => e.DataTo <= cutOff && e.CancelledAtUtc == null).OrderBy(e => e.DataTo)
                .GroupBy(e => (e.AgencyId, e.ActivityId)).ToDictionary(g => g.Key, g => new Tallies.LastWord(g.Last().Status!.Value, g.Last().Percent));
            (await tallies.LastWordsAsync(plan, cutOff, activities)).Should().BeEquivalentTo(expected, $"cut-off {cutOff:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void AgencyTotals_CountUnfinishedWorkOverdue_OnlyAfterItsDueEnd()
    {
        var t = new AgencyPeriodTally { Leads = 6, Done = 1, DoneLate = 1, InProgress = 2, NotStarted = 1, NotDone = 1, Pending = "2025-03-31,1,0;2025-06-30,1,1" };

        Tallies.TotalsOf(t, new DateOnly(2025, 3, 31)).Should().Be(new ProgressTotals(6, 2, 2, 1, 0, 1), "due on the day is not late yet");
        Tallies.TotalsOf(t, new DateOnly(2025, 4, 1)).Should().Be(new ProgressTotals(6, 2, 1, 1, 1, 1));
        Tallies.TotalsOf(t, new DateOnly(2025, 7, 1)).Should().Be(new ProgressTotals(6, 2, 0, 0, 3, 1));
    }

    /// <summary>Submits, returns and accepts reports of the plan's periods, through the app's ReportWork.</summary>
    static async Task ReviewAtRandomAsync(TestApp app, Random random, List<int> periods, int steps)
    {
        var statuses = Enum.GetValues<ReportedStatus>();
        for (var i = 0; i < steps; i++)
        {
            var period = periods[random.Next(periods.Count)];
            var reports = await app.Db(db => db.Set<AgencyReport>().AsNoTracking().Where(r => r.PeriodId == period)
                .OrderBy(r => r.AgencyId).Select(r => new { r.AgencyId, r.State }).ToListAsync());
            var report = reports[random.Next(reports.Count)];
            if (report.State == ReportState.Submitted) await app.ReviewAsync(period, report.AgencyId, accept: random.Next(2) == 0);
            else if (report.State is ReportState.Draft or ReportState.Returned)
            {
                var leads = await app.Db(db => (
                        from e in db.Set<ReportEntry>()
                        join r in db.Set<AgencyReport>() on e.ReportId equals r.Id
                        where r.PeriodId == period && r.AgencyId == report.AgencyId && e.Leads
                        select e.ActivityId).ToListAsync());
                await app.SubmitAsync(period, report.AgencyId, leads.ToDictionary(id => id, _ => statuses[random.Next(statuses.Length)]));
            }
        }
    }

    /// <summary>Two agencies that lead work merge into a new one in August; one activity is cancelled.</summary>
    static async Task MergeAndCancelAsync(TestApp app, int plan)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Agencies that owe reports in the plan (they lead its work through their groups) and are current.
        var leaders = await (
                from r in db.Set<AgencyReport>()
                join p in db.Set<ReportPeriod>() on r.PeriodId equals p.Id
                join a in db.Agencies on r.AgencyId equals a.Id
                where p.PlanId == plan && a.ValidTo == null && a.SuccessorId == null
                select a.Id)
            .Distinct().OrderBy(id => id).Take(2).ToListAsync();
        leaders.Should().HaveCount(2);
        var merged = await scope.ServiceProvider.GetRequiredService<Reorganisation>().ApplyAsync(new ReorganisationInput
        {
            Kind = ChangeKind.Merge, FromIds = leaders, NewName = TestData.Unique("Sở Hợp nhất"), EffectiveOn = new DateOnly(2025, 8, 1),
        });
        merged.IsOk.Should().BeTrue(merged.Message ?? "");
        var activity = await db.Activities.Where(a => a.PlanId == plan && a.CancelledAtUtc == null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var cancelled = await scope.ServiceProvider.GetRequiredService<PlanLifecycle>().CancelActivityAsync(plan, activity, "Không còn phù hợp");
        cancelled.IsOk.Should().BeTrue(cancelled.Message ?? "");
    }

    /// <summary>Every period's tallied figures equal the figures from the pairs, on days in, before and after each period.</summary>
    internal static async Task SameFiguresAsync(TestApp app, List<int> periods)
    {
        DateTimeOffset[] days = [new(2025, 2, 10, 3, 0, 0, TimeSpan.Zero), new(2025, 8, 20, 3, 0, 0, TimeSpan.Zero), new(2025, 12, 1, 3, 0, 0, TimeSpan.Zero),
            DateTimeOffset.UtcNow];
        foreach (var day in days)
            foreach (var period in periods)
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var clock = new FixedClock(day);
                var progress = new Progress(db, new Obligations(db), clock);
                var tallied = (await new Tallies(db, progress, new Obligations(db), clock, NullLogger<Tallies>.Instance).FiguresAsync(period))!;
                var computed = (await progress.ForPeriodAsync(period))!;

                tallied.Progress.Should().BeEquivalentTo(computed, o => o.Excluding(p => p.Activities), $"period {period} on {day:yyyy-MM-dd}");
                tallied.Progress.Activities.Should().BeEquivalentTo(computed.Activities.Select(a => a with { Agencies = [] }),
                    o => o.WithStrictOrdering().ComparingByMembers<ActivityProgressRow>(), $"period {period} on {day:yyyy-MM-dd}");
                computed.Activities.Select(a => a.AgenciesDone).Should().Equal(computed.Activities.Select(a => a.Agencies.Count(s => ActivityProgress.IsDone(s.State))));
                var owing = (await new Obligations(db).ForPeriodAsync((await db.Set<ReportPeriod>().FindAsync(period))!))
                    .Select(o => new OwedAgency(o.AgencyId, o.AgencyName, o.Leads.Count, o.Supports.Count));
                tallied.Owing.Should().Equal(owing);
            }
    }

    /// <summary>
    /// Obligations (which index the assignments by agency, successor and group) equal every assignment matched one by one
    /// against each agency's AgencyMatch, before, on and after the merge; and the leads of a few activities
    /// (early warning's question) are those of the whole plan.
    /// </summary>
    static async Task SameObligationsAsync(TestApp app, int plan)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var assignments = await db.Assignments.AsNoTracking()
            .Where(x => db.Activities.Any(a => a.Id == x.ActivityId && a.PlanId == plan && a.CancelledAtUtc == null)).ToListAsync();
        foreach (var day in new[] { new DateOnly(2025, 2, 1), new DateOnly(2025, 8, 1), new DateOnly(2025, 11, 1) })
        {
            var indexed = await new Obligations(db).ForPlanAsync(plan, day);
            indexed.Should().NotBeEmpty();
            foreach (var o in indexed)
            {
                var match = (await AgencyMatch.LoadAsync(db, o.AgencyId, day))!;
                var leads = assignments.Where(x => x.Role == AssignmentRole.Lead && match.Covers(x)).Select(x => x.ActivityId).ToHashSet();
                o.Leads.Should().BeEquivalentTo(leads, $"agency {o.AgencyId} on {day}");
                o.Supports.Should().BeEquivalentTo(assignments.Where(x => x.Role == AssignmentRole.Support && match.Covers(x))
                    .Select(x => x.ActivityId).Where(id => !leads.Contains(id)).ToHashSet(), $"agency {o.AgencyId} on {day}");
            }
            var few = assignments.Select(x => x.ActivityId).Distinct().Order().Take(7).ToList();
            var leadsOf = await new Obligations(db).LeadsOfAsync(plan, day, few);
            foreach (var id in few)
                leadsOf[id].Select(o => o.AgencyId).Should().Equal(indexed.Where(o => o.Leads.Contains(id)).Select(o => o.AgencyId), $"activity {id} on {day}");
        }
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
