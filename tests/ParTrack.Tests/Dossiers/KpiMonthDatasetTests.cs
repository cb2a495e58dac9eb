using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features.Shared;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>The "kpi-month" public dataset ranks a finished month's agencies by on-time rate, from the stored dossiers.</summary>
public sealed class KpiMonthDatasetTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task MonthRanking_PutsTheOnTimeAgencyFirst_AndAnUnreadableKeyGivesNothing(string provider)
    {
        var app = fx.App(provider);
        var csv = new DossierCsv()
            .Row(received: "2025-03-03", due: "2025-03-20", resolved: "2025-03-10")
            .Row(received: "2025-03-04", due: "2025-03-20", resolved: "2025-03-11", channel: "trực tiếp")
            .Row(agency: "Sở Nội vụ", received: "2025-03-03", due: "2025-03-10", resolved: "2025-03-09")
            .Row(agency: "Sở Nội vụ", received: "2025-03-03", due: "2025-03-10", resolved: "2025-03-14");
        (await DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app)).PushCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var scope = app.Services.CreateScope();
        var dataset = scope.ServiceProvider.GetServices<IPublicDataset>().Single(d => d.Kind == "kpi-month");
        (await dataset.ItemsAsync(CancellationToken.None)).Select(i => i.Key).Should().Contain("2025-03");
        var table = (await dataset.ReadAsync("2025-03", CancellationToken.None))!;
        var rank = table.Columns.Select(c => c.Name).ToList().IndexOf("rank");
        var agency = table.Columns.Select(c => c.Name).ToList().IndexOf("agency");
        var onTime = table.Columns.Select(c => c.Name).ToList().IndexOf("on_time_rate");
        table.Rows.Select(r => (r[rank], r[agency])).Should().Equal((1, "Sở Tư pháp"), (2, "Sở Nội vụ"));
        table.Rows[1][onTime].Should().Be(50m);
        (await dataset.ReadAsync("tháng ba", CancellationToken.None)).Should().BeNull();
        (await dataset.ReadAsync("2025-04", CancellationToken.None))!.Rows.Should().BeEmpty();
    }
}
