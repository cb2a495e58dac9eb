using ParTrack.Features.Agencies;
using ParTrack.Data;
using J = ParTrack.Import;

namespace ParTrack.Features.Plans;

/// <summary>Plan JSON (the contract) ⇄ plan entities. Pure: no database access.</summary>
public static class PlanMapper
{
    /// <summary>
    /// A new draft plan from plan JSON. Lead/support names are resolved through <paramref name="resolve"/>;
    /// names it cannot place stay with no agency or group so the plan page can flag them.
    /// </summary>
    public static Plan ToEntity(J.PlanJson json, ResolveName resolve, DateTime nowUtc, int fallbackYear)
    {
        var d = json.Document;
        var fromYear = d.FromYear ?? d.ToYear ?? fallbackYear;
        var plan = new Plan
        {
            Status = PlanStatus.Draft,
            Title = d.Title ?? "",
            Number = d.Number,
            DocumentType = d.Type,
            Issuer = d.Issuer,
            Place = d.Place,
            IssuedOn = d.IssuedOn,
            Signer = d.Signer,
            FromYear = fromYear,
            ToYear = d.ToYear ?? fromYear,
            CreatedAtUtc = nowUtc,
            Version = Guid.NewGuid(),
        };
        SetDefaultDeadlines(plan);

        var areas = new Dictionary<string, PlanArea>();
        foreach (var a in json.Areas)
        {
            var area = new PlanArea { Code = a.Code, Title = a.Title, Order = plan.Areas.Count };
            plan.Areas.Add(area);
            areas.TryAdd(a.Code, area);
        }
        PlanArea? AreaOf(string? code) => code is not null && areas.TryGetValue(code, out var a) ? a : null;

        foreach (var t in json.Targets)
        {
            plan.Targets.Add(new PlanTarget
            {
                Code = t.Code,
                Area = AreaOf(t.Area),
                Text = t.Text,
                Order = plan.Targets.Count,
                Version = Guid.NewGuid(),
                Measures = t.Measures.Select(m => new TargetMeasure
                { Level = m.Level, Comparator = m.Comparator, Value = m.Value, Unit = m.Unit }).ToList(),
            });
        }

        // Task codes restart in each area, so an activity finds its task by (area, code).
        var tasks = new Dictionary<(string?, string), PlanTask>();
        foreach (var t in json.Tasks)
        {
            var task = new PlanTask
            {
                Code = t.Code,
                Area = AreaOf(t.Area),
                Text = t.Text,
                TargetCodes = string.Join(",", t.Targets),
                Order = plan.Tasks.Count,
            };
            plan.Tasks.Add(task);
            if (t.Code is not null) tasks.TryAdd((t.Area, t.Code), task);
        }

        foreach (var a in json.Activities)
        {
            var activity = new Activity
            {
                Code = a.Code,
                Area = AreaOf(a.Area),
                Task = a.Task is not null && tasks.TryGetValue((a.Area, a.Task), out var task) ? task : null,
                Text = a.Text,
                Outputs = a.Outputs,
                DueText = a.Due.Text,
                DueKind = a.Due.Kind,
                DueStart = a.Due.Start,
                DueEnd = a.Due.End,
                Budget = a.Budget,
                Order = plan.Activities.Count,
                Version = Guid.NewGuid(),
            };
            AddAssignments(activity, AssignmentRole.Lead, a.Lead, resolve);
            AddAssignments(activity, AssignmentRole.Support, a.Support, resolve);
            plan.Activities.Add(activity);
        }
        return plan;
    }

    public static void AddAssignments(Activity activity, AssignmentRole role, IEnumerable<string> names, ResolveName resolve)
    {
        foreach (var name in names)
        {
            var trimmed = name.Trim();
            if (trimmed.Length == 0) continue;
            var hit = resolve(trimmed);
            activity.Assignments.Add(new Assignment
            {
                Role = role,
                Name = trimmed,
                AgencyId = hit?.AgencyId,
                GroupId = hit?.GroupId,
                Order = activity.Assignments.Count,
            });
        }
    }

