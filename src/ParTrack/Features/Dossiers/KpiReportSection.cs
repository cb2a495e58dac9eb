using System.Globalization;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// "Kết quả giải quyết thủ tục hành chính" in the consolidated report (Place = Results): the period's KPIs for the
/// province (or the report's agency) and, in a province report, per agency. Nothing when no dossier is stored for the period.
/// </summary>
public sealed class KpiReportSection(KpiQueries queries) : IReportContribution
{
    public ReportPlace Place => ReportPlace.Results;
    public int Order => 10;

    public async Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct)
    {
        var ids = scope.AgencyId is int id ? await queries.AgencyAndPredecessorsAsync(id, ct) : null;
        var report = await queries.ReportAsync(new KpiWindow(scope.From, scope.To), new KpiFilter(ids), ct);
        var p = report.Province;
        if (p.Received == 0 && p.Resolved == 0 && p.OverdueInProgress == 0) return null;
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string Rate(decimal? r) => r is { } v ? v.ToString("0.##", vi) + "%" : "—";
        var paragraphs = new List<string>
        {
            string.Format(vi, "Trong kỳ ({0:dd/MM/yyyy} – {1:dd/MM/yyyy}) đã tiếp nhận {2:N0} hồ sơ, giải quyết {3:N0} hồ sơ, trong đó đúng hạn {4:N0} ({5}), quá hạn {6:N0}; {7:N0} hồ sơ đang xử lý đã quá hạn.",
                scope.From, scope.To, p.Received, p.Resolved, p.OnTime, Rate(p.OnTimeRate), p.Late, p.OverdueInProgress),
            $"Tỷ lệ hồ sơ trực tuyến {Rate(p.OnlineRate)} (toàn trình {Rate(p.FullyOnlineRate)}); thanh toán trực tuyến {Rate(p.OnlinePaymentRate)}; số hóa hồ sơ {Rate(p.DigitisedInputsRate)}, số hóa kết quả {Rate(p.DigitisedResultsRate)} (số liệu từ hệ thống một cửa, công thức {KpiValues.FormulaVersion}).",
        };
        var rows = report.Agencies.Where(a => a.Received > 0 || a.Resolved > 0)
            .Select(a => (IReadOnlyList<string>)[a.Agency, a.Received.ToString("N0", vi), a.Resolved.ToString("N0", vi), Rate(a.OnTimeRate),
                a.OverdueInProgress.ToString("N0", vi), Rate(a.OnlineRate), Rate(a.OnlinePaymentRate), Rate(a.DigitisedResultsRate)])
            .ToList();
        var table = rows.Count == 0 ? null : new ReportTable(
            ["Cơ quan", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Quá hạn đang xử lý", "Trực tuyến", "Thanh toán trực tuyến", "Số hóa kết quả"], rows);
        return new ReportBlock("Kết quả giải quyết thủ tục hành chính", paragraphs, table);
    }
}
