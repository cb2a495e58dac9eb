using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// Reports of the demo agencies on the 2025 province plan, so a new user sees a living dashboard. The
    /// demo plan is 2025 while the demo runs later, so all four 2025 periods are open and past due:
    /// Q1 all sent and accepted (a few late, a few returned once and resubmitted); 6 months mostly accepted,
    /// some still returned, a few never sent; Q3 partly accepted, partly waiting for review, some returned,
    /// some missing; the year report sent by a quarter of the agencies. Sở Nội vụ's year report is left as
    /// a draft so the demo officer (snv) can walk one report from draft to accepted.
    /// Every step goes through ReportWork on a clock set to the day it would have happened, so
    /// timeliness, versions and activity statuses are exactly what real use would give.
    /// </summary>
    public static async Task SeedReportsAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var planId = await db.Plans.Where(p => p.OwnerAgencyId == null && p.Status == PlanStatus.Issued && p.FromYear <= 2025 && p.ToYear >= 2025)
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null) return;
        var opened = await new ReportPeriods(db, services.GetRequiredService<TimeProvider>()).OpenYearAsync(planId.Value, 2025, 14, 18, ct);
        if (!opened.IsOk) return;
        var periods = await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.PlanId == planId && p.Kind != ReportingPeriodKind.AdHoc)
            .OrderBy(p => p.Deadline).ToListAsync(ct);
        var obligations = new Obligations(db);
        var snv = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);

        for (var k = 0; k < periods.Count; k++)
        {
            var period = periods[k];
            var owed = (await obligations.ForPeriodAsync(period, ct)).Where(o => o.Leads.Count > 0).ToList();
            for (var i = 0; i < owed.Count; i++)
            {
                var o = owed[i];
                var plan = DemoStep(period.Kind, i, o.AgencyId == snv);
                if (plan.Draft is false && plan.SubmitDay is null) continue;   // never opened: missing
                var deadline = period.Deadline.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                var clock = new DemoClock(deadline.AddDays(plan.SubmitDay ?? -5));
                var work = new ReportWork(db, obligations, clock);
                db.ChangeTracker.Clear();
                var id = await work.EnsureAsync(period.Id, o.AgencyId, ct);
                if (id is null) continue;
                var report = (await work.LoadAsync(id.Value, ct))!;
                var entries = report.Entries.Where(e => e.Leads).Select(e => Entry(e, k, i, period)).ToList();
                var saved = await work.SaveDraftAsync(id.Value, report.Version, new DraftInput(
                    $"{o.AgencyName} đã triển khai các nhiệm vụ cải cách hành chính {period.Title} theo kế hoạch của UBND tỉnh; " +
                    "ban hành văn bản hướng dẫn, kiện toàn bộ phận một cửa và đẩy mạnh dịch vụ công trực tuyến.",
                    "Một số nhiệm vụ còn chậm do thiếu nhân lực chuyên trách; số hóa hồ sơ, kết quả giải quyết TTHC chưa đạt yêu cầu.",
                    i % 3 == 0 ? "Hạ tầng công nghệ thông tin tại một số đơn vị trực thuộc chưa đồng bộ." : null,
                    i % 4 == 0 ? "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ CCHC cho công chức đầu mối." : null,
                    null, entries, new Dictionary<int, decimal?>()), ct);
                if (!saved.IsOk || plan.Draft) continue;

                db.ChangeTracker.Clear();
                var submitted = await work.SubmitAsync(id.Value, saved.Value!.Version, o.AgencyName, ct);
                if (!submitted.IsOk) continue;
                if (plan.Review == DemoReview.None) continue;
                var version = submitted.Value!.Version;

                var reviewer = new ReportWork(db, obligations, new DemoClock(clock.Now.AddDays(3)));
                if (plan.Review is DemoReview.Return or DemoReview.ReturnThenAccept)
                {
                    db.ChangeTracker.Clear();
                    var first = (await reviewer.LoadAsync(id.Value, ct))!.Entries.First(e => e.Leads);
                    var returned = await reviewer.ReviewAsync(id.Value, version, accept: false,
                        "Đề nghị bổ sung minh chứng (văn bản, số liệu) cho các nhiệm vụ đã báo cáo hoàn thành.",
                        new Dictionary<int, string?> { [first.Id] = "Chưa có văn bản minh chứng; đề nghị bổ sung số hiệu, ngày ban hành." },
                        "coordinator", ct);
                    if (!returned.IsOk || plan.Review == DemoReview.Return) continue;
                    // The agency adds a document reference and sends again two days later.
                    var fixer = new ReportWork(db, obligations, new DemoClock(clock.Now.AddDays(5)));
                    db.ChangeTracker.Clear();
                    await fixer.AddDocumentAsync(id.Value, first.Id, $"{100 + i}/KH-{Short(o.AgencyName)}", DateOnly.FromDateTime(clock.Now.AddDays(-20)),
                        "Kế hoạch triển khai nhiệm vụ cải cách hành chính", ct);
                    db.ChangeTracker.Clear();
                    var again = await fixer.SubmitAsync(id.Value, await VersionAsync(db, id.Value, ct), o.AgencyName, ct);
                    if (!again.IsOk) continue;
                    reviewer = new ReportWork(db, obligations, new DemoClock(clock.Now.AddDays(7)));
                }
                db.ChangeTracker.Clear();
                await reviewer.ReviewAsync(id.Value, await VersionAsync(db, id.Value, ct), accept: true, null, new Dictionary<int, string?>(), "coordinator", ct);
            }
        }
        db.ChangeTracker.Clear();
        // The plan pages show the latest period's figures, as after any review in the app.
        await new Progress(db, obligations, services.GetRequiredService<TimeProvider>()).RecordStatesAsync(planId.Value, ct);
        db.ChangeTracker.Clear();
    }

    enum DemoReview { None, Accept, Return, ReturnThenAccept }

    /// <summary>What agency number i does in a period: submit day relative to the deadline (null = never), review, or stay a draft.</summary>
    static (int? SubmitDay, DemoReview Review, bool Draft) DemoStep(ReportingPeriodKind kind, int i, bool isSnv) => kind switch
    {
        ReportingPeriodKind.Q1 => (i % 5 == 3 ? 4 : -2, i % 7 == 2 ? DemoReview.ReturnThenAccept : DemoReview.Accept, false),
        ReportingPeriodKind.SixMonths => i % 9 == 4 ? (null, DemoReview.None, false)
            : (i % 4 == 1 ? 2 + i % 5 : -1, i % 6 == 5 ? DemoReview.Return : DemoReview.Accept, false),
        ReportingPeriodKind.Q3 => i % 8 == 7 ? (null, DemoReview.None, false)
            : (i % 5 == 2 ? 3 : -3, i % 10 == 1 ? DemoReview.Return : i % 3 == 0 ? DemoReview.None : DemoReview.Accept, false),
        _ => isSnv ? (null, DemoReview.None, true)
            : i % 4 == 0 ? (-1, DemoReview.None, false) : (null, DemoReview.None, false),
    };

    /// <summary>More work done as the year goes on (done stays done); the same activity gets the same answer for the same agency and period.</summary>
    static EntryInput Entry(ReportEntry e, int k, int i, ReportPeriod period)
    {
        // Carried forward from the agency's previous report: what was done stays done, as an officer would keep it.
        if (e.CarriedForward && e.Status is ReportedStatus.Done or ReportedStatus.DoneLate)
            return new EntryInput(e.Id, e.Status, 100, e.WorkDone, null, e.CompletedOn, Confirm: true);
        var h = (e.ActivityId * 31 + k * 7 + i) % 10;
        var status = h < 2 + 2 * k ? ReportedStatus.Done
            : h < 7 + k ? ReportedStatus.InProgress
            : k == 3 && h == 9 ? ReportedStatus.NotDone
            : ReportedStatus.NotStarted;
        return new EntryInput(e.Id, status, status == ReportedStatus.InProgress ? Math.Min(90, 20 + 20 * k + h * 3) : null,
            status switch
            {
                ReportedStatus.Done => "Đã hoàn thành, ban hành văn bản triển khai.",
                ReportedStatus.InProgress => "Đang triển khai, đã xây dựng dự thảo và lấy ý kiến các đơn vị.",
                _ => null,
            },
            status == ReportedStatus.NotDone ? "Nhiệm vụ được điều chỉnh theo chỉ đạo của UBND tỉnh." : null,
            status == ReportedStatus.Done ? period.DataTo.AddDays(-10) : null);
    }

    static Task<Guid> VersionAsync(AppDbContext db, int reportId, CancellationToken ct) =>
        db.Set<AgencyReport>().Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync(ct);

    static string Short(string name) => new(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])).ToArray());

    sealed class DemoClock(DateTime utc) : TimeProvider
    {
        public DateTime Now => utc;
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
