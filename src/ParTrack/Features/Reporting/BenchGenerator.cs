using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Demo;

namespace ParTrack.Features.Reporting;

/// <summary>
/// `partrack bench-generate DBPATH`: the large generated province for the reporting benchmark — 300
/// generated departments (plus the demo bodies and accounts), a province plan of 300 activities in 10
/// areas (100 led by "Các sở, ban, ngành cấp tỉnh", so every department reports on them), 300 agency
/// plans of 100 activities each, and the four 2025 periods with every department's report (Q1–Q3 mostly
/// accepted, some late, the year report missing for some): about 120,000 activity entries.
/// Bulk rows go through a plain context (no audit rows: this is generated data, not user work).
/// </summary>
public static class BenchGenerator
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout)
    {
        var watch = Stopwatch.StartNew();
        string connection;
        using (var scope = services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            await db.MigrateAsync();
            await DemoData.SeedIfEmptyAsync(sp, withPlans: false);
            if (await db.Set<AgencyReport>().AnyAsync()) { stdout.WriteLine("Cơ sở dữ liệu đã có báo cáo; hãy dùng một tệp mới."); return 1; }
            connection = sp.GetRequiredService<DatabaseSettings>().ConnectionString;
        }
        var random = new Random(2025);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options;

        int provincePlanId;
        await using (var db = new AppDbContext(options))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var agencies = Enumerable.Range(1, 300).Select(i => new Agency
            {
                Name = $"Sở thử nghiệm {i:000}", ShortName = $"STN{i:000}", Kind = AgencyKind.Department, Level = AdminLevel.Province,
            }).ToList();
            db.Agencies.AddRange(agencies);
            await db.SaveChangesAsync();
            var group = await db.AgencyGroups.FirstAsync(g => g.Name == "Các sở, ban, ngành cấp tỉnh");

            var plan = new Plan
            {
                Title = "Kế hoạch CCHC năm 2025 (tỉnh thử nghiệm lớn)", FromYear = 2025, ToYear = 2025, Status = PlanStatus.Issued,
                CreatedAtUtc = DateTime.UtcNow, IssuedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            for (var a = 1; a <= 10; a++) plan.Areas.Add(new PlanArea { Code = ToRoman(a), Title = $"Lĩnh vực cải cách {a}", Order = a });
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var activities = new List<Activity>();
            for (var i = 1; i <= 300; i++)
            {
                var quarter = (i - 1) % 4;
                activities.Add(new Activity
                {
                    PlanId = plan.Id, AreaId = plan.Areas[(i - 1) % 10].Id, Code = $"{(i - 1) % 10 + 1}.{(i - 1) / 10 + 1}",
                    Text = $"Hoạt động cải cách hành chính số {i} của kế hoạch tỉnh", DueKind = "by", DueText = $"Quý {quarter + 1}/2025",
                    DueStart = new DateOnly(2025, quarter * 3 + 1, 1), DueEnd = new DateOnly(2025, quarter * 3 + 3, 28), Order = i, Version = Guid.NewGuid(),
                    Assignments = [i <= 100
                        ? new Assignment { Role = AssignmentRole.Lead, Name = group.Name, GroupId = group.Id }
                        : new Assignment { Role = AssignmentRole.Lead, Name = agencies[(i - 101) % 300].Name, AgencyId = agencies[(i - 101) % 300].Id }],
                });
            }
            db.AddRange(activities);
            await db.SaveChangesAsync();
            provincePlanId = plan.Id;

            // 300 agency plans × 100 activities, made from the province activities each agency leads.
            foreach (var chunk in agencies.Chunk(30))
            {
                foreach (var agency in chunk)
                {
                    var own = new Plan
                    {
                        ParentPlanId = plan.Id, OwnerAgencyId = agency.Id, Title = $"Kế hoạch CCHC năm 2025 của {agency.Name}", FromYear = 2025, ToYear = 2025,
                        Status = PlanStatus.Issued, CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
                    };
                    for (var i = 0; i < 100; i++)
                        own.Activities.Add(new Activity
                        {
                            SourceActivityId = activities[i].Id, Code = $"{i + 1}", Text = activities[i].Text + $" tại {agency.ShortName}",
                            DueKind = "by", DueStart = activities[i].DueStart, DueEnd = activities[i].DueEnd, Order = i + 1, Version = Guid.NewGuid(),
                            Assignments = [new Assignment { Role = AssignmentRole.Lead, Name = agency.Name, AgencyId = agency.Id }],
                        });
                    db.Plans.Add(own);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        stdout.WriteLine($"Kế hoạch và cơ quan: {watch.Elapsed.TotalSeconds:0.0} s");

        using (var scope = services.CreateScope())
        {
            var opened = await scope.ServiceProvider.GetRequiredService<ReportPeriods>().OpenYearAsync(provincePlanId, 2025, 14, 18);
            if (!opened.IsOk) throw new InvalidOperationException(opened.Message);
        }

        var entries = 0;
        await using (var db = new AppDbContext(options))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var obligations = new Obligations(db);
            var periods = await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.PlanId == provincePlanId).OrderBy(p => p.Deadline).ToListAsync();
            foreach (var period in periods)
            {
                var isYear = period.Kind == ReportingPeriodKind.Year;
                foreach (var chunk in (await obligations.ForPeriodAsync(period)).Chunk(25))
                {
                    foreach (var o in chunk)
                    {
                        var roll = random.Next(100);
                        if (isYear && roll < 30) continue;   // the year report is missing for some
                        var deadline = period.Deadline.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                        var submitted = deadline.AddDays(roll < 15 ? random.Next(1, 12) : -random.Next(0, 5));
                        var state = isYear ? (roll < 60 ? ReportState.Submitted : ReportState.Draft)
                            : roll < 80 ? ReportState.Accepted : roll < 90 ? ReportState.Returned : ReportState.Submitted;
                        var report = new AgencyReport
                        {
                            PeriodId = period.Id, AgencyId = o.AgencyId, State = state, Revision = state == ReportState.Draft ? 0 : 1,
                            FirstSubmittedAtUtc = state == ReportState.Draft ? null : submitted, SubmittedAtUtc = state == ReportState.Draft ? null : submitted,
                            ReviewedAtUtc = state is ReportState.Accepted or ReportState.Returned ? submitted.AddDays(3) : null,
                            Results = $"Kết quả {period.Title} của {o.AgencyName}.", UpdatedAtUtc = submitted, Version = Guid.NewGuid(),
                        };
                        foreach (var id in o.Leads)
                        {
                            var s = (ReportedStatus)random.Next(0, 4);
                            report.Entries.Add(new ReportEntry
                            {
                                ActivityId = id, Leads = true, Status = s, Percent = s is ReportedStatus.Done or ReportedStatus.DoneLate ? 100 : random.Next(0, 90),
                                WorkDone = "Đã triển khai theo kế hoạch, ban hành văn bản hướng dẫn và tổ chức thực hiện.",
                            });
                        }
                        foreach (var id in o.Supports) report.Entries.Add(new ReportEntry { ActivityId = id, Leads = false });
                        entries += report.Entries.Count;
                        db.Add(report);
                    }
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
        }
        stdout.WriteLine($"Đã tạo tỉnh thử nghiệm lớn: {entries} mục báo cáo, {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    static string ToRoman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X" };
}
