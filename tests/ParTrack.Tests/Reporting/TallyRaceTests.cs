using System.Data.Common;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// A period's tallies rebuilt (lazily, by their first reader after they went stale) while a report is being submitted:
/// the stored figures must include the submission whatever the timing. The rebuild is paused after it has read the
/// reports, just before it writes, until the submission has committed (or two seconds, when the submission has to wait
/// for the rebuild): without the period's lock the rebuild would store figures read before the submission, which
/// found no tallies to change. The same pause with a change to who owes instead (an activity cancelled): without the
/// stamp the rebuild read first (TallyStamp), it would store figures read before the change as fresh.
/// </summary>
public sealed class TallyRaceTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RebuildRacingASubmission_KeepsTheSubmissionInTheStoredFigures(string provider)
    {
        var app = fx.App(provider);
        var plan = await app.GroupPlanAsync();
        var period = plan.Periods[ReportingPeriodKind.Year];
        foreach (var agency in plan.Agencies)   // three rounds, one agency each
        {
            await app.SaveDraftAsync(period, agency, ReportedStatus.Done);
            await app.Db(db => db.Set<PeriodTally>().Where(t => t.PeriodId == period).ExecuteDeleteAsync());   // stale: the next reader rebuilds

            var pause = new PauseBeforeWriting();
            var rebuild = Task.Run(() => RebuildAsync(app, period, pause));
            await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var submit = Task.Run(() => SubmitAsync(app, period, agency));
            _ = submit.ContinueWith(_ => pause.Release.TrySetResult(), TaskScheduler.Default);
            await Task.WhenAll(rebuild, submit).WaitAsync(TimeSpan.FromSeconds(60));

            (await app.Db(db => db.Set<PeriodTally>().AnyAsync(t => t.PeriodId == period))).Should().BeTrue();
            await TallyTests.SameFiguresAsync(app, [period]);
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RebuildRacingAChangeToWhoOwes_LeavesTheTalliesStale_SoTheNextReaderHasTheChange(string provider)
    {
        var app = fx.App(provider);
        var plan = await app.GroupPlanAsync();
        var period = plan.Periods[ReportingPeriodKind.Year];
        await app.SaveDraftAsync(period, plan.Agencies[0], ReportedStatus.Done);
        await SubmitAsync(app, period, plan.Agencies[0]);
        await app.Db(db => db.Set<PeriodTally>().Where(t => t.PeriodId == period).ExecuteDeleteAsync());

        var pause = new PauseBeforeWriting();
        var rebuild = Task.Run(() => RebuildAsync(app, period, pause));
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var cancel = Task.Run(async () =>   // the rebuild has read the obligations: one of the activities leaves them now
        {
            using var scope = app.Services.CreateScope();
            var cancelled = await scope.ServiceProvider.GetRequiredService<Features.Plans.PlanLifecycle>()
                .CancelActivityAsync(plan.PlanId, plan.Activities[0], "Không còn phù hợp");
            cancelled.IsOk.Should().BeTrue(cancelled.Message ?? "");
        });
        _ = cancel.ContinueWith(_ => pause.Release.TrySetResult(), TaskScheduler.Default);
        await Task.WhenAll(rebuild, cancel).WaitAsync(TimeSpan.FromSeconds(60));

        await TallyTests.SameFiguresAsync(app, [period]);   // without the stamp: the cancelled activity still counted
    }

    /// <summary>A lazy rebuild, on its own connection whose tally DELETE waits for <see cref="PauseBeforeWriting"/>.</summary>
    static async Task RebuildAsync(TestApp app, int period, PauseBeforeWriting pause)
    {
        var connection = await app.Db(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var db = AppDbContext.Open(app.Provider == Databases.Postgres, connection, o =>
        {
            if (app.Provider != Databases.Postgres) o.AddInterceptors(SqliteTuning.Instance);
            o.AddInterceptors(pause);
        });
        var clock = TimeProvider.System;
        var tallies = new Tallies(db, new Progress(db, new Obligations(db), clock), new Obligations(db), clock, NullLogger<Tallies>.Instance);
        (await tallies.FiguresAsync(period)).Should().NotBeNull();
    }

    /// <summary>The agency's saved draft submitted through the app's ReportWork, as its officer would.</summary>
    static async Task SubmitAsync(TestApp app, int period, int agency)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var report = await db.Set<AgencyReport>().AsNoTracking().SingleAsync(r => r.PeriodId == period && r.AgencyId == agency);
        var submitted = await scope.ServiceProvider.GetRequiredService<ReportWork>().SubmitAsync(report.Id, report.Version, "officer");
        submitted.IsOk.Should().BeTrue(submitted.Message ?? "");
    }

    /// <summary>Holds the first command deleting a period's activity tallies (the rebuild's first write) until released.</summary>
    sealed class PauseBeforeWriting : DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData e,
            InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("DELETE", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains("\"ActivityPeriodTally\"")
                && Reached.TrySetResult())
                await Task.WhenAny(Release.Task, Task.Delay(TimeSpan.FromSeconds(2), ct));
            return result;
        }
    }
}
