using FluentAssertions;
using ParTrack.Domain.Kpis;

namespace ParTrack.Domain.Tests.Kpis;

/// <summary>Each v1 definition of contracts/dossier-csv-v1.md, one dossier at a time, in the window Q1 2025.</summary>
public class KpiFormulaTests
{
    static readonly KpiWindow Q1 = new(new(2025, 1, 1), new(2025, 3, 31));

    static DossierRow Dossier(
        DossierStatus status = DossierStatus.Resolved, string received = "2025-01-10", string? due = "2025-01-20",
        string? resolved = "2025-01-15", int suspended = 0, Channel channel = Channel.InPerson,
        ServiceLevel service = ServiceLevel.None, bool fee = false, bool paid = false, bool inputs = false, bool result = false) =>
        new("HS-1", "1.001", null, null, "Sở Tư pháp", null, DateOnly.Parse(received),
            due is null ? null : DateOnly.Parse(due), resolved is null ? null : DateOnly.Parse(resolved), null,
            channel, service, fee, paid, inputs, result, status, suspended);

    static KpiCounts Count(DossierRow row) => KpiCounts.Of(row, Q1);

    [Fact]
    public void ResolvedBeforeDeadline_IsReceivedResolvedAndOnTime() =>
        Count(Dossier()).Should().Be(KpiCounts.Zero with { Received = 1, Resolved = 1, OnTime = 1 });

    [Fact]
    public void ResolvedOnTheDeadlineDay_IsOnTime() =>
        Count(Dossier(resolved: "2025-01-20")).OnTime.Should().Be(1);

    [Fact]
    public void ResolvedAfterDeadline_IsLate() =>
        Count(Dossier(resolved: "2025-01-21")).Should().Be(KpiCounts.Zero with { Received = 1, Resolved = 1, Late = 1 });

    [Fact]
    public void NoDeadline_IsAlwaysOnTime() =>
        Count(Dossier(due: null, resolved: "2025-03-30")).OnTime.Should().Be(1);

    [Fact]
    public void SuspendedDays_ExtendTheDeadline()
    {
        Count(Dossier(resolved: "2025-01-25", suspended: 5)).OnTime.Should().Be(1);
        Count(Dossier(resolved: "2025-01-26", suspended: 5)).Late.Should().Be(1);
    }

    [Fact]
    public void ResolvedAfterTheWindow_IsNotResolvedButOverdueIfItsDeadlinePassed()
    {
        var row = Dossier(received: "2025-03-01", due: "2025-03-20", resolved: "2025-04-05");
        Count(row).Should().Be(KpiCounts.Zero with { Received = 1, OverdueInProgress = 1 });
    }

    [Fact]
    public void ReceivedBeforeTheWindow_ResolvedInIt_CountsAsResolvedNotReceived() =>
        Count(Dossier(received: "2024-12-20", due: "2025-01-05", resolved: "2025-01-03"))
            .Should().Be(KpiCounts.Zero with { Resolved = 1, OnTime = 1 });

    [Theory]
    [InlineData(DossierStatus.InProgress, "2025-03-30", 1)]
    [InlineData(DossierStatus.Suspended, "2025-03-30", 1)]
    [InlineData(DossierStatus.InProgress, "2025-03-31", 0)]   // due on the last day: not yet overdue
    [InlineData(DossierStatus.Returned, "2025-03-01", 0)]
    public void InProgressPastItsEffectiveDeadline_IsOverdue(DossierStatus status, string due, int overdue) =>
        Count(Dossier(status, due: due, resolved: null)).OverdueInProgress.Should().Be(overdue);

    [Fact]
    public void InProgressWithoutDeadline_IsNeverOverdue() =>
        Count(Dossier(DossierStatus.InProgress, due: null, resolved: null)).OverdueInProgress.Should().Be(0);

    [Fact]
    public void InProgressWhoseSuspensionMovesTheDeadlinePastTheWindowEnd_IsNotOverdue() =>
        Count(Dossier(DossierStatus.InProgress, due: "2025-03-25", resolved: null, suspended: 10)).OverdueInProgress.Should().Be(0);

