using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Demo;
using ParTrack.Features.Reporting;

namespace ParTrack.Cli;

/// <summary>
/// The one large-province generator, for the benchmarks (hidden verbs):
///   partrack generate-large TARGET    a new SQLite file or an empty PostgreSQL database (connection string):
///                                     demo registry and accounts, the province and its plans
///   partrack bench-generate DBPATH    the same province for 2025, plus the four 2025 report periods
///                                     with reports (run on the app's services, see ReportingTools)
/// The province: 300 agencies with plans (Sở Nội vụ and 299 generated departments, districts and communes),
/// a province plan of 300 activities (issued) and 300 agency plans of 100 activities each, made like the
/// cascade does (copies of the agency's province work, then its own additions). Every province activity is led
/// by a group (departments, districts or communes) and supported by one agency, so every agency owes reports
/// with about 100 lead entries each.
/// Written without the audit interceptor: generated rows are not anyone's change.
/// </summary>
public static class GenerateLargeCommand
{
    /// <summary>How large the province is; tests use a small one.</summary>
    public sealed record Size(int AgencyPlans, int ProvinceActivities, int ActivitiesPerAgencyPlan)
    {
        public static readonly Size Full = new(300, 300, 100);
    }

    /// <summary>
    /// `generate-large TARGET`: a new database with the province and its plans for the current year. TARGET is
    /// a new SQLite file, or a PostgreSQL connection string ("Host=…;Database=…") whose database is new or empty.
    /// </summary>
    public static async Task<int> RunAsync(string target, TimeProvider clock, TextWriter stdout, TextWriter stderr, Size? size = null)
    {
        var postgres = IsPostgres(target);
        if (!postgres && File.Exists(target))
        {
            stderr.WriteLine($"Tệp {target} đã có. Lệnh này chỉ tạo cơ sở dữ liệu mới; hãy xóa tệp hoặc chọn đường dẫn khác.");
            return 1;
        }
        var connection = postgres ? target : $"Data Source={Path.GetFullPath(target)}";
        await using (var db = Open(connection))
        {
            await db.MigrateAsync();
            if (await db.Agencies.AnyAsync())
            {
                stderr.WriteLine("Cơ sở dữ liệu PostgreSQL này đã có dữ liệu. Lệnh này chỉ tạo cơ sở dữ liệu mới; hãy chọn một cơ sở dữ liệu trống.");
                return 1;
            }
            await DemoData.SeedAsync(db, new PasswordHasher<User>());
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await AddProvinceAsync(connection, now.Year, now, size ?? Size.Full, stdout);
        await using (var db = Open(connection))
            stdout.WriteLine($"Đã tạo {await db.Agencies.CountAsync()} cơ quan, {await db.Plans.CountAsync()} kế hoạch, {await db.Activities.CountAsync()} hoạt động{(postgres ? "" : $" trong {target}")}.");
        return 0;
    }

    /// <summary>A PostgreSQL connection string rather than a file path.</summary>
    static bool IsPostgres(string target) => target.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// `bench-generate DB [--scale N] [--dossiers D]`: N times the agencies and province activities (growth benchmark),
    /// and D dossiers of 2025 (none by default). Null when an option is not a positive whole number.
    /// </summary>
    public static (Size Size, int Dossiers)? Options(string[] args)
    {
        int? Number(string name)
        {
            var at = Array.IndexOf(args, name);
            if (at < 0) return 0;
            return at + 1 < args.Length && int.TryParse(args[at + 1], out var n) && n >= 0 ? n : null;
        }
        if (Number("--scale") is not int scale || Number("--dossiers") is not int dossiers) return null;
        var full = Size.Full;
        var size = scale <= 1 ? full : full with { AgencyPlans = full.AgencyPlans * scale, ProvinceActivities = full.ProvinceActivities * scale };
        return (size, dossiers);
    }

    /// <summary>
    /// `bench-generate`: the province for 2025 in the app's database (demo registry seeded if empty), its four
    /// periods opened and every owing agency's report: Q1–Q3 mostly accepted, some late, the year report
    /// missing for some; then <paramref name="dossiers"/> one-stop dossiers of 2025. The plans' activities, the reports
    /// and the dossiers are written in bulk (<see cref="BulkRows"/>).
    /// </summary>
    public static async Task<int> RunWithReportsAsync(IServiceProvider services, TextWriter stdout, Size? size = null, int dossiers = 0)
    {
        const int year = 2025;
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
        var provincePlanId = await AddProvinceAsync(connection, year, DateTime.UtcNow, size ?? Size.Full, stdout);
        stdout.WriteLine($"Kế hoạch và cơ quan: {watch.Elapsed.TotalSeconds:0.0} s");

        using (var scope = services.CreateScope())
        {
            var opened = await scope.ServiceProvider.GetRequiredService<ReportPeriods>().OpenYearAsync(provincePlanId, year, 14, 18);
            if (!opened.IsOk) throw new InvalidOperationException(opened.Message);
        }
        var entries = await AddReportsAsync(connection, provincePlanId);
        stdout.WriteLine($"Báo cáo: {entries} mục, {watch.Elapsed.TotalSeconds:0.0} s");
        if (dossiers > 0)
        {
            await using var db = Open(connection);
            var written = await GeneratedDossiers.AddAsync(db, dossiers, DateTime.UtcNow);
            stdout.WriteLine($"Hồ sơ TTHC: {written}, {watch.Elapsed.TotalSeconds:0.0} s");
        }
        await AfterGenerationAsync(services, provincePlanId);
        stdout.WriteLine($"Đã tạo tỉnh thử nghiệm lớn: {entries} mục báo cáo, {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// The last step, on the app's services, after every generated row is written: where whatever the app keeps beside
    /// the rows (tallies, aggregates maintained by its own writes) is rebuilt, since the bulk rows bypassed those writes.
    /// </summary>
    static async Task AfterGenerationAsync(IServiceProvider services, int provincePlanId)
    {
        // The reports were written directly: the periods' tallies are built from them, as the app would keep them.
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Tallies>().RebuildPlanAsync(provincePlanId);
    }

    /// <summary>A context without the app's interceptors (no audit rows for generated data).</summary>
    static AppDbContext Open(string connection) => AppDbContext.Open(IsPostgres(connection), connection,
        b => b.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

    /// <summary>The generated agencies, the province plan and the agency plans; returns the province plan's id.</summary>
    static async Task<int> AddProvinceAsync(string connection, int year, DateTime now, Size size, TextWriter stdout)
    {
        await using var db = Open(connection);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var parent = await db.Agencies.FirstAsync(a => a.Kind == AgencyKind.PeoplesCommittee);
        var generated = new List<Agency>();
        for (var i = 1; i < size.AgencyPlans; i++)
        {
            var (kind, level, name) = (i % 10) switch
            {
                0 => (AgencyKind.Department, AdminLevel.Province, $"Sở thử nghiệm {i:000}"),
                1 => (AgencyKind.DistrictCommittee, AdminLevel.District, $"UBND huyện thử nghiệm {i:000}"),
                _ => (AgencyKind.CommuneCommittee, AdminLevel.Commune, $"UBND xã thử nghiệm {i:000}"),
            };
            generated.Add(new Agency { Name = name, Kind = kind, Level = level, ParentId = parent.Id, Version = Guid.NewGuid() });
        }
        db.Agencies.AddRange(generated);
        await db.SaveChangesAsync();

        var homeAffairs = await db.Agencies.FirstAsync(a => a.Name == "Sở Nội vụ");
        var owners = new List<Agency> { homeAffairs };
        owners.AddRange(generated);
        var groups = await db.AgencyGroups.ToDictionaryAsync(g => g.Name);
        var rotation = new[] { groups["Các sở, ban, ngành cấp tỉnh"], groups["UBND cấp huyện"], groups["UBND cấp xã"] };

        // The province plan: 7 areas, 3 targets and 6 tasks per area, the activities spread over them.
        var province = NewPlan("Kế hoạch CCHC tỉnh (dữ liệu lớn)", null, null, year, now);
        for (var a = 0; a < 7; a++)
        {
            var area = new PlanArea { Code = Roman(a + 1), Title = $"Lĩnh vực thử nghiệm {a + 1}", Order = a };
            province.Areas.Add(area);
            for (var t = 0; t < 3; t++)
                province.Targets.Add(new PlanTarget
                {
                    Area = area, Code = $"1.{t + 1}", Text = $"Chỉ tiêu {t + 1} của lĩnh vực {a + 1}: tối thiểu 90% hồ sơ đúng hạn", Order = a * 3 + t, Version = Guid.NewGuid(),
                    Measures = [new TargetMeasure { Comparator = "atLeast", Value = 90, Unit = "%" }]
                });
            for (var k = 0; k < 6; k++)
                province.Tasks.Add(new PlanTask { Area = area, Code = $"2.{k + 1}", Text = $"Nhiệm vụ {k + 1} của lĩnh vực {a + 1}", TargetCodes = $"1.{k % 3 + 1}", Order = a * 6 + k });
        }
        for (var i = 0; i < size.ProvinceActivities; i++)
        {
            var areaIndex = i * 7 / size.ProvinceActivities;
            // Led by a group (every member reports on it, as "Các sở, ban, ngành" do), supported by one agency.
            var group = rotation[i % rotation.Length];
            var support = owners[i % owners.Count];
            var activity = NewActivity($"3.{i % 43 + 1}", $"Hoạt động {i + 1} của kế hoạch tỉnh: triển khai, kiểm tra và báo cáo kết quả", year, i);
            activity.Area = province.Areas[areaIndex];
            activity.Task = province.Tasks[areaIndex * 6 + i % 6];
            activity.Assignments.Add(new Assignment { Role = AssignmentRole.Lead, Name = group.Name, GroupId = group.Id, Order = 0 });
            activity.Assignments.Add(new Assignment { Role = AssignmentRole.Support, Name = support.Name, AgencyId = support.Id, Order = 1 });
            activity.Assignments.Add(new Assignment { Role = AssignmentRole.Support, Name = "đơn vị tư vấn", Order = 2 });
            province.Activities.Add(activity);
        }
        province.Status = PlanStatus.Issued;
        province.IssuedAtUtc = now;
        db.Plans.Add(province);
        await db.SaveChangesAsync();
        var provincePlanId = province.Id;
        stdout.WriteLine($"Kế hoạch tỉnh: {province.Activities.Count} hoạt động.");

        // An agency plan per owner: the agency's province work copied first (half at most), its own activities after.
        // Written in bulk (BulkRows), 100 plans at a time: at ×10 these are 300,000 activities.
        var bulk = new BulkRows(db);
        await bulk.StartAsync(typeof(Plan), typeof(PlanArea), typeof(Activity), typeof(Assignment));
        var batch = new PlanRows();
        var membersOf = rotation.ToDictionary(g => g.Id, g => Features.Agencies.AgencyDirectory.KindsOf(g));
        foreach (var (owner, n) in owners.Select((o, n) => (o, n)))
        {
            var plan = NewPlan($"Kế hoạch CCHC năm {year} của {owner.Name}", province.Id, owner.Id, year, now);
            plan.Id = bulk.NextId<Plan>();
            plan.Status = PlanStatus.Issued;
            plan.IssuedAtUtc = now;
            var areas = province.Areas.Select(a => new PlanArea { Id = bulk.NextId<PlanArea>(), PlanId = plan.Id, Code = a.Code, Title = a.Title, Order = a.Order }).ToList();
            plan.Areas.AddRange(areas);
            var mine = province.Activities.Where(x => x.Assignments.Any(s => s.AgencyId == owner.Id
                || (s.GroupId is int g && membersOf[g].Contains(owner.Kind)))).Take(size.ActivitiesPerAgencyPlan / 2).ToList();
            foreach (var src in mine)
            {
                var copy = NewActivity(src.Code, src.Text, year, plan.Activities.Count);
                copy.SourceActivityId = src.Id;
                copy.AreaId = areas[province.Areas.IndexOf(src.Area!)].Id;
                copy.Assignments.AddRange(src.Assignments.Select(s => new Assignment { Role = s.Role, Name = s.Name, AgencyId = s.AgencyId, GroupId = s.GroupId, Order = s.Order }));
                plan.Activities.Add(copy);
            }
            while (plan.Activities.Count < size.ActivitiesPerAgencyPlan)
            {
                var i = plan.Activities.Count;
                var own = NewActivity($"3.{i + 1}", $"Hoạt động riêng {i + 1} của {owner.Name}", year, i + n);
                own.Order = i;
                own.AreaId = areas[i % areas.Count].Id;
                own.Assignments.Add(new Assignment { Role = AssignmentRole.Lead, Name = owner.Name, AgencyId = owner.Id, Order = 0 });
                plan.Activities.Add(own);
            }
            batch.Add(plan, bulk);
            if (batch.Plans.Count == 100) await batch.WriteAsync(bulk);
        }
        await batch.WriteAsync(bulk);
        await bulk.FinishAsync();
        return provincePlanId;
    }

    /// <summary>Every owing agency's report in each period of the province plan; returns the number of entries.</summary>
    static async Task<long> AddReportsAsync(string connection, int provincePlanId)
    {
        var random = new Random(2025);
        var entries = 0L;
        await using var db = Open(connection);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var obligations = new Obligations(db);
        var periods = await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.PlanId == provincePlanId).OrderBy(p => p.Deadline).ToListAsync();
        var bulk = new BulkRows(db);
        await bulk.StartAsync(typeof(AgencyReport), typeof(ReportEntry));
        var batch = new ReportRows();
        foreach (var period in periods)
        {
            var isYear = period.Kind == ReportingPeriodKind.Year;
            foreach (var o in await obligations.ForPeriodAsync(period))
            {
                var roll = random.Next(100);
                if (isYear && roll < 30) continue;   // the year report is missing for some
                var deadline = period.Deadline.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                var submitted = deadline.AddDays(roll < 15 ? random.Next(1, 12) : -random.Next(0, 5));
                var state = isYear ? (roll < 60 ? ReportState.Submitted : ReportState.Draft)
                    : roll < 80 ? ReportState.Accepted : roll < 90 ? ReportState.Returned : ReportState.Submitted;
                var report = new AgencyReport
                {
                    Id = bulk.NextId<AgencyReport>(), PeriodId = period.Id, AgencyId = o.AgencyId, State = state, Revision = state == ReportState.Draft ? 0 : 1,
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
                if (state != ReportState.Draft) report.LeadAnswers = LeadAnswerText.Write(report.Entries);   // as a submission writes it
                entries += report.Entries.Count;
                batch.Add(report, bulk);
                if (batch.Entries.Count >= 100_000) await batch.WriteAsync(bulk);
            }
        }
        await batch.WriteAsync(bulk);
        await bulk.FinishAsync();
        return entries;
    }

    static Plan NewPlan(string title, int? parent, int? owner, int year, DateTime now) => new()
    {
        Title = title, ParentPlanId = parent, OwnerAgencyId = owner, DocumentType = "Kế hoạch", FromYear = year, ToYear = year,
        DepartmentPlanDeadline = new DateOnly(year, 1, 15), CentralPlanDeadline = new DateOnly(year, 1, 31), CommunePlanDeadline = new DateOnly(year, 2, 5),
        CreatedAtUtc = now, Version = Guid.NewGuid(),
    };

    /// <summary>Deadlines spread over the year and its kinds, so "Việc của tôi" has overdue, soon and later work.</summary>
    static Activity NewActivity(string? code, string text, int year, int i)
    {
        var end = new DateOnly(year, 1, 1).AddDays(i * 7 % 365);
        var (kind, dueText, start) = (i % 5) switch
        {
            0 => ("continuous", "Thường xuyên", (DateOnly?)null),
            1 => ("during", $"Quý {(end.Month - 1) / 3 + 1}/{year}", new DateOnly(year, (end.Month - 1) / 3 * 3 + 1, 1)),
            _ => ("by", $"Trước {end:dd/MM/yyyy}", null),
        };
        return new Activity
        {
            Code = code, Text = text, Outputs = "Báo cáo, văn bản", DueKind = kind, DueText = dueText, DueStart = start,
            DueEnd = kind == "continuous" ? new DateOnly(year, 12, 31) : end, Budget = "Theo dự toán được cấp", Order = i, Version = Guid.NewGuid(),
        };
    }

    static string Roman(int n) => new[] { "I", "II", "III", "IV", "V", "VI", "VII" }[n - 1];
}
