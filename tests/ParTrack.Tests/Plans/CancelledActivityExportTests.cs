using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>
/// A cancelled activity stays in the plan's exports and API but marked, as the page strikes it through: the framework
/// table's XLSX (column "Đã hủy"), the plan JSON download and GET /api/plans/{id} (cancelled: when, why) and the activity
/// list of the API (cancelled, cancelledAtUtc, cancelReason). Each file is downloaded and read back.
/// </summary>
public sealed class CancelledActivityExportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    const string Reason = "Nhiệm vụ chuyển sang năm sau";

    async Task<(TestApp App, HttpClient Client, int PlanId, int ActivityId, string Text)> CancelledAsync(string provider)
    {
        var app = fx.App(provider);
        var (planId, text) = await PlanWithdrawalTests.IssuedPlanAsync(app);
        var activityId = await CancelledActivityTests.FirstActivityAsync(app, planId);
        var coordinator = await app.As("coordinator");
        await CancelledActivityTests.CancelAsync(coordinator, planId, activityId, Reason);
        return (app, coordinator, planId, activityId, text);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CancelledActivity_InTheFrameworkXlsx_HasItsCancelledColumnFilled_OthersEmpty(string provider)
    {
        var (_, client, planId, _, text) = await CancelledAsync(provider);

        var bytes = await client.GetByteArrayAsync($"/Plans/{planId}?handler=Xlsx");

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var cancelled = rows[1].IndexOf("Đã hủy");
        cancelled.Should().BeGreaterThan(0, "the header names the column");
        var activity = rows[1].IndexOf("Hoạt động");
        var row = rows.Skip(2).Single(r => r[activity].Contains(text));
        row[cancelled].Should().MatchRegex(@"^Đã hủy ngày \d\d/\d\d/\d{4}: " + Reason + "$");
        rows.Skip(2).Where(r => r.Count > cancelled && r[activity].Length > 0 && r != row)
            .Should().NotBeEmpty().And.OnlyContain(r => r[cancelled] == "", "only the cancelled activity is marked");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CancelledActivity_InThePlanJson_CarriesWhenAndWhy_OthersHaveNoMark(string provider)
    {
        var (_, client, planId, _, text) = await CancelledAsync(provider);

        foreach (var url in (string[])[$"/Plans/{planId}?handler=Json", $"/api/plans/{planId}"])
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(url));
            var activities = json.RootElement.GetProperty("activities").EnumerateArray().ToList();
            var mark = activities.Single(a => a.GetProperty("text").GetString() == text).GetProperty("cancelled");
            mark.GetProperty("reason").GetString().Should().Be(Reason, url);
            mark.GetProperty("atUtc").GetDateTime().Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(5));
            activities.Where(a => a.GetProperty("text").GetString() != text)
                .Should().NotBeEmpty().And.OnlyContain(a => !a.EnumerateObject().Any(p => p.Name == "cancelled"), "{0}: an open activity has no mark", url);
        }
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task CancelledActivity_InTheApiActivityList_IsFlaggedWithItsReason(string provider)
    {
        var (_, client, planId, activityId, _) = await CancelledAsync(provider);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/activities");

        var all = list.EnumerateArray().ToList();
        var cancelled = all.Single(a => a.GetProperty("id").GetInt32() == activityId);
        cancelled.GetProperty("cancelled").GetBoolean().Should().BeTrue();
        cancelled.GetProperty("cancelReason").GetString().Should().Be(Reason);
        cancelled.GetProperty("cancelledAtUtc").ValueKind.Should().Be(JsonValueKind.String);
        all.Where(a => a.GetProperty("id").GetInt32() != activityId).Should().NotBeEmpty()
            .And.OnlyContain(a => !a.GetProperty("cancelled").GetBoolean() && a.GetProperty("cancelReason").ValueKind == JsonValueKind.Null);
    }
}
