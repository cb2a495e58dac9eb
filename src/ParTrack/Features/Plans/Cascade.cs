using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Plans;

public enum AgencyPlanState { Missing, Draft, IssuedOnTime, IssuedLate }

/// <param name="IssuedOn">The agency plan's signed date (ngày ký) when known, else the day it was issued in ParTrack.</param>
/// <param name="Signed">True when IssuedOn is the signed document's date.</param>
public sealed record AgencyPlanStatus(int AgencyId, string AgencyName, AgencyKind Kind, DateOnly? Deadline,
    int? PlanId, AgencyPlanState State, DateTime? IssuedAtUtc, bool Overdue, DateOnly? IssuedOn = null, bool Signed = false);

public sealed record CascadeReport(int PlanId, string PlanTitle, IReadOnlyList<AgencyPlanStatus> Agencies)
{
    public int Expected => Agencies.Count;
    public int Issued => Agencies.Count(a => a.State is AgencyPlanState.IssuedOnTime or AgencyPlanState.IssuedLate);
    public int Late => Agencies.Count(a => a.State == AgencyPlanState.IssuedLate || (a.Overdue && a.State is AgencyPlanState.Missing or AgencyPlanState.Draft));
    /// <summary>The seeds' target "100% cơ quan ban hành kế hoạch", measured; whole percent, rounded down.</summary>
    public int Percent => Expected == 0 ? 0 : Issued * 100 / Expected;
    public string Summary => $"{Issued}/{Expected} cơ quan đã ban hành kế hoạch ({Percent}%)";
}

/// <summary>
/// The cascade: each agency makes its own plan from the province's issued plan, pre-filled with the
/// activities it leads or coordinates, and issues it by the deadline for its kind.
/// </summary>
public sealed class Cascade(AppDbContext db, TimeProvider clock)
{
    /// <summary>Agencies that must issue their own plan: departments, central agencies, districts and communes.</summary>
    public static readonly AgencyKind[] ExpectedKinds =
        [AgencyKind.Department, AgencyKind.CentralAgency, AgencyKind.DistrictCommittee, AgencyKind.CommuneCommittee];

    public static DateOnly? DeadlineFor(Plan provincePlan, AgencyKind kind) => kind switch
    {
        AgencyKind.CentralAgency => provincePlan.CentralPlanDeadline,
        AgencyKind.CommuneCommittee => provincePlan.CommunePlanDeadline,
        _ => provincePlan.DepartmentPlanDeadline,
    };

    /// <summary>
    /// A body created after its kind's deadline (a merged department, a new commune) cannot have issued its
    /// plan by then: it has <see cref="NewBodyDays"/> days from its first day.
    /// </summary>
    public static DateOnly? DeadlineFor(Plan provincePlan, Agency agency) =>
        DeadlineFor(provincePlan, agency.Kind) is DateOnly d && agency.ValidFrom is DateOnly from && from > d ? from.AddDays(NewBodyDays) : DeadlineFor(provincePlan, agency.Kind);

    /// <summary>A month, about the time the province gives its departments after it issues its plan (15/01 for a plan of late December).</summary>
    public const int NewBodyDays = 30;

    /// <summary>Creates the agency's plan, or returns the one it already has (so a repeated post makes one plan).</summary>
    public async Task<Outcome<int>> CreateAgencyPlanAsync(int provincePlanId, int agencyId, CancellationToken ct = default)
    {
        var existing = await db.Plans.Where(p => p.ParentPlanId == provincePlanId && p.OwnerAgencyId == agencyId)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is int id) return Outcome<int>.Ok(id);

