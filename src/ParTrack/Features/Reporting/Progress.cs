using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;
using State = ParTrack.Domain.Activities.ActivityStatus;

namespace ParTrack.Features.Reporting;

/// <summary>Where an agency's state for an activity comes from.</summary>
public enum AnswerSource
{
    Accepted,     // its report for the period was accepted (đã tiếp nhận)
    UnderReview,  // submitted, waiting for the coordinator (đã gửi, chờ xem xét)
    NotReported,  // no submitted report for the period (draft, returned or none)
}

/// <summary>One owing agency's state for an activity in the period.</summary>
public sealed record AgencyActivityState(int AgencyId, string AgencyName, State State, int? Percent, AnswerSource Source);

/// <summary>An activity in the period: its aggregate state (Domain ActivityProgress) and the owing agencies' states.</summary>
public sealed record ActivityProgressRow(int ActivityId, int? AreaId, string? Code, string Text, string? DueText, DateOnly? DueEnd,
    string Lead, State State, int Percent, bool Started, IReadOnlyList<AgencyActivityState> Agencies)
{
    /// <summary>How many owing agencies are done (kept apart from <see cref="Agencies"/>: tallied figures list no agencies).</summary>
    public int AgenciesDone { get; init; }
}

/// <summary>Counts of activities by state; Done includes "hoàn thành quá hạn". The five counts add up to Activities.</summary>
public sealed record ProgressTotals(int Activities, int Done, int InProgress, int NotStarted, int Overdue, int NotDone)
{
    public int Percent => Activities == 0 ? 0 : (int)Math.Round(100.0 * Done / Activities);

    public static ProgressTotals Of(IReadOnlyCollection<State> states) => new(states.Count,
        states.Count(ActivityProgress.IsDone), states.Count(s => s == State.InProgress), states.Count(s => s == State.NotStarted),
        states.Count(s => s == State.Overdue), states.Count(s => s == State.NotDone));
}

public sealed record AreaTotals(int? AreaId, string Code, string Title, ProgressTotals Totals);

/// <summary>An agency's own lead work in the period: its own states, not the activities' aggregate.</summary>
public sealed record AgencyTotals(int AgencyId, string Name, ProgressTotals Totals);

public sealed record PlanProgress(int PlanId, PeriodRow? Period, DateOnly AsOf, ProgressTotals Totals, IReadOnlyList<AreaTotals> Areas,
    IReadOnlyList<AgencyTotals> Agencies, IReadOnlyList<ActivityProgressRow> Activities);

