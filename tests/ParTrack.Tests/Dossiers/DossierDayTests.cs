using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>
/// The day counters the importer keeps (DossierDay) give exactly the figures computed from the dossiers themselves, for
/// any window, after imports that add and replace dossiers; a re-import changes nothing; a replaced dossier moves its counts.
/// Each test uses its own source and year, so the shared class database does not mix them.
/// </summary>
public sealed class DossierDayTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly string[] Agencies = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "UBND xã Thạch Hạ", "Sở Xây dựng"];
    static readonly string[] Statuses = ["da_giai_quyet", "da_giai_quyet", "da_giai_quyet", "dang_xu_ly", "tam_dung", "rut", "tra_lai"];
    static readonly string[] Channels = ["truc_tuyen", "truc_tiep", "buu_chinh"];

    /// <summary>Random dossiers of 2030 (and its edges): every status, with and without deadline, suspension or result day.</summary>
    static DossierCsv Random(Random random, int count, int firstCode)
    {
        var day0 = new DateOnly(2029, 12, 1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
        string Flag() => random.Next(2).ToString();
        var csv = new DossierCsv();
        for (var i = 0; i < count; i++)
        {
            var received = day0.AddDays(random.Next(420));
            var due = random.Next(6) == 0 ? "" : Day(received.AddDays(random.Next(1, 30)));
            var resolved = random.Next(8) == 0 ? "" : Day(received.AddDays(random.Next(0, 45)));
            csv.Row(agency: Agencies[random.Next(Agencies.Length)], received: Day(received), due: due, resolved: resolved,
                status: Statuses[random.Next(Statuses.Length)], channel: Channels[random.Next(Channels.Length)],
                service: random.Next(2) == 0 ? "toan_trinh" : "", fee: Flag(), paid: Flag(), inputs: Flag(), result: Flag(),
                suspended: random.Next(4) == 0 ? random.Next(1, 9).ToString() : "", code: $"R-{firstCode + random.Next(count)}",
                level: random.Next(3) == 0 ? "xa" : "");
        }
        return csv;
    }

    static readonly KpiWindow[] Windows =
    [
        new(new(2030, 3, 1), new(2030, 3, 31)),      // a month
        new(new(2030, 4, 1), new(2030, 6, 30)),      // a quarter
        new(new(2030, 1, 1), new(2030, 12, 31)),     // a year
        new(new(2030, 2, 10), new(2030, 5, 20)),     // cutting months
        new(new(2030, 7, 15), new(2030, 7, 15)),     // one day
        new(new(2029, 12, 20), new(2031, 1, 31)),    // every dossier
    ];

    static async Task<ImportSummary> ImportAsync(TestApp app, DossierCsv csv, string source)
    {
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<DossierImporter>();
        return await importer.ImportAsync(DossierFile.Read(new MemoryStream(csv.Bytes())), source, "test.csv");
    }

    /// <summary>Per agency, from the day counters and from the dossiers, groups with no count left out.</summary>
    static async Task<(Dictionary<int, KpiCounts> Days, Dictionary<int, KpiCounts> Dossiers)> BothAsync(TestApp app, KpiWindow w, KpiFilter filter)
    {
        using var scope = app.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<KpiQueries>();
        static Dictionary<int, KpiCounts> Map(List<KpiGroup<int>> groups) => groups.Where(g => !g.Counts.IsEmpty).ToDictionary(g => g.Key, g => g.Counts);
        return (Map(await queries.CountByAgencyAsync(w, filter, default)), Map(await queries.Count(w, filter, d => d.AgencyId, default)));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DayCounters_EqualTheDossiersFigures_ForEveryWindowAndFilter_AfterImportsThatReplace(string provider)
    {
        var app = fx.App(provider);
        var random = new Random(2030);
        // Codes drawn from overlapping ranges: the second and third files replace many of the first's dossiers (and repeat codes within a file).
        (await ImportAsync(app, Random(random, 700, 0), "days-random")).RefusedCount.Should().Be(0);
        (await ImportAsync(app, Random(random, 500, 300), "days-random")).Replaced.Should().BeGreaterThan(100);
        await ImportAsync(app, Random(random, 300, 100), "days-random");

        var commune = new KpiFilter(Level: AdminLevel.Commune);
        var someAgencies = new KpiFilter(await app.Db(db => db.Agencies.Where(a => a.Name == "Sở Nội vụ" || a.Name == "UBND xã Thạch Hạ").Select(a => a.Id).ToListAsync()));
        foreach (var window in Windows)
            foreach (var filter in new[] { new KpiFilter(), commune, someAgencies })
            {
                var (days, dossiers) = await BothAsync(app, window, filter);
                dossiers.Should().NotBeEmpty();
                days.Should().BeEquivalentTo(dossiers, $"window {window.From}..{window.To}, level {filter.Level}, agencies {filter.AgencyIds?.Count}");
            }
        (await BothAsync(app, Windows[^1], new KpiFilter())).Dossiers.Values.Sum(c => c.OverdueInProgress).Should().BeGreaterThan(0, "the random data has overdue dossiers");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReimportingTheSameFile_ChangesNoFigureAndNoDayRow(string provider)
    {
        var app = fx.App(provider);
        var csv = Random(new Random(7), 300, 0);
        await ImportAsync(app, csv, "days-again");
        var before = await app.Db(db => db.Set<DossierDay>().AsNoTracking().OrderBy(d => d.AgencyId).ThenBy(d => d.Level).ThenBy(d => d.Day).ToListAsync());
        var figures = await BothAsync(app, Windows[2], new KpiFilter());

        var again = await ImportAsync(app, csv, "days-again");

        again.Replaced.Should().Be(again.Taken);
        var after = await app.Db(db => db.Set<DossierDay>().AsNoTracking().OrderBy(d => d.AgencyId).ThenBy(d => d.Level).ThenBy(d => d.Day).ToListAsync());
        after.Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        (await BothAsync(app, Windows[2], new KpiFilter())).Days.Should().BeEquivalentTo(figures.Days);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReplacedDossier_MovesItsCountsFromTheOldDayToTheNew(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.Db(db => db.Agencies.Where(a => a.Name == "Sở Y tế").Select(a => a.Id).SingleAsync());
        var march = new KpiWindow(new(2031, 3, 1), new(2031, 3, 31));
        var april = new KpiWindow(new(2031, 4, 1), new(2031, 4, 30));
        async Task<KpiCounts> In(KpiWindow w)
        {
            var (days, _) = await BothAsync(app, w, new KpiFilter([agency]));
            return days.GetValueOrDefault(agency, KpiCounts.Zero);
        }
        await ImportAsync(app, new DossierCsv().Row(agency: "Sở Y tế", code: "MOVE-1", received: "2031-03-10", due: "2031-03-12", resolved: "2031-03-20"), "days-move");
        (await In(march)).Should().Be(KpiCounts.Zero with { Received = 1, Resolved = 1, Late = 1, Online = 1, FullyOnline = 1, FeeRequired = 1, PaidOnline = 1, DigitisedInputs = 1, DigitisedResults = 1 });

        await ImportAsync(app, new DossierCsv().Row(agency: "Sở Y tế", code: "MOVE-1", received: "2031-04-10", due: "2031-04-20", resolved: "2031-04-15", channel: "truc_tiep"), "days-move");

        (await In(march)).Should().Be(KpiCounts.Zero);
        (await In(april)).Should().Be(KpiCounts.Zero with { Received = 1, Resolved = 1, OnTime = 1, FeeRequired = 1, PaidOnline = 1, DigitisedInputs = 1, DigitisedResults = 1 });
        (await app.Db(db => db.Set<DossierDay>().CountAsync(d => d.AgencyId == agency && d.Day >= march.From && d.Day <= march.To)))
            .Should().Be(0, "a day no dossier counts on any more keeps no row");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Rebuild_FromTheDossiers_GivesTheSameRowsTheImporterKept(string provider)
    {
        var app = fx.App(provider);
        await ImportAsync(app, Random(new Random(11), 200, 5000), "days-rebuild");
        var kept = await app.Db(db => db.Set<DossierDay>().AsNoTracking().OrderBy(d => d.AgencyId).ThenBy(d => d.Level).ThenBy(d => d.Day).ToListAsync());

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DossierDays>().RebuildAsync();

        var rebuilt = await app.Db(db => db.Set<DossierDay>().AsNoTracking().OrderBy(d => d.AgencyId).ThenBy(d => d.Level).ThenBy(d => d.Day).ToListAsync());
        rebuilt.Should().NotBeEmpty();
        rebuilt.Should().BeEquivalentTo(kept, o => o.WithStrictOrdering());
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ImportCommand_StoresTheFileWithItsDayCounters_AndAgainReplacesEveryRow(string provider)
    {
        var app = fx.App(provider);
        var dir = Directory.CreateTempSubdirectory("partrack-days-").FullName;
        try
        {
            var file = Random(new Random(23), 150, 9000).Save(dir);
            string[] args = ["import", file, "--source", "days-cli", $"--Database:Provider={provider}", $"--ConnectionStrings:{provider}={app.ConnectionString}"];
            var (first, second, stderr) = (new StringWriter(), new StringWriter(), new StringWriter());

            (await ParTrack.Cli.DossiersCommand.RunAsync(args, first, stderr)).Should().Be(0, stderr.ToString());
            (await ParTrack.Cli.DossiersCommand.RunAsync(args, second, stderr)).Should().Be(0, stderr.ToString());

            (await app.Db(db => db.Set<Dossier>().CountAsync(d => d.Source == "days-cli"))).Should().BeGreaterThan(50);
            first.ToString().Should().Contain("Đã nhận 150 hồ sơ");
            second.ToString().Should().Contain("Đã nhận 150 hồ sơ (thay thế 150 hồ sơ đã có)", "the second run replaces every row of the first");
            var (days, dossiers) = await BothAsync(app, Windows[^1], new KpiFilter());
            days.Should().BeEquivalentTo(dossiers);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
