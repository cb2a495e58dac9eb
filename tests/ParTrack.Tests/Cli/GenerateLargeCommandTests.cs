using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Cli;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cli;

/// <summary>
/// The large-province generator behind `generate-large` (plans only) and `bench-generate` (plans and
/// reports), on a small province: 10 agency plans (Sở Nội vụ and 9 generated bodies), a province plan of
/// 30 activities, 10 activities per agency plan.
/// </summary>
public sealed class GenerateLargeCommandTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly GenerateLargeCommand.Size Small = new(10, 30, 10);

    [Fact]
    public async Task GenerateLarge_MakesTheProvinceAndItsPlans_InANewFileOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partrack-large-{Guid.NewGuid():N}.db");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            (await GenerateLargeCommand.RunAsync(path, TimeProvider.System, stdout, stderr, Small)).Should().Be(0, stderr.ToString());
            stdout.ToString().Should().Contain("Kế hoạch tỉnh: 30 hoạt động.");

            await using (var db = AppDbContext.Open(postgres: false, $"Data Source={path}"))
            {
                // i = 1..9: i % 10 == 1 is a district, the other eight are communes (no i % 10 == 0 below 10).
                (await db.Agencies.CountAsync(a => a.Name.Contains("thử nghiệm"))).Should().Be(9);
                (await db.Agencies.CountAsync(a => a.Name.StartsWith("UBND huyện thử nghiệm"))).Should().Be(1);
                var province = await db.Plans.Include(p => p.Activities).ThenInclude(a => a.Assignments).SingleAsync(p => p.ParentPlanId == null);
                province.Status.Should().Be(PlanStatus.Issued);
                province.Activities.Should().HaveCount(30).And.OnlyContain(a => a.Assignments.Count(s => s.Role == AssignmentRole.Lead && s.GroupId != null) == 1
                    && a.Assignments.Count(s => s.Role == AssignmentRole.Support && s.AgencyId != null) == 1);
                var agencyPlans = await db.Plans.Where(p => p.ParentPlanId == province.Id).Select(p => new { p.OwnerAgencyId, Count = p.Activities.Count }).ToListAsync();
                agencyPlans.Should().HaveCount(10).And.OnlyContain(p => p.Count == 10);

                // Sở Nội vụ (a department) leads, with the departments group, 0, 3, 6, …, 27 and supports 0, 10, 20:
                // twelve province activities, of which the first five are copied into its plan, then five of its own.
                var snv = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
                var snvPlan = await db.Plans.Include(p => p.Activities).SingleAsync(p => p.OwnerAgencyId == snv);
                var copied = snvPlan.Activities.Where(a => a.SourceActivityId != null).Select(a => a.SourceActivityId!.Value).ToList();
                var byOrder = province.Activities.OrderBy(a => a.Order).Select(a => a.Id).ToList();
                copied.Should().BeEquivalentTo(new[] { byOrder[0], byOrder[3], byOrder[6], byOrder[9], byOrder[10] });
                snvPlan.Activities.Count(a => a.SourceActivityId == null).Should().Be(5);
            }
            SqliteCleanup();

            stderr = new StringWriter();
            (await GenerateLargeCommand.RunAsync(path, TimeProvider.System, new StringWriter(), stderr, Small)).Should().Be(1);
            stderr.ToString().Should().Contain("đã có");
        }
        finally
        {
            SqliteCleanup();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public async Task GenerateLarge_OnAnEmptyPostgresDatabase_MakesTheSameProvince_AndRefusesOneWithData()
    {
        if (Databases.PostgresServer is not { } server) return;   // SQLite above; PostgreSQL where the test server runs (CI)
        var name = "partrack_large_" + Guid.NewGuid().ToString("N")[..10];
        var target = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
        try
        {
            var stderr = new StringWriter();
            (await GenerateLargeCommand.RunAsync(target, TimeProvider.System, new StringWriter(), stderr, Small)).Should().Be(0, stderr.ToString());

            await using (var db = AppDbContext.Open(postgres: true, target))
            {
                var province = await db.Plans.Where(p => p.ParentPlanId == null).Select(p => new { p.Id, p.Status, Count = p.Activities.Count }).SingleAsync();
                province.Should().Be(new { province.Id, Status = PlanStatus.Issued, Count = 30 });
                (await db.Plans.CountAsync(p => p.ParentPlanId == province.Id)).Should().Be(10);
            }

            stderr = new StringWriter();
            (await GenerateLargeCommand.RunAsync(target, TimeProvider.System, new StringWriter(), stderr, Small)).Should().Be(1);
            stderr.ToString().Should().Contain("đã có dữ liệu");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var conn = new Npgsql.NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var drop = conn.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    [Fact]
    public async Task BenchGenerate_AddsTheSameProvince_AndTheFourPeriodsOfReports_Once()
    {
        var app = fx.App(Databases.Sqlite);
        var stdout = new StringWriter();
        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, stdout, Small)).Should().Be(0, stdout.ToString());

        var (kinds, q1Agencies, owners, snvQ1) = await app.Db(async db =>
        {
            var province = await db.Plans.Where(p => p.ParentPlanId == null && p.Title.Contains("dữ liệu lớn")).Select(p => p.Id).SingleAsync();
            var periods = await db.Set<ReportPeriod>().Where(p => p.PlanId == province).ToListAsync();
            var q1 = periods.Single(p => p.Kind == ReportingPeriodKind.Q1).Id;
            var owners = await db.Plans.Where(p => p.ParentPlanId == province).Select(p => p.OwnerAgencyId!.Value).ToListAsync();
            var reports = await db.Set<AgencyReport>().Where(r => r.PeriodId == q1).Select(r => r.AgencyId).ToListAsync();
            var snv = await db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync();
            var snvReport = await db.Set<AgencyReport>().Include(r => r.Entries).SingleAsync(r => r.PeriodId == q1 && r.AgencyId == snv);
            return (periods.Select(p => p.Kind).ToList(), reports, owners, snvReport);
        });
        kinds.Should().BeEquivalentTo(new[] { ReportingPeriodKind.Q1, ReportingPeriodKind.SixMonths, ReportingPeriodKind.Q3, ReportingPeriodKind.Year });
        q1Agencies.Should().Contain(owners, "every agency with a plan supports a province activity, so it reports every quarter");
        // Sở Nội vụ leads, as a department, 0, 3, 6, …, 27 and supports 10 and 20 (0 it leads).
        snvQ1.Entries.Count(e => e.Leads).Should().Be(10);
        snvQ1.Entries.Count(e => !e.Leads).Should().Be(2);
        stdout.ToString().Should().Contain("Đã tạo tỉnh thử nghiệm lớn");

        (await GenerateLargeCommand.RunWithReportsAsync(app.Services, new StringWriter(), Small)).Should().Be(1, "a database with reports is not generated into twice");
    }
}