        var source = await PlanQueries.LoadAsync(db, provincePlanId, ct);
        if (source is null) return Outcome<int>.NotFound();
        if (source.OwnerAgencyId is not null)
            return Outcome<int>.Invalid("Plan", "Chỉ lập kế hoạch của cơ quan từ kế hoạch của tỉnh.");
        if (source.Status != PlanStatus.Issued)
            return Outcome<int>.Invalid("Plan", "Kế hoạch của tỉnh chưa ban hành; hãy chờ Sở Nội vụ ban hành rồi lập kế hoạch của cơ quan.");
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        var match = await AgencyMatch.LoadAsync(db, agencyId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (agency is null || match is null) return Outcome<int>.Invalid("Agency", "Không tìm thấy cơ quan trong danh mục.");

        var mine = source.Activities.Where(a => a.CancelledAtUtc is null && a.Assignments.Any(match.Covers)).OrderBy(a => a.Order).ToList();
        var plan = new Plan
        {
            ParentPlanId = source.Id,
            OwnerAgencyId = agencyId,
            Status = PlanStatus.Draft,
            Title = $"Kế hoạch cải cách hành chính năm {source.FromYear} của {agency.Name}",
            DocumentType = "Kế hoạch",
            Issuer = agency.Name,
            FromYear = source.FromYear,
            ToYear = source.ToYear,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Version = Guid.NewGuid(),
        };

        // Keep all areas (the agency may add its own work anywhere), and the tasks and targets its activities hang from.
        var areas = source.Areas.OrderBy(a => a.Order).ToDictionary(a => a.Id, a => new PlanArea { Code = a.Code, Title = a.Title, Order = a.Order });
        plan.Areas.AddRange(areas.Values);
        var taskIds = mine.Where(a => a.TaskId is not null).Select(a => a.TaskId!.Value).ToHashSet();
        var tasks = source.Tasks.Where(t => taskIds.Contains(t.Id)).OrderBy(t => t.Order).ToDictionary(t => t.Id, t => new PlanTask
        {
            Code = t.Code, Text = t.Text, TargetCodes = t.TargetCodes, Order = t.Order,
            Area = t.AreaId is int a ? areas[a] : null,
        });
        plan.Tasks.AddRange(tasks.Values);
        var targetKeys = source.Tasks.Where(t => taskIds.Contains(t.Id))
            .SelectMany(t => PlanMapper.SplitCodes(t.TargetCodes).Select(c => (t.AreaId, c))).ToHashSet();
        foreach (var t in source.Targets.Where(t => t.Code is not null && targetKeys.Contains((t.AreaId, t.Code))).OrderBy(t => t.Order))
            plan.Targets.Add(new PlanTarget
            {
                Code = t.Code, Text = t.Text, Order = t.Order, Version = Guid.NewGuid(),
                Area = t.AreaId is int a ? areas[a] : null,
                Measures = t.Measures.Select(m => new TargetMeasure { Level = m.Level, Comparator = m.Comparator, Value = m.Value, Unit = m.Unit }).ToList(),
            });
        var order = 0;
        foreach (var a in mine)
        {
            plan.Activities.Add(new Activity
            {
                SourceActivityId = a.Id,
                Code = a.Code, Text = a.Text, Outputs = a.Outputs, Budget = a.Budget,
                DueText = a.DueText, DueKind = a.DueKind, DueStart = a.DueStart, DueEnd = a.DueEnd,
                Area = a.AreaId is int ar ? areas[ar] : null,
                Task = a.TaskId is int t && tasks.TryGetValue(t, out var task) ? task : null,
                Order = order++,
                Version = Guid.NewGuid(),
                Assignments = a.Assignments.OrderBy(x => x.Order).Select(x => new Assignment
                { Role = x.Role, Name = x.Name, AgencyId = x.AgencyId, GroupId = x.GroupId, Order = x.Order }).ToList(),
            });
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(plan.Id);
    }

    public async Task<CascadeReport?> ReportAsync(int provincePlanId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == provincePlanId && p.OwnerAgencyId == null, ct);
        if (plan is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var agencies = (await db.Agencies.AsNoTracking().Where(a => ExpectedKinds.Contains(a.Kind)).ToListAsync(ct))
            .Where(a => a.IsCurrent(today)).OrderBy(a => Array.IndexOf(ExpectedKinds, a.Kind)).ThenBy(a => a.Name).ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => p.ParentPlanId == provincePlanId && p.OwnerAgencyId != null)
            .Select(p => new { p.Id, p.OwnerAgencyId, p.Status, p.IssuedAtUtc, p.IssuedOn }).ToListAsync(ct);

        var rows = agencies.Select(a =>
        {
            var deadline = DeadlineFor(plan, a);
            var own = plans.FirstOrDefault(p => p.OwnerAgencyId == a.Id);
            // On time is judged by the signed document's date; the day someone pressed "ban hành" only when no date was entered.
            var issuedOn = own?.IssuedOn ?? (own?.IssuedAtUtc is DateTime at ? Domain.VietnamTime.ToLocalDate(at) : (DateOnly?)null);
            var state = own is null ? AgencyPlanState.Missing
                : own.Status != PlanStatus.Issued ? AgencyPlanState.Draft
                : deadline is DateOnly d && issuedOn > d ? AgencyPlanState.IssuedLate
                : AgencyPlanState.IssuedOnTime;
            var overdue = state is AgencyPlanState.Missing or AgencyPlanState.Draft && deadline is DateOnly dl && today > dl;
            return new AgencyPlanStatus(a.Id, a.Name, a.Kind, deadline, own?.Id, state, own?.IssuedAtUtc, overdue,
                own?.Status == PlanStatus.Issued ? issuedOn : null, own?.IssuedOn is not null);
        }).ToList();
        return new CascadeReport(plan.Id, plan.Title, rows);
    }
}