/// <summary>
/// The one query path for progress figures: per (activity, agency, period) what the agency's report for that
/// period says, aggregated per activity by Domain ActivityProgress, and totals per area, plan and agency. The
/// dashboard, the consolidated DOCX/XLSX, the API and the stored Activity.Status all read it, so they agree;
/// a period's figures depend only on that period's reports, never on another period's or on review order.
/// Who owes an activity is Obligations' rule (lead bodies on the period's deadline) — the one place that
/// decides it, so a time-aware registry changes every figure at once.
/// </summary>
public sealed class Progress(AppDbContext db, Obligations obligations, TimeProvider clock, Dashboard.DashboardCache? cache = null)
{
    /// <summary>A periodic period's figures (null for an unknown or ad-hoc period), cached like the dashboard.</summary>
    public async Task<PlanProgress?> ForPeriodAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().Include(p => p.Plan)
            .FirstOrDefaultAsync(p => p.Id == periodId && p.Kind != ReportingPeriodKind.AdHoc, ct);
        if (period is null) return null;
        return cache is null
            ? await ComputeAsync(period.PlanId, period, ct)
            : await cache.GetAsync($"progress:{periodId}", VietnamTime.Today(clock), () => ComputeAsync(period.PlanId, period, CancellationToken.None));
    }

    /// <summary>A plan before any period is open: nobody has reported; judged on today.</summary>
    public Task<PlanProgress> WithoutReportsAsync(int planId, CancellationToken ct = default) => ComputeAsync(planId, null, ct);

    /// <summary>
    /// Keeps Activity.Status (the plan pages and their filter) equal to the activity's state in the plan's latest
    /// period with a submitted or accepted report. Reviewing an older period's report changes nothing here.
    /// Overdue is shown, not stored: the activity keeps "đang thực hiện" or "chưa triển khai".
    /// </summary>
    public async Task RecordStatesAsync(int planId, CancellationToken ct = default)
    {
        var latest = await db.Set<ReportPeriod>().AsNoTracking().Include(p => p.Plan)
            .Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc
                        && db.Set<AgencyReport>().Any(r => r.PeriodId == p.Id && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)))
            .OrderByDescending(p => p.Deadline).FirstOrDefaultAsync(ct);
        if (latest is null) return;
        var figures = await ComputeAsync(planId, latest, ct);
        var stored = figures.Activities.ToDictionary(r => r.ActivityId, r => r.State switch
        {
            State.Done => Data.ActivityStatus.Done,
            State.DoneLate => Data.ActivityStatus.DoneLate,
            State.NotDone => Data.ActivityStatus.NotDone,
            State.InProgress => Data.ActivityStatus.InProgress,
            _ => r.Started ? Data.ActivityStatus.InProgress : Data.ActivityStatus.NotStarted,
        });
        var activities = await db.Activities.Where(a => a.PlanId == planId).ToListAsync(ct);
        foreach (var a in activities.Where(a => stored.TryGetValue(a.Id, out var s) && a.Status != s))
            a.Status = stored[a.Id];
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    /// <summary>What an agency's submitted or accepted report of a period says of an activity it leads.</summary>
    public sealed record Answer(int AgencyId, int ActivityId, ReportedStatus Status, int? Percent, DateOnly? CompletedOn, AnswerSource Source);

    /// <summary>
    /// The figures from every (agency, activity) pair. <paramref name="judgedOn"/> replaces the as-of day: Tallies passes
    /// <see cref="DateOnly.MinValue"/> to get each agency's state without the calendar (never Overdue).
    /// </summary>
    internal async Task<PlanProgress> ComputeAsync(int planId, ReportPeriod? period, CancellationToken ct, DateOnly? judgedOn = null)
    {
        var today = VietnamTime.Today(clock);
        var asOf = judgedOn ?? (period is null ? today : ActivityProgress.AsOf(period.DataTo, today));
        // Cancelled activities leave the denominators (PlanLifecycle.CancelActivityAsync).
        var activities = await ActivityRowsAsync(db, planId, ct);
        var areas = await db.PlanAreas.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Order).ToListAsync(ct);
        var owed = period is null
            ? (await obligations.ForPlanAsync(planId, today, ct)).Where(o => o.HasWork).ToList()
            : await obligations.ForPeriodAsync(period, ct);
        var answers = period is null ? [] : await AnswersAsync(period, ct);
        var owing = owed.SelectMany(o => o.Leads.Select(id => (ActivityId: id, Agency: o)))
            .ToLookup(x => x.ActivityId, x => x.Agency);
        var rows = Rows(InOrder(activities, areas), owing, answers, period, asOf);

        var agencyRows = owed.Where(o => o.Leads.Count > 0).ToList();
        var byAgency = rows.SelectMany(r => r.Agencies).ToLookup(s => s.AgencyId, s => s.State);
        return Assemble(planId, period, asOf, rows, areas,
            agencyRows.Select(o => new AgencyTotals(o.AgencyId, o.AgencyName, ProgressTotals.Of(byAgency[o.AgencyId].ToList()))).ToList());
    }

    /// <summary>
    /// The rows of only <paramref name="activityIds"/> (in that order; ids not counted in the period's plan are left out), each
    /// with its owing agencies' states: what a page of the progress API costs, whatever the plan's size. The same figures as
    /// <see cref="ForPeriodAsync"/> gives for those activities.
    /// </summary>
    public async Task<List<ActivityProgressRow>> ActivitiesAsync(ReportPeriod period, IReadOnlyList<int> activityIds, CancellationToken ct = default)
    {
        if (activityIds.Count == 0) return [];
        var asOf = ActivityProgress.AsOf(period.DataTo, VietnamTime.Today(clock));
        var activities = await ActivityRowsAsync(db, period.PlanId, ct, activityIds);
        var owing = await obligations.LeadsOfAsync(period, activityIds, ct);
        var answers = await AnswersAsync(period, ct, only: activityIds.ToHashSet());
        var position = activityIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return Rows(activities.OrderBy(a => position[a.Id]), owing, answers, period, asOf);
    }

    /// <summary>Each activity's row from its owing agencies (<paramref name="owing"/>, by activity id) and their answers.</summary>
    static List<ActivityProgressRow> Rows(IEnumerable<Activity> activities, ILookup<int, Obligation> owing, List<Answer> answers,
        ReportPeriod? period, DateOnly asOf)
    {
        var byKey = answers.ToDictionary(a => (a.AgencyId, a.ActivityId));
        var rows = new List<ActivityProgressRow>();
        foreach (var a in activities)
        {
            var due = new DueSpec(DueSpec.ParseKind(a.DueKind), a.DueStart, a.DueEnd);
            var states = owing[a.Id].Select(o =>
            {
                byKey.TryGetValue((o.AgencyId, a.Id), out var answer);
                var (state, percent) = AgencyState(answer, due, period?.DataTo ?? asOf, asOf);
                return (Row: new AgencyActivityState(o.AgencyId, o.AgencyName, state, percent, answer?.Source ?? AnswerSource.NotReported),
                    Started: answer?.Status is ReportedStatus.InProgress or ReportedStatus.Done or ReportedStatus.DoneLate);
            }).ToList();
            var aggregate = ActivityProgress.Aggregate(states.Select(s => s.Row.State).ToList(), due, asOf);
            var counted = states.Where(s => s.Row.State != State.NotDone).ToList();
            rows.Add(new ActivityProgressRow(a.Id, a.AreaId, a.Code, a.Text, a.DueText, a.DueEnd, FrameworkTable.Names(a, AssignmentRole.Lead),
                aggregate, ActivityPercent(aggregate, counted.Count, counted.Sum(s => s.Row.Percent ?? 0)), states.Any(s => s.Started),
                states.Select(s => s.Row).ToList())
            { AgenciesDone = states.Count(s => ActivityProgress.IsDone(s.Row.State)) });
        }
        return rows;
    }

    /// <summary>
    /// One owing agency's state for an activity and its percent: what its answer says (none: not reported), judged on
    /// <paramref name="asOf"/>; a done answer without a completion day finished on the period's cut-off. The one definition
    /// that the figures and the stored tallies (<see cref="Tallies"/>) share.
    /// </summary>
    internal static (State State, int? Percent) AgencyState(Answer? answer, DueSpec due, DateOnly dataTo, DateOnly asOf)
    {
        var completed = answer?.CompletedOn ?? (answer?.Status is ReportedStatus.Done or ReportedStatus.DoneLate ? dataTo : null);
        var state = ActivityProgress.OfAgency(answer is null ? null : new AcceptedProgress(answer.Status, completed), due, asOf);
        return (state, answer?.Percent ?? (ActivityProgress.IsDone(state) ? 100 : null));
    }

    /// <summary>
    /// The plan's activities that count (not cancelled) with only what a figure's row shows and judges: not their outputs and
    /// budgets, and only their lead assignments (the row's lead names).
    /// </summary>
    internal static async Task<List<Activity>> ActivityRowsAsync(AppDbContext db, int planId, CancellationToken ct, IReadOnlyList<int>? only = null)
    {
        // Two flat queries: EF's nested-collection shaper cost more than the rows themselves.
        var counted = db.Activities.Where(a => a.PlanId == planId && a.CancelledAtUtc == null);
        if (only is not null) counted = counted.Where(a => only.Contains(a.Id));
        var activities = await counted.AsNoTracking().Select(a => new Activity
        {
            Id = a.Id, AreaId = a.AreaId, Code = a.Code, Text = a.Text, DueText = a.DueText, DueKind = a.DueKind, DueStart = a.DueStart,
            DueEnd = a.DueEnd, Order = a.Order,
        }).ToListAsync(ct);
        var leads = (await (
                from x in db.Assignments
                join a in counted on x.ActivityId equals a.Id
                where x.Role == AssignmentRole.Lead
                select new Assignment { Id = x.Id, ActivityId = x.ActivityId, Role = x.Role, Name = x.Name, Order = x.Order })
            .AsNoTracking().ToListAsync(ct)).ToLookup(x => x.ActivityId);
        foreach (var a in activities) a.Assignments = [.. leads[a.Id]];
        return activities;
    }

    /// <summary>The activities as every figure lists them: by their area's order, then their own.</summary>
    internal static IEnumerable<Activity> InOrder(List<Activity> activities, List<PlanArea> areas)
    {
        var areaOrder = areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return activities.OrderBy(a => a.AreaId is int ar ? areaOrder.GetValueOrDefault(ar, int.MaxValue) : int.MaxValue).ThenBy(a => a.Order);
    }

    /// <summary>An activity's percent: 100 when done, else the mean of its counted agencies' percents (not reported: 0).</summary>
    internal static int ActivityPercent(State aggregate, int counted, int percentSum) =>
        ActivityProgress.IsDone(aggregate) ? 100 : counted == 0 ? 0 : (int)Math.Round((double)percentSum / counted);

    /// <summary>Totals per area and for the plan from the activity rows, in the areas' order.</summary>
    internal static PlanProgress Assemble(int planId, ReportPeriod? period, DateOnly asOf, List<ActivityProgressRow> rows, List<PlanArea> areas,
        List<AgencyTotals> agencyRows)
    {
        var areaRows = areas.Select(ar => new AreaTotals(ar.Id, ar.Code, ar.Title,
            ProgressTotals.Of(rows.Where(r => r.AreaId == ar.Id).Select(r => r.State).ToList()))).ToList();
        var unplaced = rows.Where(r => r.AreaId is null).Select(r => r.State).ToList();
        if (unplaced.Count > 0) areaRows.Add(new AreaTotals(null, "", "Chưa xếp lĩnh vực", ProgressTotals.Of(unplaced)));

        return new PlanProgress(planId, period is null ? null : Row(period), asOf, ProgressTotals.Of(rows.Select(r => r.State).ToList()),
            areaRows, agencyRows, rows);
    }

    /// <summary>
    /// The lead answers of the period's submitted and accepted reports: one row per report (its LeadAnswers text, ~300 a
    /// period), not one per entry (~30,000); the entries only of reports submitted before that text was kept.
    /// </summary>
    internal async Task<List<Answer>> AnswersAsync(ReportPeriod period, CancellationToken ct, IReadOnlySet<int>? only = null, IReadOnlySet<int>? onlyAgencies = null)
    {
        // The agencies are picked here, not in SQL: usually most of them, and a list of hundreds of ids would be a new
        // command (and hundreds of parameters) for every count.
        var reports = (await db.Set<AgencyReport>().AsNoTracking()
            .Where(r => r.PeriodId == period.Id && (r.State == ReportState.Submitted || r.State == ReportState.Accepted))
            .Select(r => new { r.AgencyId, r.State, r.LeadAnswers }).ToListAsync(ct))
            .Where(r => onlyAgencies is null || onlyAgencies.Contains(r.AgencyId)).ToList();
        static AnswerSource SourceOf(ReportState s) => s == ReportState.Accepted ? AnswerSource.Accepted : AnswerSource.UnderReview;
        var answers = reports.Where(r => r.LeadAnswers is not null)
            .SelectMany(r => LeadAnswerText.Read(r.LeadAnswers!, only)
                .Select(a => new Answer(r.AgencyId, a.ActivityId, a.Status, a.Percent, a.CompletedOn, SourceOf(r.State))))
            .ToList();
        if (reports.All(r => r.LeadAnswers is not null)) return answers;

        var rows = await (
                from e in db.Set<ReportEntry>()
                join r in db.Set<AgencyReport>() on e.ReportId equals r.Id
                where r.PeriodId == period.Id && e.Leads && e.Status != null && r.LeadAnswers == null
                      && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)
                select new { r.AgencyId, e.ActivityId, e.Status, e.Percent, e.CompletedOn, r.State })
            .AsNoTracking().ToListAsync(ct);
        answers.AddRange(rows.Where(x => (only is null || only.Contains(x.ActivityId)) && (onlyAgencies is null || onlyAgencies.Contains(x.AgencyId))).Select(x => new Answer(x.AgencyId, x.ActivityId, x.Status!.Value, x.Percent, x.CompletedOn, SourceOf(x.State))));
        return answers;
    }

    internal static PeriodRow Row(ReportPeriod p) =>
        new(p.Id, p.PlanId, p.Plan?.Title ?? "", p.Year, p.Kind, p.Title, p.DataFrom, p.DataTo, p.Deadline, p.Questions);

    public static string Label(AnswerSource s) => s switch
    {
        AnswerSource.Accepted => "Đã tiếp nhận",
        AnswerSource.UnderReview => "Đã gửi, chờ xem xét",
        _ => "Chưa báo cáo",
    };
}
