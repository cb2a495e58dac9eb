using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <summary>Opens a plan year's periods (with the plan's calendar) and ad-hoc requests.</summary>
public sealed class ReportPeriods(AppDbContext db, TimeProvider clock, Dashboard.DashboardCache? dashboards = null)
{
    public async Task<ReportingCalendar> CalendarAsync(int planId, CancellationToken ct = default)
    {
        var own = await db.Set<PlanReportingCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId, ct);
        return own is null ? ReportingCalendar.Decree09 : new ReportingCalendar(own.CutOffDay, own.SubmitDay);
    }

    /// <summary>
    /// Saves the plan's calendar and creates the year's four periods with it; periods already open keep
    /// their dates unless they have no report yet (then they move to the new calendar). Days left out
    /// (null) come from the calendar saved for the plan, so the periods always use the plan's calendar.
    /// </summary>
    public async Task<Outcome<int>> OpenYearAsync(int planId, int year, int? cutOffDay = null, int? submitDay = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.OwnerAgencyId == null, ct);
        if (plan is null) return Outcome<int>.NotFound();
        if (year < plan.FromYear || year > plan.ToYear)
            return Outcome<int>.Invalid("Year", $"Năm {year} nằm ngoài thời gian của kế hoạch ({plan.FromYear}–{plan.ToYear}). Hãy chọn năm trong khoảng đó.");
        var saved = await CalendarAsync(planId, ct);
        var calendar = new ReportingCalendar(cutOffDay ?? saved.CutOffDay, submitDay ?? saved.SubmitDay);
        var errors = calendar.Validate();
        if (errors.Count > 0) return Outcome<int>.Invalid(errors.ToDictionary(e => e.Field, e => e.Message));

        var own = await db.Set<PlanReportingCalendar>().FirstOrDefaultAsync(c => c.PlanId == planId, ct);
        if (own is null) db.Add(new PlanReportingCalendar { PlanId = planId, CutOffDay = calendar.CutOffDay, SubmitDay = calendar.SubmitDay });
        else { own.CutOffDay = calendar.CutOffDay; own.SubmitDay = calendar.SubmitDay; }

        var existing = await db.Set<ReportPeriod>().Where(p => p.PlanId == planId && p.Year == year && p.Kind != ReportingPeriodKind.AdHoc).ToListAsync(ct);
        var withReports = await db.Set<AgencyReport>().Where(r => existing.Select(p => p.Id).Contains(r.PeriodId)).Select(r => r.PeriodId).Distinct().ToListAsync(ct);
        foreach (var d in ReportingPeriods.ForYear(year, calendar))
        {
            var period = existing.FirstOrDefault(p => p.Kind == d.Kind);
            if (period is null)
            {
                period = new ReportPeriod { PlanId = planId, Year = year, Kind = d.Kind, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
                db.Add(period);
            }
            else if (withReports.Contains(period.Id)) continue;
            period.Title = d.Title;
            period.DataFrom = d.DataFrom;
            period.DataTo = d.DataTo;
            period.Deadline = d.Deadline;
        }
        await db.SaveChangesAsync(ct);
        dashboards?.Changed();
        return Outcome<int>.Ok(planId);
    }

    public async Task<Outcome<int>> RequestAdHocAsync(int planId, string title, string questions, DateOnly dataFrom, DateOnly dataTo,
        DateOnly deadline, IReadOnlyCollection<int> agencyIds, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.OwnerAgencyId == null, ct);
        if (plan is null) return Outcome<int>.NotFound();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) errors["Title"] = "Hãy nhập tên yêu cầu báo cáo.";
        if (string.IsNullOrWhiteSpace(questions)) errors["Questions"] = "Hãy nhập nội dung cần các cơ quan báo cáo.";
        if (agencyIds.Count == 0) errors["AgencyIds"] = "Hãy chọn ít nhất một cơ quan phải báo cáo.";
        Limits.Check(errors, "Title", "Tên yêu cầu", title.Trim(), Limits.Name);
        Limits.Check(errors, "Questions", "Nội dung cần báo cáo", questions.Trim(), Limits.LongText);
        var (_, periodErrors) = ReportingPeriods.AdHoc(deadline.Year, dataFrom, dataTo, deadline);
        foreach (var e in periodErrors) errors[e.Field] = e.Message;
        if (errors.Count > 0) return Outcome<int>.Invalid(errors);

        var known = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var period = new ReportPeriod
        {
            PlanId = planId, Year = deadline.Year, Kind = ReportingPeriodKind.AdHoc, Title = title.Trim(), Questions = questions.Trim(),
            DataFrom = dataFrom, DataTo = dataTo, Deadline = deadline, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Agencies = known.Select(id => new ReportRequestAgency { AgencyId = id }).ToList(),
        };
        db.Add(period);
        foreach (var id in known)
            db.Add(new Notifications.Notification
            {
                AgencyId = id, CreatedAtUtc = period.CreatedAtUtc,
                Text = $"Yêu cầu báo cáo đột xuất: {period.Title}. Hạn gửi {deadline:dd/MM/yyyy}.",
            });
        await db.SaveChangesAsync(ct);
        // Link the notifications now that the period has an id.
        foreach (var n in db.ChangeTracker.Entries<Notifications.Notification>().Select(e => e.Entity).Where(n => n.Url is null))
            n.Url = $"/Reports/Periods/{period.Id}/Agencies/{n.AgencyId}";
        await db.SaveChangesAsync(ct);
        dashboards?.Changed();
        return Outcome<int>.Ok(period.Id);
    }
}
