using FluentAssertions;
using ParTrack.Domain.Kpis;

namespace ParTrack.Domain.Tests.Kpis;

public sealed class MonthlyRankingTests
{
    static KpiValues Values(decimal? onTime, decimal? online = null, decimal? payment = null) =>
        new(10, 10, 0, 0, onTime, 0, online, null, payment, null, null);

    static readonly PointsTable Table = new(3,
    [
        new("on_time_rate", "Tiến độ giải quyết", 20, ScoringMethod.Bands, [new(98, 20), new(90, 12), new(80, 8)]),
        new("online_rate", "Dịch vụ công trực tuyến", 10, ScoringMethod.Proportional, []),
        new("online_payment_rate", "Thanh toán trực tuyến", 10, ScoringMethod.Proportional, []),
    ]);

    [Theory]
    [InlineData(100, 20)]
    [InlineData(98, 20)]
    [InlineData(97.99, 12)]
    [InlineData(90, 12)]
    [InlineData(85.5, 8)]
    [InlineData(79.99, 0)]
    public void Bands_GiveTheHighestBandReached(double rate, double points) =>
        Table.Items[0].Score((decimal)rate).Should().Be((decimal)points);

    [Theory]
    [InlineData(61.5, 6.15)]
    [InlineData(0, 0)]
    [InlineData(100, 10)]
    [InlineData(33.335, 3.33)]
    public void Proportional_IsRateTimesPoints_RoundedToTwoDecimals(double rate, double points) =>
        Table.Items[1].Score((decimal)rate).Should().Be((decimal)points);

    [Fact]
    public void NoRate_IsNotScored() => Table.Items[1].Score(null).Should().BeNull();

    [Fact]
    public void Ranking_OrdersByTotal_TiesShareARank_AndUnscoredUnitsComeLastUnranked()
    {
        var ranked = MonthlyRanking.Rank(Table,
        [
            ("Xã C", Values(onTime: 85, online: 50, payment: 50)),   // 8 + 5 + 5 = 18
            ("Xã A", Values(onTime: 99, online: 80, payment: 60)),   // 20 + 8 + 6 = 34
            ("Xã D", Values(onTime: null)),                            // nothing to judge
            ("Xã B", Values(onTime: 85, online: 50, payment: 50)),   // 18, tie with C
            ("Xã E", Values(onTime: 70, online: 10, payment: 10)),   // 0 + 1 + 1 = 2
        ], n => n);

        ranked.Select(r => (r.Unit, r.Total, r.Rank)).Should().Equal(
            ("Xã A", 34m, 1), ("Xã B", 18m, 2), ("Xã C", 18m, 2), ("Xã E", 2m, 4), ("Xã D", (decimal?)null, (int?)null));
        ranked[0].Points.Should().Equal(20m, 8m, 6m);
    }

    [Fact]
    public void AMissingIndicator_IsLeftOut_AndTheEarnedPointsAreScaledToTheTablesTotal()
    {
        // No fee-charging dossier: 20 + 8 earned of 30 possible, scaled to the table's 40 points.
        var ranked = MonthlyRanking.Rank(Table, [("Xã A", Values(onTime: 99, online: 80, payment: null))], n => n);

        ranked.Single().Points.Should().Equal(20m, 8m, null);
        ranked.Single().Total.Should().Be(37.33m);
    }

    [Fact]
    public void Problems_NameDuplicateIndicators_BadPoints_AndEmptyBands()
    {
        var problems = PointsTable.Problems(
        [
            new("on_time_rate", "Tiến độ", 20, ScoringMethod.Bands, []),
            new("on_time_rate", "Tiến độ", 0, ScoringMethod.Proportional, []),
            new("online_rate", "DVC", 10, ScoringMethod.Bands, [new(120, 5), new(50, 11)]),
        ]);

        problems.Should().HaveCount(5);
        problems.Should().Contain(p => p.Contains("có hai dòng"));
        PointsTable.Problems(PointsTable.Default.Items).Should().BeEmpty();
    }
}
