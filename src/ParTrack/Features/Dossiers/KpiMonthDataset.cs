using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// "kpi-month": one finished month's ranking of agencies on the service KPIs, as provinces publish it (by on-time rate,
/// then online rate). Agencies with no dossier in the month are left out; a merged body's dossiers count for its successor.
/// </summary>
public sealed class KpiMonthDataset(AppDbContext db, KpiQueries queries, TimeProvider clock) : IPublicDataset
{
    public string Kind => "kpi-month";
    public string Title => "Xếp hạng cơ quan theo chỉ số phục vụ (hồ sơ một cửa) trong tháng";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct)
    {
        // The days dossiers were received on, from the day counters (a few thousand rows, not the dossiers).
        var received = db.Set<DossierDay>().AsNoTracking().Where(d => d.Received > 0);
        if (!await received.AnyAsync(ct)) return [];
        var first = await received.MinAsync(d => d.Day, ct);
        var last = await received.MaxAsync(d => d.Day, ct);
        var today = VietnamTime.Today(clock);
        var items = new List<PublicDatasetItem>();
        // Finished months only: a month still running would be published with half its dossiers.
        for (var m = new DateOnly(last.Year, last.Month, 1); m >= new DateOnly(first.Year, first.Month, 1); m = m.AddMonths(-1))
            if (m.AddMonths(1) <= today)
                items.Add(new PublicDatasetItem(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"Tháng {m.Month}/{m.Year}", m.AddMonths(1).AddDays(-1)));
        return items;
    }

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return null;
        var report = await queries.ReportAsync(new KpiWindow(month, month.AddMonths(1).AddDays(-1)), new KpiFilter(), ct);
        var ranked = report.Agencies.Where(a => a.Received > 0 || a.Resolved > 0)
            .OrderByDescending(a => a.OnTimeRate ?? -1).ThenByDescending(a => a.OnlineRate ?? -1).ThenBy(a => a.Agency, StringComparer.Ordinal).ToList();
        return new PublicTable($"Xếp hạng chỉ số phục vụ tháng {month.Month}/{month.Year}",
        [
            new("rank", "integer", "Hạng", "Theo tỷ lệ đúng hạn, rồi tỷ lệ trực tuyến"),
            new("agency", "string", "Cơ quan, đơn vị", "Cơ quan hiện hành (hồ sơ của cơ quan đã hợp nhất tính cho cơ quan kế thừa)"),
            new("received", "integer", "Hồ sơ tiếp nhận", "Hồ sơ tiếp nhận trong tháng (trừ hồ sơ rút)"),
            new("resolved", "integer", "Hồ sơ đã giải quyết", "Hồ sơ có kết quả trong tháng"),
            new("on_time_rate", "number", "Tỷ lệ đúng hạn (%)", "Đúng hạn ÷ đã giải quyết có hạn"),
            new("overdue_in_progress", "integer", "Quá hạn đang xử lý", "Hồ sơ chưa có kết quả đã quá hạn vào cuối tháng"),
            new("online_rate", "number", "Tỷ lệ trực tuyến (%)", "Hồ sơ nộp trực tuyến ÷ tiếp nhận"),
            new("fully_online_rate", "number", "Tỷ lệ trực tuyến toàn trình (%)", "Hồ sơ trực tuyến toàn trình ÷ tiếp nhận"),
            new("online_payment_rate", "number", "Tỷ lệ thanh toán trực tuyến (%)", "Thanh toán trực tuyến ÷ hồ sơ có phí"),
            new("digitised_inputs_rate", "number", "Tỷ lệ số hóa hồ sơ (%)", "Hồ sơ được số hóa ÷ tiếp nhận"),
            new("digitised_results_rate", "number", "Tỷ lệ số hóa kết quả (%)", "Kết quả được số hóa ÷ đã giải quyết"),
            new("formula_version", "string", "Phiên bản công thức", "Công thức theo partrack.kpis/v1"),
        ],
        ranked.Select((a, i) => (IReadOnlyList<object?>)[i + 1, a.Agency, a.Received, a.Resolved, a.OnTimeRate, a.OverdueInProgress, a.OnlineRate,
            a.FullyOnlineRate, a.OnlinePaymentRate, a.DigitisedInputsRate, a.DigitisedResultsRate, report.FormulaVersion]).ToList());
    }
}
