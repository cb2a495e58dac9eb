using System.Net;
using FluentAssertions;
using ParTrack.Data;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Plans;

/// <summary>An agency plan whose basis was withdrawn, in English (own fixture: the culture cookie sticks to the clients).</summary>
public sealed class PlanBasisEnglishTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task WithdrawnBasis_InEnglish_FlagAndListSpeakEnglish()
    {
        var app = fx.App();
        var province = await app.ProvincePlanAsync(PlanStatus.Issued);
        var officer = await app.As("stp");
        var stpPlan = await PlanBasisTests.AgencyPlanFromAsync(app, officer, province);
        await PlanBasisTests.WithdrawAsync(await app.As("coordinator"), province);
        (await officer.GetAsync("/lang/en-US?returnUrl=/")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var flag = (await officer.GetPageAsync($"/Plans/{stpPlan}")).QuerySelector(".plan-basis-ended")!.TextContent;
        flag.Should().Contain("was withdrawn on").And.Contain("Review this plan").And.NotContain("đã bị thu hồi").And.NotContain("Hãy rà soát");
        (await officer.GetPageAsync("/Plans")).QuerySelector($"a.basis-ended[href='/Plans/{stpPlan}']")!.TextContent.Should().Contain("Basis withdrawn on");
        (await officer.GetPageAsync("/")).QuerySelector($"#todo .todo-item a[href='/Plans/{stpPlan}']")!.TextContent.Should().Contain("was withdrawn; review it");
    }
}
