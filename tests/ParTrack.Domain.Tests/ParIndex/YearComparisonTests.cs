using FluentAssertions;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

public class YearComparisonTests
{
    private static UnitResult R(string id, decimal index, int rank) => new(id, "G", 0, 0, 0, 0, 100, index, rank, "");

    [Fact]
    public void DeltaAndRankChange_PerUnit()
    {
        var lastYear = new[] { R("A", 80, 2), R("B", 85, 1), R("Gone", 60, 3) };
        var thisYear = new[] { R("A", 88.25m, 1), R("B", 84, 2), R("New", 70, 3) };

        var rows = YearComparison.Compare(lastYear, thisYear);

        rows.Should().Equal(
            new UnitYearChange("A", 88.25m, 80, 8.25m, 1, 2, 1),
            new UnitYearChange("B", 84, 85, -1, 2, 1, -1),
            new UnitYearChange("New", 70, null, null, 3, null, null));
    }
}
