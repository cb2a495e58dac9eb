using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Demo;

namespace ParTrack.Features.Reporting;

/// <summary>
/// Hidden verbs for tests and benchmarks (not in the help text):
///   partrack crash-writer DBPATH      saves reports in a loop until killed (the crash-safety test kills it)
///   partrack bench-generate DBPATH [--scale N] [--dossiers D]   the large generated province with four periods of reports
/// Both run on the app's own services (same database setup, WAL, reporting code) without the web server.
/// </summary>
public static class ReportingTools
{
    public static string? Verb(string[] args) => args is [("crash-writer" or "bench-generate"), _, ..] ? args[0] : null;

    /// <summary>Points the app at the SQLite file given on the command line (before Build).</summary>
    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        // DBPATH is a SQLite file, or a PostgreSQL connection string ("Host=…") for the benchmarks on PostgreSQL.
        if (args[1].Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            builder.Configuration["Database:Provider"] = "Postgres";
            builder.Configuration["ConnectionStrings:Postgres"] = args[1];
        }
        else
        {
            builder.Configuration["Database:Provider"] = "Sqlite";
            builder.Configuration["ConnectionStrings:Sqlite"] = $"Data Source={Path.GetFullPath(args[1])}";
        }
        builder.Configuration["Reporting:Reminders"] = "false";
    }

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout) => args[0] switch
    {
        "crash-writer" => CrashWriterAsync(services, stdout),
        _ => Cli.GenerateLargeCommand.Options(args) is { } o
            ? Cli.GenerateLargeCommand.RunWithReportsAsync(services, stdout, o.Size, o.Dossiers)
            : Task.FromResult(Usage(stdout)),
    };

    static int Usage(TextWriter stdout)
    {
        stdout.WriteLine("Cách dùng: partrack bench-generate DB [--scale N] [--dossiers D] (N, D là số nguyên dương).");
        return 2;
    }

    public const int CrashActivities = 200;

    /// <summary>
    /// Demo agencies, a plan of <see cref="CrashActivities"/> activities led by "Các sở, ban, ngành cấp tỉnh", Q1/2025.
    /// Then forever: (a) a new department whose Q1 report is created with all its entries in one save, printed
    /// "created ID"; (b) Sở Nội vụ's report saved with every entry and the results marked "lượt N", printed
    /// "saved N". A line is printed only after its save has committed.
    /// </summary>
    static async Task<int> CrashWriterAsync(IServiceProvider services, TextWriter stdout)
    {
        int periodId, snv;
        using (var scope = services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            await db.MigrateAsync();
            await DemoData.SeedIfEmptyAsync(sp, withPlans: false);
            var group = await db.AgencyGroups.FirstAsync(g => g.Name == "Các sở, ban, ngành cấp tỉnh");
            var plan = new Plan
            {
                Title = "Kế hoạch thử ghi báo cáo", FromYear = 2025, ToYear = 2025, Status = PlanStatus.Issued,
                CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            for (var i = 1; i <= CrashActivities; i++)
                plan.Activities.Add(new Activity
                {
                    Code = $"{i}", Text = $"Hoạt động thử số {i}", DueKind = "by", DueStart = new DateOnly(2025, 1, 1), DueEnd = new DateOnly(2025, 12, 31),
                    Order = i, Version = Guid.NewGuid(),
                    Assignments = [new Assignment { Role = AssignmentRole.Lead, Name = group.Name, GroupId = group.Id }],
                });
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var opened = await sp.GetRequiredService<ReportPeriods>().OpenYearAsync(plan.Id, 2025, 14, 18);
            if (!opened.IsOk) throw new InvalidOperationException(opened.Message);
            periodId = await db.Set<ReportPeriod>().Where(p => p.PlanId == plan.Id && p.Kind == ReportingPeriodKind.Q1).Select(p => p.Id).SingleAsync();
            snv = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
        }
        await stdout.WriteLineAsync("ready");
        await stdout.FlushAsync();

        for (var round = 1; ; round++)
        {
            using var scope = services.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var work = sp.GetRequiredService<ReportWork>();

            var agency = new Agency { Name = $"Sở thử ghi {round}", Kind = AgencyKind.Department, Level = AdminLevel.Province };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            var created = await work.EnsureAsync(periodId, agency.Id);
            await stdout.WriteLineAsync($"created {created}");
            await stdout.FlushAsync();

            db.ChangeTracker.Clear();
            var reportId = (await work.EnsureAsync(periodId, snv))!.Value;
            var report = (await work.LoadAsync(reportId))!;
            var mark = $"lượt {round}";
            var input = new DraftInput(mark, null, null, null, null,
                report.Entries.Select(e => new EntryInput(e.Id, ReportedStatus.InProgress, round % 100, mark, null, null)).ToList(),
                new Dictionary<int, decimal?>());
            var saved = await work.SaveDraftAsync(reportId, report.Version, input);
            if (!saved.IsOk) throw new InvalidOperationException(saved.Message);
            await stdout.WriteLineAsync($"saved {round}");
            await stdout.FlushAsync();
        }
    }
}
