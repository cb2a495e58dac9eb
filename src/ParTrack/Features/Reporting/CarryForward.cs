using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

/// <summary>
/// A new period's report starts from the agency's latest submitted report of an earlier period of the same plan:
/// status, percent, completion date, reason, work done and target actuals, each marked "từ kỳ trước" until the
/// officer confirms or changes it. Done stays done (with its completion date) unless the officer changes it.
/// Evidence is not copied: it belongs to the period it was sent in.
/// </summary>
public static class CarryForward
{
    /// <summary>The report to start from: the latest earlier periodic report the agency ever submitted (null: none).</summary>
    public static Task<AgencyReport?> PreviousAsync(AppDbContext db, ReportPeriod period, int agencyId, CancellationToken ct) =>
        db.Set<AgencyReport>().AsNoTracking().Include(r => r.Period).Include(r => r.Entries).Include(r => r.Actuals).AsSplitQuery()
            .Where(r => r.AgencyId == agencyId && r.FirstSubmittedAtUtc != null && r.Period!.PlanId == period.PlanId
                        && r.Period.Kind != ReportingPeriodKind.AdHoc && r.Period.Deadline < period.Deadline)
            .OrderByDescending(r => r.Period!.Deadline).FirstOrDefaultAsync(ct);

    /// <summary>Copies the previous answers into the new report's entries and the actuals of measures the agency still answers for.</summary>
    public static void Apply(AgencyReport report, AgencyReport previous, IReadOnlySet<int> measureIds)
    {
        foreach (var e in report.Entries)
        {
            var p = previous.Entries.FirstOrDefault(x => x.ActivityId == e.ActivityId && x.Leads == e.Leads);
            if (p is null || (p.Status is null && p.WorkDone is null)) continue;
            e.Status = p.Status;
            e.Percent = p.Status is ReportedStatus.Done or ReportedStatus.DoneLate ? 100 : p.Percent;
            e.WorkDone = p.WorkDone;
            e.Reason = p.Reason;
            // A done activity keeps the day it was finished (the earlier report's cut-off when none was given),
            // so carrying it into a later period never makes it "hoàn thành quá hạn".
            e.CompletedOn = p.Status is ReportedStatus.Done or ReportedStatus.DoneLate ? p.CompletedOn ?? previous.Period!.DataTo : null;
            e.CarriedForward = true;
        }
        foreach (var a in previous.Actuals.Where(a => measureIds.Contains(a.MeasureId) && report.Actuals.All(x => x.MeasureId != a.MeasureId)))
            report.Actuals.Add(new MeasureActual { MeasureId = a.MeasureId, Value = a.Value, CarriedForward = true });
    }

    /// <summary>The officer's save: an answer that changed, or that the officer confirmed, is no longer "từ kỳ trước".</summary>
    public static void Confirm(ReportEntry e, EntryInput input, ReportedStatus? oldStatus, int? oldPercent, string? oldWork, string? oldReason, DateOnly? oldCompleted)
    {
        if (!e.CarriedForward) return;
        var changed = e.Status != oldStatus || e.Percent != oldPercent || e.WorkDone != oldWork || e.Reason != oldReason || e.CompletedOn != oldCompleted;
        if (changed || input.Confirm) e.CarriedForward = false;
    }
}
