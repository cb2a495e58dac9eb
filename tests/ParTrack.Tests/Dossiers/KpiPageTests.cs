using System.Net;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>/Dossiers/Kpis: province → agency → procedure → the late and overdue dossiers, within the user's scope.</summary>
public sealed class KpiPageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task DrillDown_FromProvinceToTheLateDossiersOfAProcedure(string provider)
    {
        var app = fx.App(provider);
        var csv = new DossierCsv()
            .Row(code: "TRE-1", procedure: "2.002", received: "2034-01-05", due: "2034-01-10", resolved: "2034-01-20")
            .Row(code: "DUNG-1", procedure: "2.002", received: "2034-01-05", due: "2034-01-10", resolved: "2034-01-08")
            .Row(code: "MO-1", procedure: "3.003", received: "2034-01-05", due: "2034-01-10", resolved: "", status: "dang_xu_ly");
        await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv, TestData.Unique("page"));
        var client = await app.As("coordinator");

        var province = await client.GetPageAsync("/Dossiers/Kpis?from=2034-01-01&to=2034-01-31");
        var link = province.QuerySelectorAll("table a").Single(a => a.TextContent == "Sở Tư pháp").GetAttribute("href")!;
        var agency = await client.GetPageAsync(link);
        agency.QuerySelector("h1")!.TextContent.Should().Contain("Sở Tư pháp");
        var rows = agency.QuerySelectorAll("#late-h ~ div table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();
        rows.Should().BeEquivalentTo(["TRE-1", "MO-1"]);

        var procedure = await client.GetPageAsync(agency.QuerySelectorAll("table a").Single(a => a.TextContent == "2.002").GetAttribute("href")!);
        procedure.QuerySelectorAll("#late-h ~ div table tbody tr").Select(r => r.QuerySelector("td")!.TextContent).Should().Equal("TRE-1");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Officer_SeesTheirOwnAgency_AndBadDatesFallBackWithAMessage(string provider)
    {
        var app = fx.App(provider);
        var officer = await app.As("stp");
        var page = await officer.GetPageAsync("/Dossiers/Kpis?from=hôm-qua&to=2025-01-01");
        page.QuerySelector("h1")!.TextContent.Should().Contain("Sở Tư pháp");
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("không hợp lệ");
        var snv = await app.AgencyIdAsync("Sở Nội vụ");
        (await officer.GetAsync($"/Dossiers/Kpis?agencyId={snv}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