    [Fact]
    public void ReceivedAfterTheWindow_CountsForNothing() =>
        Count(Dossier(DossierStatus.InProgress, received: "2025-04-02", due: "2025-01-01", resolved: null)).Should().Be(KpiCounts.Zero);

    [Fact]
    public void Withdrawn_CountsInReceivedOnly() =>
        Count(Dossier(DossierStatus.Withdrawn, channel: Channel.Online, service: ServiceLevel.Full, fee: true, paid: true, inputs: true, result: true))
            .Should().Be(KpiCounts.Zero with { Received = 1 });

    [Fact]
    public void OnlineFullService_CountsOnlineAndFullyOnline() =>
        Count(Dossier(channel: Channel.Online, service: ServiceLevel.Full)).Should().Match<KpiCounts>(c => c.Online == 1 && c.FullyOnline == 1);

    [Fact]
    public void InPersonForAFullOnlineProcedure_IsNotFullyOnline() =>
        Count(Dossier(service: ServiceLevel.Full)).FullyOnline.Should().Be(0);

    [Fact]
    public void PaidOnlineWithoutFee_IsNotInThePaymentRate() =>
        Count(Dossier(fee: false, paid: true)).Should().Match<KpiCounts>(c => c.FeeRequired == 0 && c.PaidOnline == 0);

    [Fact]
    public void DigitisedResult_CountsOnlyWhenResolvedInTheWindow()
    {
        Count(Dossier(result: true)).DigitisedResults.Should().Be(1);
        Count(Dossier(DossierStatus.InProgress, resolved: null, result: true)).DigitisedResults.Should().Be(0);
    }

    [Fact]
    public void Values_ComputeRatesFromCounts()
    {
        var counts = new KpiCounts(Received: 1200, Resolved: 1100, OnTime: 1050, Late: 50, OverdueInProgress: 12, Online: 738,
            FullyOnline: 363, FeeRequired: 100, PaidOnline: 40, DigitisedInputs: 1056, DigitisedResults: 1000);
        var v = KpiValues.From(counts);
        v.OnTimeRate.Should().Be(95.45m);
        v.OnlineRate.Should().Be(61.5m);
        v.FullyOnlineRate.Should().Be(30.25m);
        v.OnlinePaymentRate.Should().Be(40m);
        v.DigitisedInputsRate.Should().Be(88m);
        v.DigitisedResultsRate.Should().Be(90.91m);
        v.Value("overdue_in_progress").Should().Be(12);
    }

    [Fact]
    public void ZeroDenominators_GiveNullRates()
    {
        var v = KpiValues.From(KpiCounts.Zero with { Received = 3 });
        v.OnTimeRate.Should().BeNull();
        v.DigitisedResultsRate.Should().BeNull();
        v.OnlinePaymentRate.Should().BeNull();
        v.OnlineRate.Should().Be(0m);
    }

    [Theory]
    [InlineData(1, 8, 12.5)]          // exact
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 16, 6.25)]
    [InlineData(1, 1600, 0.06)]       // 0.0625 → half away from zero at 2 decimals: 0.06 (not a midpoint)
    [InlineData(1, 800, 0.13)]        // 0.125 is a midpoint: away from zero → 0.13 (banker's would give 0.12)
    [InlineData(5, 400, 1.25)]
    [InlineData(1, 80000, 0)]         // 0.00125 → 0.00
    public void Rates_RoundHalfAwayFromZeroToTwoDecimals(long part, long whole, double expected) =>
        KpiValues.Rate(part, whole).Should().Be((decimal)expected);

    [Fact]
    public void Counts_AddUp() =>
        (Count(Dossier()) + Count(Dossier(resolved: "2025-02-01"))).Should().Be(KpiCounts.Zero with { Received = 2, Resolved = 2, OnTime = 1, Late = 1 });

    [Fact]
    public void FormulaVersion_IsV1() => KpiValues.FormulaVersion.Should().Be("v1");
}
