using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ParTrack.Features.Accounts;
using ParTrack.Features.Home;
using ParTrack.Features.Shared;

namespace ParTrack.Tests.Home;

/// <summary>How the home groups what the registered sources (modules) give, and survives one that fails.</summary>
public sealed class TodoHomeGroupingTests
{
    sealed class Source(params WorkItem[] items) : IWorkItemSource
    {
        public Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct) => Task.FromResult<IReadOnlyList<WorkItem>>(items);
    }

    sealed class Broken : IWorkItemSource
    {
        public Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct) => throw new InvalidOperationException("module down");
    }

    static TodoHome Home(params IWorkItemSource[] sources) =>
        new(sources, new CurrentUser(new HttpContextAccessor()), NullLogger<TodoHome>.Instance);

    [Fact]
    public async Task ItemsOfEveryModule_AreGroupedUnderTheirHeading_UrgentGroupsAndLinesFirst_EmptyOnesLeftOut()
    {
        var home = Home(
            new Source(new WorkItem("Kiểm tra CCHC", "Khắc phục sau kiểm tra", "/Inspections/1", 2, new DateOnly(2026, 12, 20))),
            new Source(new WorkItem("Báo cáo", "Quý IV", "/r/4"), new WorkItem("Báo cáo", "Không có gì", "/r/0", Count: 0),
                new WorkItem("Báo cáo", "Quý III", "/r/3", 1, new DateOnly(2026, 10, 1), WorkUrgency.Overdue)),
            new Broken());

        var groups = await home.LoadAsync();

        groups.Select(g => (g.Title, g.Count)).Should().Equal(("Báo cáo", 2), ("Kiểm tra CCHC", 2));
        groups[0].Items.Select(i => i.Title).Should().Equal("Quý III", "Quý IV");
    }
}