    /// <summary>
    /// The days agency plans are due, as Hà Tĩnh's plans set them (§VI): departments and districts by
    /// 15/01, central agencies by 31/01, communes by 05/02 of the plan's first year.
    /// </summary>
    public static void SetDefaultDeadlines(Plan plan)
    {
        if (plan.FromYear <= 0) return;
        plan.DepartmentPlanDeadline ??= new DateOnly(plan.FromYear, 1, 15);
        plan.CentralPlanDeadline ??= new DateOnly(plan.FromYear, 1, 31);
        plan.CommunePlanDeadline ??= new DateOnly(plan.FromYear, 2, 5);
    }

    /// <summary>
    /// Plan JSON from a loaded plan (areas, targets with measures, tasks, activities with assignments
    /// must be included).
    /// </summary>
    public static J.PlanJson ToJson(Plan plan)
    {
        var areaCode = plan.Areas.ToDictionary(a => a.Id, a => a.Code);
        string? CodeOf(int? areaId, PlanArea? nav) =>
            nav?.Code ?? (areaId is int id && areaCode.TryGetValue(id, out var c) ? c : null);
        var taskCode = plan.Tasks.ToDictionary(t => t.Id, t => t.Code);

        return new J.PlanJson
        {
            Document = new J.PlanDocumentInfo
            {
                Number = plan.Number,
                Type = plan.DocumentType,
                Issuer = plan.Issuer,
                Place = plan.Place,
                IssuedOn = plan.IssuedOn,
                Signer = plan.Signer,
                Title = plan.Title.Length == 0 ? null : plan.Title,
                FromYear = plan.FromYear == 0 ? null : plan.FromYear,
                ToYear = plan.ToYear == 0 ? null : plan.ToYear,
            },
            Areas = plan.Areas.OrderBy(a => a.Order).Select(a => new J.PlanArea(a.Code, a.Title)).ToList(),
            Targets = plan.Targets.OrderBy(t => t.Order).Select(t => new J.PlanTarget
            {
                Code = t.Code,
                Area = CodeOf(t.AreaId, t.Area),
                Text = t.Text,
                Measures = t.Measures.OrderBy(m => m.Id).Select(m => new J.Measure(m.Level, m.Comparator, Normalize(m.Value), m.Unit)).ToList(),
            }).ToList(),
            Tasks = plan.Tasks.OrderBy(t => t.Order).Select(t => new J.PlanTaskItem
            {
                Code = t.Code,
                Area = CodeOf(t.AreaId, t.Area),
                Targets = SplitCodes(t.TargetCodes),
                Text = t.Text,
            }).ToList(),
            Activities = plan.Activities.OrderBy(a => a.Order).Select(a => new J.PlanActivity
            {
                Code = a.Code,
                Task = a.Task?.Code ?? (a.TaskId is int id && taskCode.TryGetValue(id, out var c) ? c : null),
                Area = CodeOf(a.AreaId, a.Area),
                Text = a.Text,
                Outputs = a.Outputs,
                Lead = Names(a, AssignmentRole.Lead),
                Support = Names(a, AssignmentRole.Support),
                Due = new J.Due(a.DueText, a.DueKind, a.DueStart, a.DueEnd),
                Budget = a.Budget,
                Cancelled = a.CancelledAtUtc is DateTime at ? new J.Cancellation(at, a.CancelReason) : null,
            }).ToList(),
        };
    }

    // Databases hand decimals back with their column's scale (100.0000); plan JSON writes 100.
    static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    public static List<string> SplitCodes(string codes) =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    static List<string> Names(Activity a, AssignmentRole role) =>
        a.Assignments.Where(x => x.Role == role).OrderBy(x => x.Order).Select(x => x.Name).ToList();
}
