using System.Diagnostics;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Reporting;

namespace ParTrack.Tests.Demo;

/// <summary>
/// The demo belongs to the repository: the app, copied to a folder with no ../shared anywhere above it,
/// runs `partrack demo` and gets the province plan (from samples/), the agency plans, the reports and
/// the PAR Index rounds. Before the plan moved to samples/ this demo had no plans at all.
/// </summary>
public sealed class DemoFromCloneTests
{
    [Fact]
    public async Task DemoVerb_InACopyWithoutShared_LoadsThePlansReportsAndParRounds()
    {
        var root = Directory.CreateTempSubdirectory("partrack-clone-");
        try
        {
            var app = Path.Combine(root.FullName, "app");
            CopyDirectory(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, app);
            Directory.Exists(Path.Combine(app, "samples")).Should().BeTrue("the build copies samples/ beside the app");
            var db = Path.Combine(root.FullName, "demo.db");

            var run = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(app, "partrack.dll"), "demo"])
            {
                WorkingDirectory = root.FullName,
                RedirectStandardOutput = true, RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Database__Provider"] = "Sqlite",
                    ["ConnectionStrings__Sqlite"] = $"Data Source={db}",
                    // The demo year of dossiers (200,000 by default) is DemoDossiersTests' subject, not this one's.
                    ["Demo__DossierCount"] = "0",
                },
            })!;
            var output = run.StandardOutput.ReadToEndAsync();
            var errors = run.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
                await run.WaitForExitAsync(timeout.Token);
            run.ExitCode.Should().Be(0, await output + await errors);

            await using var context = AppDbContext.Open(postgres: false, $"Data Source={db};Pooling=false");
            var province = await context.Plans.Where(p => p.OwnerAgencyId == null).Select(p => new { p.Title, p.Status, Activities = p.Activities.Count }).SingleAsync();
            province.Title.Should().Be("Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025");
            province.Status.Should().Be(PlanStatus.Issued);
            province.Activities.Should().BeInRange(85, 100);
            (await context.Plans.CountAsync(p => p.OwnerAgencyId != null)).Should().Be(2, "Sở Nội vụ and Sở Tư pháp make their own plans");
            (await context.Set<AgencyReport>().CountAsync()).Should().BeGreaterThan(20);
            (await context.Set<ParRound>().CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
