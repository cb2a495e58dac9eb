using ParTrack.Data;

namespace ParTrack.Features.Plans;

/// <summary>What to show of a plan: all of it, or the activities of one area, agency, due window or status.</summary>
public sealed record PlanFilter(int? AreaId = null, int? AgencyId = null, DateOnly? DueFrom = null, DateOnly? DueTo = null,
    ActivityStatus? Status = null, bool UnresolvedOnly = false)
{
    public bool IsEmpty => this == new PlanFilter();

    public bool Matches(Activity a, AgencyMatch? agency)
    {
        if (AreaId is int area && a.AreaId != area) return false;
        if (Status is ActivityStatus s && a.Status != s) return false;
        if (UnresolvedOnly && a.Assignments.All(x => x.IsResolved)) return false;
        if (agency is not null && !a.Assignments.Any(agency.Covers)) return false;
        // A due window keeps activities whose time overlaps it; undated ones only when no window is set.
        var end = a.DueEnd ?? a.DueStart;
        var start = a.DueStart ?? a.DueEnd;
        if (DueFrom is DateOnly f && (end is null || end < f)) return false;
        if (DueTo is DateOnly t && (start is null || start > t)) return false;
        return true;
    }
}

/// <summary>One line of the framework table. Spans are set on the first line of a target or task only.</summary>
public sealed record FrameworkRow(
    int? TargetSpan, string? TargetNumber, PlanTarget? Target,
    int? TaskSpan, PlanTask? Task,
    Activity? Activity);

public sealed record FrameworkArea(PlanArea? Area, IReadOnlyList<FrameworkRow> Rows);

/// <summary>
/// The plan laid out as the document's appendix: per area, each target spans its tasks and each task
/// spans its activities (TT | Mục tiêu | Nhiệm vụ | Hoạt động | Kết quả | Chủ trì | Phối hợp | Thời gian | Kinh phí).
/// </summary>
public static class FrameworkTable
{
    public static IReadOnlyList<FrameworkArea> Build(Plan plan, PlanFilter? filter = null, AgencyMatch? agency = null)
    {
        filter ??= new PlanFilter();
        var filtering = !filter.IsEmpty || agency is not null;
        var activities = plan.Activities.Where(a => filter.Matches(a, agency)).OrderBy(a => a.Order).ToList();
        var result = new List<FrameworkArea>();

        var areas = plan.Areas.OrderBy(a => a.Order).Cast<PlanArea?>().ToList();
        areas.Add(null); // items with no area go last
        foreach (var area in areas)
        {
            var areaId = area?.Id;
            var areaActivities = activities.Where(a => a.AreaId == areaId).ToList();
            var tasks = plan.Tasks.Where(t => t.AreaId == areaId).OrderBy(t => t.Order).ToList();
            var targets = plan.Targets.Where(t => t.AreaId == areaId).OrderBy(t => t.Order).ToList();
            if (filtering && areaActivities.Count == 0) continue;
            if (area is null && areaActivities.Count == 0 && tasks.Count == 0 && targets.Count == 0) continue;
            if (filter.AreaId is int only && areaId != only) continue;

            // Each task sits under the first target it serves; tasks serving none come after the targets.
            var taskTarget = tasks.ToDictionary(t => t,
                t => PlanMapper.SplitCodes(t.TargetCodes).Select(c => targets.FirstOrDefault(x => x.Code == c)).FirstOrDefault(x => x is not null));
            var rows = new List<FrameworkRow>();
            var number = 0;
            foreach (var target in targets.Cast<PlanTarget?>().Append(null))
            {
                var block = new List<(PlanTask? Task, List<Activity?> Acts)>();
                foreach (var task in tasks.Where(t => taskTarget[t] == target))
                {
                    var acts = areaActivities.Where(a => a.TaskId == task.Id).Cast<Activity?>().ToList();
                    if (acts.Count == 0 && filtering) continue;
                    if (acts.Count == 0) acts.Add(null);
                    block.Add((task, acts));
                }
                if (target is null)
                {
                    var loose = areaActivities.Where(a => a.TaskId is null || tasks.All(t => t.Id != a.TaskId)).Cast<Activity?>().ToList();
                    if (loose.Count > 0) block.Add((null, loose));
                }
                else if (block.Count == 0)
                {
                    if (filtering) continue;
                    block.Add((null, [null]));
                }
                if (block.Count == 0) continue;

                var span = block.Sum(b => b.Acts.Count);
                var first = true;
                if (target is not null) number++;
                foreach (var (task, acts) in block)
                {
                    var firstOfTask = true;
                    foreach (var act in acts)
                    {
                        rows.Add(new FrameworkRow(
                            first ? span : null, first && target is not null ? number.ToString() : null, first ? target : null,
                            firstOfTask ? acts.Count : null, firstOfTask ? task : null, act));
                        first = false;
                        firstOfTask = false;
                    }
                }
            }
            result.Add(new FrameworkArea(area, rows));
        }
        return result;
    }

    public static string Numbered(string? code, string text) => string.IsNullOrEmpty(code) ? text : $"{code}. {text}";

    public static string Names(Activity a, AssignmentRole role) =>
        string.Join("; ", a.Assignments.Where(x => x.Role == role).OrderBy(x => x.Order).Select(x => x.Name));
}
