using FluentAssertions;
using ParTrack.Domain.Inspections;

namespace ParTrack.Domain.Tests.Inspections;

public class CoverageTests
{
    // Departments 1..10; 1 (Kế hoạch và Đầu tư) merged into 2 (Tài chính) on 01/03/2025; 3 and 4 merged into a new 11 the same day.
    static readonly DateOnly Merger = new(2025, 3, 1);
    static readonly List<RegistryUnit> Registry =
    [
        new(1, null, Merger.AddDays(-1), 2),
        new(2, null, null),
        new(3, null, Merger.AddDays(-1), 11),
        new(4, null, Merger.AddDays(-1), 11),
        .. Enumerable.Range(5, 6).Select(i => new RegistryUnit(i, null, null)),
        new(11, Merger, null),
    ];

    static GroupCoverage On(DateOnly day, CoverageTarget? target, params InspectedUnit[] inspections) =>
        Coverage.Of(Registry, Registry, inspections, target, day);

    static InspectedUnit I(int unit, DateOnly on) => new(unit, on);

    [Fact]
    public void BeforeTheMerger_TheGroupHasTenUnits()
    {
        On(new(2025, 2, 1), null).UnitsValid.Should().Be(10);
    }

    [Fact]
    public void AfterTheMerger_TheGroupCountsTheBodiesValidOnTheDay()
    {
        // 2, 5..10 and the new 11: the three merged bodies no longer count.
        On(new(2025, 6, 1), null).UnitsValid.Should().Be(8);
    }

    [Fact]
    public void InspectionOfAMergedBody_CountsForItsSuccessorOnce()
    {
        var c = On(new(2025, 6, 1), null, new(1, new(2025, 2, 10)), new(2, new(2025, 5, 10)), new(3, new(2025, 2, 12)));
        c.Inspected.Should().Be(2);   // 2 (itself and through 1) and 11 (through 3)
        c.Percent.Should().Be(25.0m);
    }

    [Fact]
    public void InspectionAfterTheDay_IsNotCountedYet()
    {
        On(new(2025, 6, 1), null, I(5, new(2025, 9, 1))).Inspected.Should().Be(0);
    }

    [Fact]
    public void PercentTarget_RoundsTheRequiredCountUp()
    {
        var c = On(new(2025, 6, 1), new(TargetKind.Percent, 30), new(5, new(2025, 4, 1)), new(6, new(2025, 4, 2)));
        c.Required.Should().Be(3);   // 30% of 8 = 2.4
        c.Met.Should().BeFalse();
        On(new(2025, 6, 1), new(TargetKind.Percent, 30), new(5, new(2025, 4, 1)), new(6, new(2025, 4, 2)), new(7, new(2025, 4, 3)))
            .Met.Should().BeTrue();
    }

    [Fact]
    public void CountTarget_IsMetAtTheCount()
    {
        On(new(2025, 6, 1), new(TargetKind.Count, 1), I(5, new(2025, 4, 1))).Met.Should().BeTrue();
    }

    [Fact]
    public void GroupWithoutUnitsOnTheDay_HasNoPercent()
    {
        var districts = new List<RegistryUnit> { new(20, null, new(2025, 6, 30)) };
        Coverage.Of(districts, districts, [new(20, new(2025, 5, 1))], null, new(2025, 8, 1)).Percent.Should().BeNull();
    }

    [Fact]
    public void AsOf_StaysWithinTheWindow()
    {
        Coverage.AsOf(new(2025, 4, 1), new(2025, 11, 30), new(2025, 1, 5)).Should().Be(new DateOnly(2025, 4, 1));
        Coverage.AsOf(new(2025, 4, 1), new(2025, 11, 30), new(2025, 12, 20)).Should().Be(new DateOnly(2025, 11, 30));
        Coverage.AsOf(new(2025, 4, 1), new(2025, 11, 30), new(2025, 6, 5)).Should().Be(new DateOnly(2025, 6, 5));
    }
}
