using FluentAssertions;
using ParTrack.Tests.Infrastructure;
using ParTrack.Tests.Plans;

namespace ParTrack.Tests.MyWork;

/// <summary>"Việc của tôi" grouped by plan with its name and count, the year by default, and the filters.</summary>
public sealed class MyWorkPageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task WorkIsGroupedByPlan_WithCounts_AndFiltersNarrowIt(string provider)
    {
        var app = fx.App(provider);
        var planId = await app.ProvincePlanAsync();   // the 2025 fixture plan, issued
        var snv = await app.As("snv");

        // This year has no plan here: the latest year with work is shown.
        var all = await snv.GetPageAsync("/MyWork");
        all.QuerySelector("#f-year option[selected]")!.TextContent.Should().Be("2025");
        var group = all.QuerySelector($"#plan-{planId}")!.Closest("section")!;
        var count = int.Parse(group.QuerySelector(".plan-count")!.TextContent);
        count.Should().Be(group.QuerySelectorAll(".list-group-item").Length).And.BeGreaterThan(0);

        var support = await snv.GetPageAsync("/MyWork?Year=2025&Role=support");
        support.QuerySelectorAll("main .plan-group .list-group-item .badge.text-bg-secondary").Length
            .Should().Be(support.QuerySelectorAll("main .plan-group .list-group-item").Length, "only coordinated work (Phối hợp) is left");
        var lead = await snv.GetPageAsync("/MyWork?Year=2025&Role=lead");
        (lead.QuerySelectorAll("main .plan-group .list-group-item").Length + support.QuerySelectorAll("main .plan-group .list-group-item").Length)
            .Should().Be(count);

        var overdue = await snv.GetPageAsync("/MyWork?Year=2025&Due=overdue");
        overdue.QuerySelectorAll("main .plan-group .deadline").Select(d => d.TextContent).Should().OnlyContain(t => t.StartsWith("quá hạn"));

        (await snv.GetPageAsync("/MyWork?Year=2030")).QuerySelector("#no-work").Should().NotBeNull();
    }
}
