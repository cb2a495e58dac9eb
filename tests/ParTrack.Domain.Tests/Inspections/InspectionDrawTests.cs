using FluentAssertions;
using ParTrack.Domain.Inspections;

namespace ParTrack.Domain.Tests.Inspections;

public class InspectionDrawTests
{
    static readonly List<RegistryUnit> Units = Enumerable.Range(1, 40).Select(i => new RegistryUnit(i, null, null)).ToList();

    [Fact]
    public void SameSeedAndCandidates_DrawTheSameUnits_WhateverTheirOrder()
    {
        var a = InspectionDraw.Pick(Enumerable.Range(1, 40), 12, 20250401);
        var b = InspectionDraw.Pick(Enumerable.Range(1, 40).Reverse(), 12, 20250401);
        a.Should().Equal(b);
        a.Should().OnlyHaveUniqueItems().And.HaveCount(12);
    }

    [Fact]
    public void DifferentSeeds_DrawDifferentUnits()
    {
        InspectionDraw.Pick(Enumerable.Range(1, 40), 12, 1).Should().NotEqual(InspectionDraw.Pick(Enumerable.Range(1, 40), 12, 2));
    }

    [Fact]
    public void KnownSeed_GivesTheRecordedUnits()
    {
        // Pinned so a change to the generator (which would make recorded draws unverifiable) fails here.
        InspectionDraw.Pick(Enumerable.Range(1, 10), 3, 42).Should().Equal(Pinned);
    }

    static readonly int[] Pinned = [4, 3, 5];

    [Fact]
    public void MoreThanCandidates_TakesThemAll()
    {
        InspectionDraw.Pick([3, 1, 2], 5, 7).Should().BeEquivalentTo([1, 2, 3]);
    }

    [Fact]
    public void Eligible_ExcludesUnitsInspectedInTheLastYears_NotOlderOnes()
    {
        var earlier = new[] { new InspectedUnit(1, new(2024, 5, 1)), new InspectedUnit(2, new(2022, 5, 1)), new InspectedUnit(3, new(2021, 5, 1)) };
        var eligible = InspectionDraw.Eligible(Units, Units, earlier, 2025, 3, new(2025, 4, 1));
        eligible.Should().NotContain([1, 2]).And.Contain(3).And.HaveCount(38);
    }

    [Fact]
    public void Eligible_ExcludesTheSuccessorOfARecentlyInspectedBody_AndBodiesNotValidOnTheDay()
    {
        List<RegistryUnit> registry = [new(1, null, new(2025, 2, 28), 2), new(2, null, null), new(3, null, null)];
        var eligible = InspectionDraw.Eligible(registry, registry, [new(1, new(2024, 5, 1))], 2025, 2, new(2025, 4, 1));
        eligible.Should().Equal(3);
    }

    [Fact]
    public void DrawFromEligible_NeverPicksARecentlyInspectedUnit()
    {
        var earlier = Enumerable.Range(1, 20).Select(i => new InspectedUnit(i, new(2024, 3, 1)));
        var drawn = InspectionDraw.Pick(InspectionDraw.Eligible(Units, Units, earlier, 2025, 1, new(2025, 4, 1)), 10, 99);
        drawn.Should().OnlyContain(id => id > 20);
    }
}
