using System.Net;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// An autosave's round trips (docs/benchmarks.md, "Autosave on PostgreSQL"): the session check, the report with its
/// period (found by period and agency, not by an id looked up first), its entries, then on PostgreSQL one batch of every
/// change and audit row, whether one entry changed or all of them; the measures' values are read only when the form has
/// some. Counted per request by Data.CommandCount.
/// </summary>
public sealed class AutosaveCommandsTests
{
    /// <summary>The reads of an autosave: the session check (kept per data version in production: SteadyReads), the report
    /// with its period, its entries.</summary>
    const int Reads = 3;

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Autosave_ReadsThreeTimes_AndWritesInOneBatchOnPostgres_WithOneEntryOrEveryEntryChanged(string provider)
    {
        await using var app = new TestApp(provider);
        // Kept reads off (SteadyReads, like the fragments): the session check is then a read on every save, whatever ran
        // before it, so the count is the save's own and does not depend on whether something wrote in between.
        var counted = app.WithWebHostBuilder(b => b.UseSetting("Diagnostics:CommandCountHeader", "true")
            .UseSetting("Performance:FragmentCache", "false"));
        var (_, period) = await app.OpenQ1Async();
        var url = ReportTestData.ReportUrl(period, await app.AgencyIdAsync("Sở Nội vụ"));
        var officer = await SignInAsync(counted, "snv");
        var form = (IHtmlFormElement)(await officer.GetPageAsync(url)).QuerySelector("#report-form")!;
        var work = form.QuerySelectorAll("textarea[name$='.WorkDone']").Select(t => t.GetAttribute("name")!).ToList();
        work.Should().HaveCountGreaterThan(1, "the report has several entries to change at once");

        // Without the target measures' fields: their check reads the plan's measures (a few more commands, as many either way).
        var measures = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.StartsWith("Actuals[")).ToList();
        Dictionary<string, string?> Changes(IEnumerable<string> entries, string text) =>
            entries.Select(e => (e, (string?)text)).Concat(measures.Select(m => (m, (string?)null))).ToDictionary(p => p.Item1, p => p.Item2);

        var one = await AutosaveAsync(officer, form, url, Changes(work.Take(1), "Một mục"));
        form = (IHtmlFormElement)(await officer.GetPageAsync(url)).QuerySelector("#report-form")!;
        var all = await AutosaveAsync(officer, form, url, Changes(work, "Mọi mục"));

        if (provider == Databases.Postgres)
        {
            one.Should().Be(Reads + 1);
            all.Should().Be(Reads + 1, "every entry's update and audit row go in one batch, one round trip, not one per row");
        }
        else
        {
            // SQLite runs each row's statement as its own command, in process (no round trip to batch away):
            // the report's row and its audit row, and each changed entry's.
            one.Should().Be(Reads + 2 + 2);
            all.Should().Be(Reads + 2 + 2 * work.Count);
        }
        (await app.ReportAsync(period, await app.AgencyIdAsync("Sở Nội vụ"))).Entries.Should().OnlyContain(e => e.WorkDone == "Mọi mục");
    }

    [Fact]
    public void PostgresConnection_GetsNoResetAndPreparedStatements_UnlessItSetsThemItself()
    {
        var given = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.WithPostgresDefaults("Host=db;Database=partrack;Username=app"));
        given.NoResetOnClose.Should().BeTrue();
        given.MaxAutoPrepare.Should().Be(DatabaseSettings.PreparedStatements);
        given.Host.Should().Be("db");

        var own = new Npgsql.NpgsqlConnectionStringBuilder(
            DatabaseSettings.WithPostgresDefaults("Host=db;Database=partrack;No Reset On Close=false;MaxAutoPrepare=0"));
        own.NoResetOnClose.Should().BeFalse("the connection string's own setting wins (a pooler that needs resets)");
        own.MaxAutoPrepare.Should().Be(0, "for instance behind PgBouncer in transaction mode");
    }

    static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.LoginAsync(user, Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Autosaves the form with these fields changed; the commands the save ran.</summary>
    static async Task<int> AutosaveAsync(HttpClient client, IHtmlFormElement form, string url, Dictionary<string, string?> fields)
    {
        var response = await ReportingCycleTests.PostFormToAsync(client, form, url + "?handler=Autosave", fields);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.GetValues(CommandCount.Header).Single());
    }
}
