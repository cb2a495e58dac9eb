using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>The plan pages and "Việc của tôi" switch to English with the culture cookie (own fixture: the cookie sticks to the clients).</summary>
public sealed class PlansEnglishTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AfterSwitchingToEnglish_PlanPageAndMyWork_SpeakEnglish()
    {
        var app = fx.App();
        var id = await app.ProvincePlanAsync();
        var officer = await app.As("snv");
        (await officer.GetAsync("/lang/en-US?returnUrl=/")).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);

        var plan = await officer.GetPageAsync($"/Plans/{id}");
        plan.Body!.TextContent.Should().Contain("Framework table").And.Contain("Due from")
            .And.Contain("Issued").And.NotContain("Bảng khung");
        plan.QuerySelector(".framework-table thead")!.TextContent.Should().Contain("Completion time").And.Contain("Support");

        var work = await officer.GetPageAsync("/MyWork");
        work.Body!.TextContent.Should().Contain("All work by area").And.NotContain("Tất cả việc theo lĩnh vực");
        // Deadline words come from the Domain's DueWording in English too ("N days overdue", "ongoing", …), not "quá hạn".
        work.QuerySelectorAll(".deadline").Select(e => e.TextContent).Should().NotBeEmpty().And.NotContain(t => t.Contains("quá hạn") || t.Contains("còn "));
    }
}
