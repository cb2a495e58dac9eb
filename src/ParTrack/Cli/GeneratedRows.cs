using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;

namespace ParTrack.Cli;

/// <summary>Generated agency plans waiting to be written: ids given on <see cref="Add"/>, rows parents first.</summary>
sealed class PlanRows
{
    public List<Plan> Plans { get; } = [];
    readonly List<PlanArea> _areas = [];
    readonly List<Activity> _activities = [];
    readonly List<Assignment> _assignments = [];

    /// <summary>Takes a plan with its areas (ids set) and activities; numbers the activities and their assignments.</summary>
    public void Add(Plan plan, BulkRows bulk)
    {
        Plans.Add(plan);
        _areas.AddRange(plan.Areas);
        foreach (var activity in plan.Activities)
        {
            activity.Id = bulk.NextId<Activity>();
            activity.PlanId = plan.Id;
            _activities.Add(activity);
            foreach (var assignment in activity.Assignments)
            {
                assignment.Id = bulk.NextId<Assignment>();
                assignment.ActivityId = activity.Id;
                _assignments.Add(assignment);
            }
        }
    }

    public async Task WriteAsync(BulkRows bulk)
    {
        await bulk.WriteAsync(Plans);
        await bulk.WriteAsync(_areas);
        await bulk.WriteAsync(_activities);
        await bulk.WriteAsync(_assignments);
        Plans.Clear(); _areas.Clear(); _activities.Clear(); _assignments.Clear();
    }
}

/// <summary>Generated reports waiting to be written with their entries.</summary>
sealed class ReportRows
{
    readonly List<AgencyReport> _reports = [];
    public List<ReportEntry> Entries { get; } = [];

    /// <summary>Takes a report (id set) and numbers its entries.</summary>
    public void Add(AgencyReport report, BulkRows bulk)
    {
        _reports.Add(report);
        foreach (var entry in report.Entries)
        {
            entry.Id = bulk.NextId<ReportEntry>();
            entry.ReportId = report.Id;
            Entries.Add(entry);
        }
    }

    public async Task WriteAsync(BulkRows bulk)
    {
        await bulk.WriteAsync(_reports);
        await bulk.WriteAsync(Entries);
        _reports.Clear(); Entries.Clear();
    }
}
