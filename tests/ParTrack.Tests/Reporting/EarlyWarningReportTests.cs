using System.Net;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Dossiers;
using ParTrack.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// The province's DOCX carries "Cảnh báo sớm" only when a bound target's projection on the period's cut-off misses its
/// goal: on-track dossiers give no section, the same dossiers re-pushed with a falling online rate give the target, the
/// projection, the gap, the method and the agency pulling it down. One test per provider: the database holds only its dossiers.
/// </summary>
public sealed class EarlyWarningReportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Heading = "Chỉ tiêu có nguy cơ không đạt";

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SixMonthReport_HasTheWarningSection_OnlyWhenABoundTargetIsProjectedToMiss(string provider)
    {
        var app = fx.App(provider);
        var (plan, _) = await app.OpenQ1Async();
        // The 6-month period is cut on 14/06: January–May are its complete months.
        var period = await app.Db(db => db.Set<ReportPeriod>().Where(p => p.PlanId == plan && p.Kind == ReportingPeriodKind.SixMonths).Select(p => p.Id).SingleAsync());
        var push = DossierTokens.Bearer(app, await DossierTokens.IssueAsync(app));
        var measure = await app.Db(db => db.PlanTargets.Where(t => t.PlanId == plan && t.Code == "1.1").SelectMany(t => t.Measures).Select(m => m.Id).SingleAsync());
        var coordinator = await app.As("coordinator");

        // Target 1.1 (at least 100 %) bound to the online rate; Sở Tư pháp's five dossiers a month all online.
        (await push.PushCsvAsync(Dossiers(online: _ => 5))).StatusCode.Should().Be(HttpStatusCode.OK);
        await BindAsync(coordinator, plan, measure);
        var onTrack = await DocxTextAsync(coordinator, period);
        onTrack.Should().Contain("I. KẾT QUẢ THỰC HIỆN").And.NotContain(Heading, "a target projected at 100 % is not at risk");

        // The same dossiers again, online 5, 4, 3, 2, 1 in January–May: the trend reaches 0 % in December.
        (await push.PushCsvAsync(Dossiers(online: month => 6 - month))).StatusCode.Should().Be(HttpStatusCode.OK);
        await BindAsync(coordinator, plan, measure, unbindFirst: true);   // a binding change resets the cached warnings
        var atRisk = await DocxTextAsync(coordinator, period);
        atRisk.Should().Contain(Heading).And.Contain("1 chỉ tiêu có nguy cơ không đạt vào cuối năm 2025")
            .And.Contain("đường xu hướng (bình phương nhỏ nhất)").And.Contain("Xu hướng 5 tháng")
            .And.Contain("Dự báo cuối năm").And.Contain("Sở Tư pháp (60%)");
        atRisk[atRisk.IndexOf(Heading)..].Should().NotContain("Sở Nội vụ (", "Sở Nội vụ's dossiers are all online");
    }

    /// <summary>January–May 2025: five dossiers of Sở Tư pháp a month (online as given) and one online dossier of Sở Nội vụ, fixed codes.</summary>
    static DossierCsv Dossiers(Func<int, int> online)
    {
        var csv = new DossierCsv();
        for (var month = 1; month <= 5; month++)
        {
            string D(int day) => new DateOnly(2025, month, day).ToString("yyyy-MM-dd");
            for (var i = 0; i < 5; i++)
                csv.Row(code: $"STP-{month}-{i}", received: D(3 + i), due: D(20), resolved: D(10), channel: i < online(month) ? "truc_tuyen" : "trực tiếp");
            csv.Row(code: $"SNV-{month}", agency: "Sở Nội vụ", received: D(5), due: D(20), resolved: D(10));
        }
        return csv;
    }

    static async Task BindAsync(HttpClient coordinator, int plan, int measure, bool unbindFirst = false)
    {
        var bindings = $"/Reports/Plans/{plan}/Bindings";
        if (unbindFirst)
            (await coordinator.PostWithTokenAsync($"{bindings}?handler=Unbind", new Dictionary<string, string?> { ["measureId"] = measure.ToString() }, tokenFrom: bindings))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.PostWithTokenAsync($"{bindings}?handler=Bind", new Dictionary<string, string?> { ["measureId"] = measure.ToString(), ["indicator"] = "kpi:online_rate" }, tokenFrom: bindings))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    public static async Task<string> DocxTextAsync(HttpClient client, int period)
    {
        var bytes = await client.GetByteArrayAsync($"/Reports/Periods/{period}?handler=Docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
    }
}
