using FluentAssertions;
using ParTrack.Domain.Satisfaction;

namespace ParTrack.Domain.Tests.Satisfaction;

/// <summary>The per-dossier rating scheme: totals per criterion, bands by threshold, its text form and what makes it unusable.</summary>
public sealed class RatingSchemeTests
{
    [Theory]
    [InlineData(18, "Xuất sắc")]
    [InlineData(16, "Xuất sắc")]
    [InlineData(15.5, "Tốt")]
    [InlineData(12, "Tốt")]
    [InlineData(11.99, "Khá")]
    [InlineData(6, "Trung bình")]
    [InlineData(0, "Yếu")]
    public void Band_IsTheHighestWhoseThresholdTheTotalReaches(decimal total, string band) =>
        RatingScheme.Default.BandOf(total).Should().Be(band);

    [Fact]
    public void GoodBands_AreTheTwoHighest()
    {
        RatingScheme.Default.GoodBands.Should().BeEquivalentTo("Xuất sắc", "Tốt");
    }

    [Fact]
    public void Total_ChecksEachCriterionAgainstItsOwnPoints()
    {
        var scheme = new RatingScheme([new("A", 2), new("B", 3)], [new("Tốt", 4), new("Yếu", 0)]);
        scheme.Max.Should().Be(5);
        scheme.Total([2, 3]).Total.Should().Be(5);
        scheme.Total([3, 2]).Error.Should().Contain("Tiêu chí 1 (A)").And.Contain("từ 0 đến 2");
        scheme.Total([2]).Error.Should().Contain("2 tiêu chí");
        scheme.CheckTotal(5.5m).Should().Contain("từ 0 đến 5");
        scheme.CheckTotal(-1).Should().NotBeNull();
        scheme.CheckTotal(5).Should().BeNull();
    }

    [Fact]
    public void Text_RoundTripsTheDefault_AndReadsDecimalCommas()
    {
        var (scheme, errors) = RatingSchemeText.Parse(RatingSchemeText.CriteriaText(RatingScheme.Default), RatingSchemeText.BandsText(RatingScheme.Default));
        errors.Should().BeEmpty();
        scheme!.Criteria.Should().Equal(RatingScheme.Default.Criteria);
        scheme.BandsDown.Should().Equal(RatingScheme.Default.BandsDown);

        var (half, _) = RatingSchemeText.Parse("Thời gian; 1,5\nThái độ; 1.5", "Đạt; 1,5\nChưa đạt; 0");
        half!.Max.Should().Be(3);
        half.BandOf(1.5m).Should().Be("Đạt");
    }

    [Theory]
    [InlineData("Thời gian", "Tốt; 1\nYếu; 0", "dòng 1")]
    [InlineData("Thời gian; hai", "Tốt; 1\nYếu; 0", "dòng 1")]
    [InlineData("", "Tốt; 1\nYếu; 0", "ít nhất một tiêu chí")]
    [InlineData("A; 2", "Tốt; 1", "từ 2 đến")]
    [InlineData("A; 2", "Tốt; 1\nYếu; 0.5", "bắt đầu từ 0")]
    [InlineData("A; 2", "Tốt; 1\nTốt; 0", "khác nhau")]
    [InlineData("A; 2", "Tốt; 3\nYếu; 0", "vượt tổng điểm tối đa")]
    [InlineData("A; 0", "Tốt; 0\nYếu; 0", "lớn hơn 0")]
    public void Parse_RefusesAnUnusableScheme_SayingWhy(string criteria, string bands, string reason)
    {
        var (scheme, errors) = RatingSchemeText.Parse(criteria, bands);
        scheme.Should().BeNull();
        string.Join(" ", errors).Should().Contain(reason);
    }
}
