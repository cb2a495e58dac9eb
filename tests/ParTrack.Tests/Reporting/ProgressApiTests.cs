using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;
using R = ParTrack.Domain.Activities.ReportedStatus;

namespace ParTrack.Tests.Reporting;

/// <summary>The progress API: periods, report states in scope, accept/return with problem details, OpenAPI.</summary>
public sealed class ProgressApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Periods_ListTheFourPeriodsWithWindowsAndDeadlines()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var periods = (await (await app.As("leader")).GetFromJsonAsync<List<PeriodDto>>($"/api/periods?planId={g.PlanId}"))!;
        periods.Select(p => p.Kind).Should().Equal("Q1", "SixMonths", "Q3", "Year");
        periods[0].Should().Be(new PeriodDto(g.Periods[ReportingPeriodKind.Q1], g.PlanId, 2025, "Q1", "Quý I/2025",
            new DateOnly(2024, 12, 15), new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 18)));
        (await (await app.As("leader")).GetAsync("/api/periods?planId=999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reports_CoordinatorSeesEveryOwingAgency_OfficerOnlyItsOwn()
    {
        var app = fx.App();
        var (_, period) = await app.OpenQ1Async();
        var all = (await (await app.As("coordinator")).GetFromJsonAsync<List<ReportStateDto>>($"/api/reports?periodId={period}"))!;
        all.Should().HaveCountGreaterThan(1);
        all.Should().OnlyContain(r => r.State == "None" || r.ReportId != null);
        var mine = (await (await app.As("snv")).GetFromJsonAsync<List<ReportStateDto>>($"/api/reports?periodId={period}"))!;
        // Sở Nội vụ's officers also finish the reports of the department merged into it on 01/03/2025 (the demo's reorganisation).
        mine.Should().Contain(r => r.Agency == "Sở Nội vụ");
        mine.Should().OnlyContain(r => r.Agency == "Sở Nội vụ" || r.Agency == "Sở Lao động - Thương binh và Xã hội");
        mine.Should().HaveCountLessThan(all.Count);
    }

    [Fact]
    public async Task Accept_ThenAcceptAgain_IsConflict_AndReturnWithoutComment_IsRefusedInVietnamese()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var q1 = g.Periods[ReportingPeriodKind.Q1];
        await app.SubmitAsync(q1, g.Agencies[0], new Dictionary<int, R> { [g.Activities[1]] = R.Done });
        await app.SubmitAsync(q1, g.Agencies[1], new Dictionary<int, R>());
        var coordinator = await app.As("coordinator");

        var noComment = await coordinator.PostAsJsonAsync($"/api/reports/{q1}/{g.Agencies[1]}/return", new { comment = "" });
        noComment.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noComment.Content.ReadAsStringAsync()).Should().Contain("Trả lại báo cáo cần có ý kiến");
        (await app.ReportAsync(q1, g.Agencies[1])).State.Should().Be(ReportState.Submitted, "a refused return changes nothing");

        var accepted = await coordinator.PostAsJsonAsync($"/api/reports/{q1}/{g.Agencies[0]}/accept", new { comment = "Đạt yêu cầu." });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<ReviewResultDto>())!.State.Should().Be("Accepted");
        var progress = (await coordinator.GetFromJsonAsync<PlanProgressDto>($"/api/plans/{g.PlanId}/progress?periodId={q1}"))!;
        progress.Activities.Single(a => a.ActivityId == g.Activities[1]).Agencies.Single().Should()
            .Be(new AgencyStateDto(g.Agencies[0], progress.Agencies.Single(a => a.AgencyId == g.Agencies[0]).Agency, "Done", 100, "Accepted"));

        var again = await coordinator.PostAsJsonAsync($"/api/reports/{q1}/{g.Agencies[0]}/accept", new { comment = "" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await coordinator.PostAsJsonAsync($"/api/reports/{q1}/{g.Agencies[2]}/accept", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var returned = await coordinator.PostAsJsonAsync($"/api/reports/{q1}/{g.Agencies[1]}/return", new { comment = "Bổ sung minh chứng." });
        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.ReportAsync(q1, g.Agencies[1])).ReviewComment.Should().Be("Bổ sung minh chứng.");
    }

    [Fact]
    public async Task Progress_OfAnotherPlansPeriod_IsNotFound_AndTheOpenApiDocumentDescribesTheRoutes()
    {
        var app = fx.App();
        var g = await app.GroupPlanAsync();
        var (_, otherPeriod) = await app.OpenQ1Async();
        var coordinator = await app.As("coordinator");
        (await coordinator.GetAsync($"/api/plans/{g.PlanId}/progress?periodId={otherPeriod}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/plans/{g.PlanId}/progress")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var openApi = await coordinator.GetStringAsync("/openapi/v1.json");
        openApi.Should().Contain("/api/plans/{planId}/progress").And.Contain("/api/reports/{periodId}/{agencyId}/accept")
            .And.Contain("PlanProgressDto").And.Contain("A plan's progress in one period")
            .And.Contain("at most 1000").And.Contain("Only the activities of this area of the plan.").And.Contain("activitiesTotal");
    }
}
