using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>
/// GET /api/kpis computes in the database what `partrack dossiers kpis` computes from the file. One test per class
/// compares the whole province, so this class's database holds only its own file.
/// </summary>
public sealed class DossierKpiApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>Every definition met at least once: on time, late, suspended, no deadline, withdrawn, overdue, resolved after the window, fee/no fee.</summary>
    static DossierCsv File() => new DossierCsv()
        .Row()
        .Row(resolved: "2025-01-25", channel: "trực tiếp", service: "", paid: "0", inputs: "0")
        .Row(resolved: "2025-01-24", suspended: "5", result: "0")
        .Row(due: "", resolved: "2025-03-30", fee: "0", paid: "0")
        .Row(status: "rut", resolved: "", agency: "Sở Nội vụ")
        .Row(status: "dang_xu_ly", resolved: "", due: "2025-02-01", agency: "Sở Nội vụ", channel: "BCCI")
        .Row(status: "tam_dung", resolved: "", due: "2025-03-25", suspended: "10", agency: "Sở Nội vụ")
        .Row(received: "2025-03-20", due: "2025-03-28", resolved: "2025-04-03", agency: "UBND xã Thạch Hạ", level: "xa")
        .Row(received: "2024-12-20", due: "2025-01-05", resolved: "2025-01-04", agency: "UBND xã Thạch Hạ")
        .Row(received: "2025-02-10", due: "2025-02-20", resolved: "2025-02-21", agency: "Sở Tài chính", service: "mot_phan")
        .Row(received: "2025-05-02", due: "2025-05-10", resolved: "2025-05-04");

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Api_GivesTheCommandLinesNumbers_ForTheSameFile(string provider)
    {
        var app = fx.App(provider);
        var csv = File();
        var push = await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv);
        (await push.Content.ReadFromJsonAsync<DossiersApi.PushResult>())!.RefusedCount.Should().Be(0);

        foreach (var (from, to) in new[] { ("2025-01-01", "2025-03-31"), ("2025-02-01", "2025-02-28"), ("2025-01-01", "2025-12-31") })
        {
            var window = new KpiWindow(DateOnly.Parse(from), DateOnly.Parse(to));
            var expected = FileKpis.Compute(DossierFile.Read(new MemoryStream(csv.Bytes())), window, out _);
            var response = await (await app.As("leader")).GetAsync($"/api/kpis?from={from}&to={to}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var actual = (await response.Content.ReadFromJsonAsync<KpiReport>())!;

            actual.Province.Should().Be(expected.Province, $"window {from}..{to}");
            actual.Agencies.Select(a => a with { AgencyId = null }).Should().Equal(expected.Agencies, $"window {from}..{to}");
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Json_UsesTheContractsNames(string provider)
    {
        var app = fx.App(provider);
        var json = await (await app.As("coordinator")).GetStringAsync("/api/kpis?from=2025-01-01&to=2025-03-31");
        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("schema").GetString().Should().Be("partrack.kpis/v1");
        root.GetProperty("formula_version").GetString().Should().Be("v1");
        root.GetProperty("province").TryGetProperty("on_time_rate", out _).Should().BeTrue();
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_SeesOnlyTheirAgency_AndIsForbiddenAnother(string provider)
    {
        var app = fx.App(provider);
        var officer = await app.As("stp");
        var own = (await officer.GetFromJsonAsync<KpiReport>("/api/kpis?from=2025-01-01&to=2025-12-31"))!;
        own.Agencies.Select(a => a.Agency).Should().OnlyContain(n => n == "Sở Tư pháp");
        var snv = await app.Db(db => db.Agencies.Where(a => a.Name == "Sở Nội vụ").Select(a => a.Id).SingleAsync());
        (await officer.GetAsync($"/api/kpis?from=2025-01-01&to=2025-12-31&agencyId={snv}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BadQuery_Is400_WithTheFieldNamed(string provider)
    {
        var app = fx.App(provider);
        var client = await app.As("coordinator");
        var response = await client.GetAsync("/api/kpis?from=31/01/2025&to=2025-03-31&level=thon");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("from").And.Contain("level");
        (await client.GetAsync("/api/kpis?from=2025-01-01&to=2025-01-31&agencyId=999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MergedBody_CountsForItsSuccessor_OnceTheWindowEndsAfterTheMerger(string provider)
    {
        var app = fx.App(provider);
        // Only received in 2026 windows, so the province comparison above (2025) never sees them.
        var csv = new DossierCsv().Row(agency: "Sở Kế hoạch và Đầu tư", received: "2026-02-10", due: "2026-02-20", resolved: "2026-02-15");
        await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv, TestData.Unique("merge"));
        var client = await app.As("coordinator");

        var later = (await client.GetFromJsonAsync<KpiReport>("/api/kpis?from=2026-02-01&to=2026-02-28"))!;
        later.Agencies.Should().ContainSingle(a => a.Agency == "Sở Tài chính" && a.Received == 1);
        later.Agencies.Should().NotContain(a => a.Agency == "Sở Kế hoạch và Đầu tư");

        var tc = await app.Db(db => db.Agencies.Where(a => a.Name == "Sở Tài chính").Select(a => a.Id).SingleAsync());
        var agencyView = (await client.GetFromJsonAsync<KpiReport>($"/api/kpis?from=2026-02-01&to=2026-02-28&agencyId={tc}"))!;
        agencyView.Province.Received.Should().Be(1, "the successor's view includes the merged body's dossiers");
    }
}
