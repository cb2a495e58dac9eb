using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using R = ParTrack.Domain.Activities.ReportedStatus;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// Property: the figures depend only on the final reports. Random final reports for three agencies over three
/// periods are reached on two plans by two different random histories (drafts, submissions returned and
/// resubmitted with other answers) in two different random interleavings. Both plans must end with the same
/// figures in every period and the same stored activity status; and no step may move another period's figures.
/// </summary>
public sealed class ProgressOrderTests(AppFixture fx) : IClassFixture<AppFixture>
{
    enum Final { None, Draft, Submitted, Returned, Accepted }

    sealed record Spec(ReportingPeriodKind Period, int Agency, Final Final, R[] Answers);

    static readonly ReportingPeriodKind[] Kinds = [ReportingPeriodKind.Q1, ReportingPeriodKind.SixMonths, ReportingPeriodKind.Q3];
    static readonly R[] Choices = [R.NotStarted, R.InProgress, R.Done, R.NotDone];

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task Figures_DependOnlyOnTheFinalReports_NotOnHistoryOrOrder(int seed)
    {
        var app = fx.App();
        var rng = new Random(seed);
        var finals = Kinds.SelectMany(k => Enumerable.Range(0, 3).Select(agency => new Spec(k, agency,
            (Final)rng.Next(5), Enumerable.Range(0, 3).Select(_ => Choices[rng.Next(Choices.Length)]).ToArray()))).ToList();

        var first = await RunAsync(app, finals, new Random(seed * 7919));
        var second = await RunAsync(app, finals, new Random(seed * 104729));

        second.Figures.Should().Be(first.Figures);
        second.Stored.Should().Equal(first.Stored);
    }

    /// <summary>Reaches the final reports on a new plan through a random history; returns the normalised figures and stored statuses.</summary>
    async Task<(string Figures, List<ParTrack.Data.ActivityStatus> Stored)> RunAsync(TestApp app, List<Spec> finals, Random rng)
    {
        var g = await app.GroupPlanAsync();
        var queues = finals.Select(f => new Queue<(ReportingPeriodKind Period, Func<Task> Step)>(Script(app, g, f, rng).Select(s => (f.Period, s)))).ToList();
        var before = await SnapshotAsync(app, g);
        while (queues.Any(q => q.Count > 0))
        {
            var open = queues.Where(q => q.Count > 0).ToList();
            var (period, step) = open[rng.Next(open.Count)].Dequeue();
            await step();
            var after = await SnapshotAsync(app, g);
            foreach (var k in Kinds.Where(k => k != period))
                after[k].Should().Be(before[k], $"a step on {period} must not move {k}'s figures");
            before = after;
        }
        var stored = await app.Db(db => db.Activities.Where(a => a.PlanId == g.PlanId).OrderBy(a => a.Order).Select(a => a.Status).ToListAsync());
        return (string.Join("\n", Kinds.Select(k => before[k])), stored);
    }

    /// <summary>The steps that lead one report to its final state, with earlier answers that must not count.</summary>
    static List<Func<Task>> Script(TestApp app, GroupPlan g, Spec f, Random rng)
    {
        var period = g.Periods[f.Period];
        var agency = g.Agencies[f.Agency];
        Dictionary<int, R> Answers(R[] a) => g.Activities.Select((id, i) => (id, a[i])).ToDictionary(x => x.id, x => x.Item2);
        R[] Noise() => Enumerable.Range(0, 3).Select(_ => Choices[rng.Next(Choices.Length)]).ToArray();
        var steps = new List<Func<Task>>();
        if (f.Final == Final.None) return steps;
        if (f.Final == Final.Draft)
        {
            var noise = Choices[rng.Next(Choices.Length)];
            steps.Add(() => app.SaveDraftAsync(period, agency, noise));
            return steps;
        }
        for (var cycle = rng.Next(3); cycle > 0; cycle--)
        {
            var noise = Answers(Noise());
            steps.Add(() => app.SubmitAsync(period, agency, noise));
            steps.Add(() => app.ReviewAsync(period, agency, accept: false));
        }
        var final = Answers(f.Final == Final.Returned ? Noise() : f.Answers);
        steps.Add(() => app.SubmitAsync(period, agency, final));
        if (f.Final == Final.Returned) steps.Add(() => app.ReviewAsync(period, agency, accept: false));
        if (f.Final == Final.Accepted) steps.Add(() => app.ReviewAsync(period, agency, accept: true));
        return steps;
    }

    /// <summary>Each period's figures with activities and agencies named by their position, so two plans compare.</summary>
    static async Task<Dictionary<ReportingPeriodKind, string>> SnapshotAsync(TestApp app, GroupPlan g)
    {
        var result = new Dictionary<ReportingPeriodKind, string>();
        foreach (var k in Kinds)
        {
            var f = await app.ProgressAsync(g.Periods[k]);
            result[k] = JsonSerializer.Serialize(new
            {
                f.AsOf, f.Totals,
                Activities = f.Activities.Select(a => new
                {
                    Index = Array.IndexOf(g.Activities, a.ActivityId), State = a.State.ToString(), a.Percent, a.AgenciesDone,
                    Agencies = a.Agencies.Select(s => $"{Array.IndexOf(g.Agencies, s.AgencyId)}:{s.State}:{s.Percent}:{s.Source}").Order().ToList(),
                }),
                Agencies = f.Agencies.Select(a => new { Index = Array.IndexOf(g.Agencies, a.AgencyId), a.Totals }).OrderBy(a => a.Index),
            });
        }
        return result;
    }
}
