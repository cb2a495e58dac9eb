using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Dossiers;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>/Dossiers/Ranking and /Dossiers/Points: a month's ranking by the province's points table, and saving the table.</summary>
public sealed class DossierRankingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>May 2037: Thạch Hạ does everything well, Thành Sen late and in person; Sở Tư pháp is not a commune.</summary>
    static async Task PushMonthAsync(TestApp app)
    {
        if (await app.Db(db => db.Set<Dossier>().AnyAsync(d => d.Source == "rank-2037"))) return;
        var csv = new DossierCsv()
            .Row(code: "R-1", agency: "UBND xã Thạch Hạ", received: "2037-05-04", due: "2037-05-10", resolved: "2037-05-06")
            .Row(code: "R-2", agency: "UBND xã Thạch Hạ", received: "2037-05-05", due: "2037-05-10", resolved: "2037-05-07")
            .Row(code: "R-3", agency: "UBND phường Thành Sen", received: "2037-05-04", due: "2037-05-06", resolved: "2037-05-20", channel: "truc_tiep", paid: "0", inputs: "0", result: "0")
            .Row(code: "R-4", agency: "UBND phường Thành Sen", received: "2037-05-05", due: "2037-05-10", resolved: "2037-05-08", channel: "truc_tiep", paid: "0")
            .Row(code: "R-5", agency: "Sở Tư pháp", received: "2037-05-05", due: "2037-05-10", resolved: "2037-05-08");
        var response = await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv, "rank-2037");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Communes_AreRankedByPoints_AndTheCsvListsThemInTheSameOrder(string provider)
    {
        var app = fx.App(provider);
        await PushMonthAsync(app);
        var leader = await app.As("leader");

        var page = await leader.GetPageAsync("/Dossiers/Ranking?month=2037-05&level=xa");
        var rows = page.QuerySelectorAll("#ranking tbody tr").Select(r => (Rank: r.Children[0].TextContent, Name: r.Children[1].TextContent.Trim())).ToList();
        rows.Should().Equal(("1", "UBND xã Thạch Hạ"), ("2", "UBND phường Thành Sen"));

        var csv = await leader.GetStringAsync("/Dossiers/Ranking?handler=Csv&month=2037-05&level=xa");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        lines[1].Should().StartWith("1,UBND xã Thạch Hạ,2,");
        lines[2].Should().StartWith("2,UBND phường Thành Sen,2,");

        var xlsx = await leader.GetAsync("/Dossiers/Ranking?handler=Xlsx&month=2037-05&level=tinh");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = Features.Dossiers.XlsxRows.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())).ToList();
        sheet.Select(r => r.Cells.ElementAtOrDefault(1)).Should().Contain("Sở Tư pháp").And.NotContain("UBND xã Thạch Hạ");

        (await (await app.As("stp")).GetAsync("/Dossiers/Ranking")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SavingThePointsTable_AddsAVersion_ThatTheRankingUses_AndBadInputSavesNothing(string provider)
    {
        var app = fx.App(provider);
        await PushMonthAsync(app);
        var client = await app.As("coordinator");
        var before = await app.Db(db => db.Set<KpiPointsTable>().CountAsync());

        var bad = await client.SubmitFormAsync("/Dossiers/Points", new Dictionary<string, string?> { ["points_on_time_rate"] = "mười" });
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var badPage = await bad.ParseAsync();
        badPage.Messages().Should().Contain("không phải một số");
        badPage.QuerySelector("input[name=points_on_time_rate]")!.GetAttribute("value").Should().Be("mười", "the form comes back as typed");
        (await app.Db(db => db.Set<KpiPointsTable>().CountAsync())).Should().Be(before);

        // Only the on-time rate, by one band: 10 points from 90% up.
        var only = new Dictionary<string, string?>
        {
            ["use_online_rate"] = null, ["use_fully_online_rate"] = null, ["use_online_payment_rate"] = null,
            ["use_digitised_inputs_rate"] = null, ["use_digitised_results_rate"] = null,
            ["use_on_time_rate"] = "true", ["method_on_time_rate"] = "Bands", ["bands_on_time_rate"] = "90=10", ["points_on_time_rate"] = "10",
            ["note"] = "Quyết định thử",
        };
        var saved = await client.SubmitFormAsync("/Dossiers/Points", only);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Set<KpiPointsTable>().CountAsync())).Should().Be(before + 1);

        var ranking = await client.GetPageAsync("/Dossiers/Ranking?month=2037-05&level=xa");
        ranking.QuerySelector("#ranking caption")!.TextContent.Should().Contain($"phiên bản {before + 1}");
        ranking.QuerySelectorAll("#ranking tbody tr").Select(r => r.Children[^1].TextContent).Should().Equal("10", "0");
    }
}
