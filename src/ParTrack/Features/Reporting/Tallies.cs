using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;
using State = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Features.Reporting;

/// <summary>A period's figures read from its tallies, and who owes its report (what the period overview lists).</summary>
public sealed record TalliedFigures(PlanProgress Progress, IReadOnlyList<OwedAgency> Owing);

/// <summary>
/// Per-(period, activity) and per-(period, agency) counts of the owing agencies' states, kept with the reports, so the
/// dashboard reads ~650 rows for a period instead of every (agency, activity) pair (29,000 in the large province).
/// The counts come from <see cref="Progress.AgencyState"/>, the one definition of an agency's state, judged without the
/// calendar; the day only decides what is overdue, when the figures are read. A submission or return changes one
/// agency's counts in the same transaction (<see cref="ReportChangedAsync"/>); a change to who owes what (agencies,
/// assignments, activities' dues, cancellation, plan status, period dates) makes a period's tallies stale
/// (<see cref="TallyStaleness"/>) and its next reader rebuilds them (<see cref="RebuildAsync(int, CancellationToken)"/>).
/// The progress API and the agency lists per activity still read the pairs (<see cref="Progress.ForPeriodAsync"/>).
/// </summary>
public sealed class Tallies(AppDbContext db, Progress progress, Obligations obligations, TimeProvider clock, ILogger<Tallies> log)
{
    /// <summary>A periodic period's figures from its tallies, built first if missing; null for an unknown or ad-hoc period.</summary>
    public async Task<TalliedFigures?> FiguresAsync(int periodId, CancellationToken ct = default)
    {
        var fresh = FreshPeriods;
        var found = await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.Id == periodId && p.Kind != ReportingPeriodKind.AdHoc)
            .Select(p => new { Period = p, p.Plan, Fresh = fresh.Contains(p.Id) })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var period = found.Period;
        period.Plan = found.Plan;
        if (!found.Fresh) await RebuildAsync(period, onlyIfMissing: true, ct);
        return await ReadAsync(period, ct);
    }

    /// <summary>The periods whose tallies are complete and built on the current "who owes what" (<see cref="TallyStamp"/>).</summary>
    IQueryable<int> FreshPeriods =>
        db.Set<PeriodTally>().Where(t => db.Set<TallyStamp>().Any(s => s.Value == t.Stamp)).Select(t => t.PeriodId);

    Task<bool> FreshAsync(int periodId, CancellationToken ct) => FreshPeriods.ContainsAsync(periodId, ct);

    /// <summary>What an agency last said of an activity it leads.</summary>
    public readonly record struct LastWord(ReportedStatus Status, int? Percent);

    /// <summary>
    /// Each agency's last word on each of <paramref name="activityIds"/>: its answer in the latest periodic period (by data
    /// cut-off, up to <paramref name="lastDataTo"/>) whose report it has submitted. Early warning reads it for the few
    /// activities due soon: one tally row per activity and period (<see cref="ActivityPeriodTally.Answers"/>), not every
    /// report's answers of every period. A period whose tallies are stale is built first, once, as its own dashboard would:
    /// reading its reports instead cost every request (at ×10, 3,000 reports of ~100 answers per earlier period).
    /// </summary>
    public async Task<Dictionary<(int AgencyId, int ActivityId), LastWord>> LastWordsAsync(int planId, DateOnly lastDataTo,
        IReadOnlyCollection<int> activityIds, CancellationToken ct = default)
    {
        var periods = db.Set<ReportPeriod>().Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc && p.DataTo <= lastDataTo);
        var fresh = FreshPeriods;
        foreach (var stale in await periods.Where(p => !fresh.Contains(p.Id)).AsNoTracking().ToListAsync(ct))
            await RebuildAsync(stale, onlyIfMissing: true, ct);
        var rows = await (
                from t in db.Set<ActivityPeriodTally>()
                join p in periods on t.PeriodId equals p.Id
                where activityIds.Contains(t.ActivityId)
                orderby p.DataTo
                select new { t.ActivityId, t.Answers })
            .AsNoTracking().ToListAsync(ct);
        var latest = new Dictionary<(int, int), LastWord>();
        foreach (var row in rows)
            foreach (var a in LeadAnswerText.Read(row.Answers))   // the agency's id comes first in a tally's answers
                latest[(a.ActivityId, row.ActivityId)] = new LastWord(a.Status, a.Percent);
        return latest;
    }

    /// <summary>Recomputes a period's tallies from its reports (every pair, once): after changes to who owes, and to fill them.</summary>
    public async Task RebuildAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId && p.Kind != ReportingPeriodKind.AdHoc, ct);
        if (period is not null) await RebuildAsync(period, onlyIfMissing: false, ct);
    }

    /// <summary>Rebuilds every periodic period of a plan (data written outside the app: the large-province generator).</summary>
    public async Task RebuildPlanAsync(int planId, CancellationToken ct = default)
    {
        foreach (var id in await db.Set<ReportPeriod>().Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc).Select(p => p.Id).ToListAsync(ct))
            await RebuildAsync(id, ct);
    }

    /// <summary>
    /// Reads the reports and writes the tallies in one transaction holding the period's lock (<see cref="LockAsync"/>), the
    /// lock a submission or review takes before changing the counts: otherwise a rebuild could read the reports before a
    /// submission commits, the submission find no tallies to change, and the rebuild then store figures without it.
    /// </summary>
    async Task RebuildAsync(ReportPeriod period, bool onlyIfMissing, CancellationToken ct)
    {
        var added = new List<object>();
        try
        {
            await InTransactionAsync(async () =>
            {
                await LockAsync(period.Id, ct);
                // Another request rebuilt them while this one waited for the lock: its figures include every change so far.
                if (onlyIfMissing && await FreshAsync(period.Id, ct)) return;
                // Read before anything the tallies are made of: a change to who owes that commits from here on renews the
                // stamp, so these tallies are stale as soon as they are stored, and the next reader builds them again.
                var stamp = await db.Set<TallyStamp>().AsNoTracking().Where(s => s.Id == TallyStamp.OnlyId).Select(s => s.Value).FirstOrDefaultAsync(ct);
                added.AddRange(await ComputeRowsAsync(period, ct));
                await db.Set<ActivityPeriodTally>().Where(t => t.PeriodId == period.Id).ExecuteDeleteAsync(ct);
                await db.Set<AgencyPeriodTally>().Where(t => t.PeriodId == period.Id).ExecuteDeleteAsync(ct);
                await db.Set<PeriodTally>().Where(t => t.PeriodId == period.Id).ExecuteDeleteAsync(ct);
                added.Add(new PeriodTally { PeriodId = period.Id, BuiltAtUtc = clock.GetUtcNow().UtcDateTime, Stamp = stamp });
                db.AddRange(added);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DbUpdateException e)
        {
            // Another process rebuilt the same period at the same moment (SQLite: the lock is per process; same figures): keep its rows.
            log.LogInformation(e, "Tallies of period {PeriodId} were rebuilt by another request", period.Id);
        }
        finally
        {
            foreach (var row in added) db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Serialises a period's rebuild with the submissions and reviews that change its counts, until the transaction ends:
    /// a PostgreSQL transaction-scoped advisory lock on the period; SQLite writers already take turns (SqliteWriteGate),
    /// and the rebuild reads inside its turn.
    /// </summary>
    async Task LockAsync(int periodId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TallyLock}, {periodId})", ct);
    }

    /// <summary>The first key of the period locks (the second is the period's id): any number not used by another lock.</summary>
    const int TallyLock = 0x7A11E5;

    async Task<List<object>> ComputeRowsAsync(ReportPeriod period, CancellationToken ct)
    {
        var timeless = await progress.ComputeAsync(period.PlanId, period, ct, judgedOn: DateOnly.MinValue);
        var owed = await obligations.ForPeriodAsync(period, ct);   // already computed for the figures (Obligations memoises)
        var dues = await DuesAsync(timeless.Activities.Select(a => a.ActivityId).ToList(), ct);
        var answers = (await progress.AnswersAsync(period, ct)).ToLookup(a => a.ActivityId);
        var activityRows = timeless.Activities.Select(a =>
        {
            var c = StateCounts.Of(a.Agencies.Select(s => s.State));
            return new ActivityPeriodTally
            {
                PeriodId = period.Id, ActivityId = a.ActivityId, Done = c.Done, DoneLate = c.DoneLate, InProgress = c.InProgress,
                NotStarted = c.NotStarted, NotDone = c.NotDone, PercentSum = a.Agencies.Where(s => s.State != State.NotDone).Sum(s => s.Percent ?? 0),
                Answers = AnswersText(answers[a.ActivityId]),
            };
        }).ToList();
        var byAgency = timeless.Activities.SelectMany(a => a.Agencies.Select(s => (a.ActivityId, s.AgencyId, s.State))).ToLookup(x => x.AgencyId);
        var agencyRows = owed.Select(o => AgencyRow(period.Id, o.AgencyId, o.Leads.Count, o.Supports.Count,
            byAgency[o.AgencyId].Select(x => (x.ActivityId, x.State)).ToList(), dues)).ToList();
        return [.. activityRows, .. agencyRows];
    }

    /// <summary>
    /// A report's lead answers entered or left the period's figures (a submission, a resubmission, a return): that agency's
    /// counts and answers change, in the caller's transaction, under the period's lock (two reviews of a period take turns,
    /// so reading and writing the rows cannot lose one). Answers are LeadAnswerText (null: none counted). Nothing to do
    /// while the period's tallies are missing or stale: their next reader builds them.
    /// </summary>
    public async Task ReportChangedAsync(ReportPeriod period, int agencyId, string? before, string? after, CancellationToken ct = default)
    {
        if (period.Kind == ReportingPeriodKind.AdHoc || before == after) return;
        await LockAsync(period.Id, ct);   // a rebuild running now has read the reports before this one: wait for it, then count
        if (!await FreshAsync(period.Id, ct)) return;
        var leads = (await obligations.ForAgencyAsync(period, agencyId, ct))?.Leads ?? [];
        var dues = await DuesAsync(leads, ct);
        var (old, now) = (Read(before, agencyId), Read(after, agencyId));
        var states = new List<(int ActivityId, State State)>();
        var changes = new List<(int ActivityId, Delta Delta)>();
        foreach (var id in leads)
        {
            var due = dues.GetValueOrDefault(id) ?? new DueSpec(DueKind.Unknown, null, null);
            var from = Progress.AgencyState(old.GetValueOrDefault(id), due, period.DataTo, DateOnly.MinValue);
            var to = Progress.AgencyState(now.GetValueOrDefault(id), due, period.DataTo, DateOnly.MinValue);
            states.Add((id, to.State));
            var delta = Delta.Of(to.State, to.Percent) - Delta.Of(from.State, from.Percent);
            if (delta != default) changes.Add((id, delta));
        }
        // The agency's answers, on any activity whose answer changed (not only those it leads now: they mirror its report).
        var answered = old.Keys.Union(now.Keys).Where(id => old.GetValueOrDefault(id) != now.GetValueOrDefault(id)).ToHashSet();
        var ids = changes.Select(c => c.ActivityId).Union(answered).ToList();
        var rows = await db.Set<ActivityPeriodTally>().Where(t => t.PeriodId == period.Id && ids.Contains(t.ActivityId)).ToListAsync(ct);
        var deltas = changes.ToDictionary(c => c.ActivityId, c => c.Delta);
        foreach (var t in rows)
        {
            if (deltas.TryGetValue(t.ActivityId, out var d))
                (t.Done, t.DoneLate, t.InProgress, t.NotStarted, t.NotDone, t.PercentSum) = (t.Done + d.Done, t.DoneLate + d.DoneLate,
                    t.InProgress + d.InProgress, t.NotStarted + d.NotStarted, t.NotDone + d.NotDone, t.PercentSum + d.Percent);
            if (answered.Contains(t.ActivityId))
                t.Answers = AnswersText(LeadAnswerText.Read(t.Answers).Where(a => a.ActivityId != agencyId)
                    .Select(a => new Progress.Answer(a.ActivityId, t.ActivityId, a.Status, a.Percent, a.CompletedOn, AnswerSource.UnderReview))
                    .Concat(now.TryGetValue(t.ActivityId, out var answer) ? [answer] : []));
        }
        await db.SaveChangesAsync(ct);
        foreach (var t in rows) db.Entry(t).State = EntityState.Detached;
        var row = AgencyRow(period.Id, agencyId, leads.Count, 0, states, dues);
        var updated = await db.Set<AgencyPeriodTally>().Where(t => t.PeriodId == period.Id && t.AgencyId == agencyId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Done, row.Done).SetProperty(t => t.DoneLate, row.DoneLate).SetProperty(t => t.InProgress, row.InProgress)
            .SetProperty(t => t.NotStarted, row.NotStarted).SetProperty(t => t.NotDone, row.NotDone).SetProperty(t => t.Pending, row.Pending), ct);
        // An agency the tallies did not know owes now: they were stale; the next reader rebuilds them.
        if (updated == 0 && leads.Count > 0) await db.Set<PeriodTally>().Where(t => t.PeriodId == period.Id).ExecuteDeleteAsync(ct);
    }

    /// <summary>One agency's change to an activity's counts.</summary>
    readonly record struct Delta(int Done, int DoneLate, int InProgress, int NotStarted, int NotDone, int Percent)
    {
        public static Delta Of(State s, int? percent) => new(s == State.Done ? 1 : 0, s == State.DoneLate ? 1 : 0, s == State.InProgress ? 1 : 0,
            s == State.NotStarted ? 1 : 0, s == State.NotDone ? 1 : 0, s == State.NotDone ? 0 : percent ?? 0);

        public static Delta operator -(Delta a, Delta b) => new(a.Done - b.Done, a.DoneLate - b.DoneLate, a.InProgress - b.InProgress,
            a.NotStarted - b.NotStarted, a.NotDone - b.NotDone, a.Percent - b.Percent);
    }

    /// <summary>An activity's answers as its tally keeps them: the agency's id first, in the agencies' order.</summary>
    static string AnswersText(IEnumerable<Progress.Answer> answers) =>
        string.Join(';', answers.OrderBy(a => a.AgencyId).Select(a => LeadAnswerText.Item(a.AgencyId, a.Status, a.Percent, a.CompletedOn)));

    static Dictionary<int, Progress.Answer> Read(string? text, int agencyId) => text is null ? [] :
        LeadAnswerText.Read(text).ToDictionary(a => a.ActivityId,
            a => new Progress.Answer(agencyId, a.ActivityId, a.Status, a.Percent, a.CompletedOn, AnswerSource.UnderReview));

    async Task<Dictionary<int, DueSpec>> DuesAsync(IReadOnlyList<int> activityIds, CancellationToken ct) =>
        (await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).Select(a => new { a.Id, a.DueKind, a.DueStart, a.DueEnd }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => new DueSpec(DueSpec.ParseKind(a.DueKind), a.DueStart, a.DueEnd));

    static AgencyPeriodTally AgencyRow(int periodId, int agencyId, int leads, int supports, List<(int ActivityId, State State)> states,
        Dictionary<int, DueSpec> dues)
    {
        var c = StateCounts.Of(states.Select(s => s.State));
        var pending = states.Where(s => s.State is State.InProgress or State.NotStarted)
            .Select(s => (End: dues.GetValueOrDefault(s.ActivityId)?.OverdueAfter, s.State)).Where(s => s.End is not null)
            .GroupBy(s => s.End!.Value).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key:yyyy-MM-dd},{g.Count(s => s.State == State.InProgress)},{g.Count(s => s.State == State.NotStarted)}"));
        return new AgencyPeriodTally
        {
            PeriodId = periodId, AgencyId = agencyId, Leads = leads, Supports = supports, Done = c.Done, DoneLate = c.DoneLate,
            InProgress = c.InProgress, NotStarted = c.NotStarted, NotDone = c.NotDone, Pending = string.Join(';', pending),
        };
    }

    /// <summary>An agency's own totals on <paramref name="asOf"/>: its unfinished lead work due before that day is overdue.</summary>
    internal static ProgressTotals TotalsOf(AgencyPeriodTally t, DateOnly asOf)
    {
        int lateInProgress = 0, lateNotStarted = 0;
        // "yyyy-MM-dd" texts compare as their days do: read for every agency on every dashboard, so no date parsing and
        // no split strings, only spans over the text.
        Span<char> day = stackalloc char[10];
        asOf.TryFormat(day, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var range in t.Pending.AsSpan().Split(';'))
        {
            var item = t.Pending.AsSpan(range);
            if (item.IsEmpty) continue;
            if (day.SequenceCompareTo(item[..10]) <= 0) break;   // sorted by due end
            var counts = item[11..];
            var comma = counts.IndexOf(',');
            lateInProgress += int.Parse(counts[..comma], CultureInfo.InvariantCulture);
            lateNotStarted += int.Parse(counts[(comma + 1)..], CultureInfo.InvariantCulture);
        }
        return new ProgressTotals(t.Done + t.DoneLate + t.InProgress + t.NotStarted + t.NotDone, t.Done + t.DoneLate,
            t.InProgress - lateInProgress, t.NotStarted - lateNotStarted, lateInProgress + lateNotStarted, t.NotDone);
    }

    async Task<TalliedFigures> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        var asOf = ActivityProgress.AsOf(period.DataTo, VietnamTime.Today(clock));
        var activities = await Progress.ActivityRowsAsync(db, period.PlanId, ct);
        var areas = await db.PlanAreas.AsNoTracking().Where(a => a.PlanId == period.PlanId).OrderBy(a => a.Order).ToListAsync(ct);
        var counts = await db.Set<ActivityPeriodTally>().AsNoTracking().Where(t => t.PeriodId == period.Id)   // not the answers
            .Select(t => new ActivityPeriodTally
            {
                ActivityId = t.ActivityId, Done = t.Done, DoneLate = t.DoneLate, InProgress = t.InProgress, NotStarted = t.NotStarted,
                NotDone = t.NotDone, PercentSum = t.PercentSum,
            }).ToDictionaryAsync(t => t.ActivityId, ct);
        var agencies = await (
                from t in db.Set<AgencyPeriodTally>()
                where t.PeriodId == period.Id
                join a in db.Agencies on t.AgencyId equals a.Id
                select new { Tally = t, a.Name })
            .AsNoTracking().ToListAsync(ct);
        agencies = agencies.OrderBy(a => a.Name, Obligations.NameOrder).ToList();

        var rows = new List<ActivityProgressRow>();
        foreach (var a in Progress.InOrder(activities, areas))
        {
            var due = new DueSpec(DueSpec.ParseKind(a.DueKind), a.DueStart, a.DueEnd);
            var t = counts.GetValueOrDefault(a.Id);
            var c = t is null ? default : new StateCounts(t.Done, t.DoneLate, t.InProgress, t.NotStarted, t.NotDone, 0);
            var state = ActivityProgress.Aggregate(c, due, asOf);
            rows.Add(new ActivityProgressRow(a.Id, a.AreaId, a.Code, a.Text, a.DueText, a.DueEnd, FrameworkTable.Names(a, AssignmentRole.Lead),
                state, Progress.ActivityPercent(state, c.Total - c.NotDone, t?.PercentSum ?? 0), c.InProgress + c.Done + c.DoneLate > 0, [])
            { AgenciesDone = c.Done + c.DoneLate });
        }
        var agencyTotals = agencies.Where(a => a.Tally.Leads > 0).Select(a => new AgencyTotals(a.Tally.AgencyId, a.Name, TotalsOf(a.Tally, asOf))).ToList();
        var figures = Progress.Assemble(period.PlanId, period, asOf, rows, areas, agencyTotals);
        return new TalliedFigures(figures, agencies.Select(a => new OwedAgency(a.Tally.AgencyId, a.Name, a.Tally.Leads, a.Tally.Supports)).ToList());
    }

    /// <summary>Runs <paramref name="work"/> in one transaction with the SQLite writer turn, or in the caller's transaction.</summary>
    internal async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) { await work(); return; }
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work();
        await tx.CommitAsync(ct);
    }
}
