using System.Globalization;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// "Cảnh báo sớm" in the province's report (Place = Results, after the service KPIs), both on the period's data cut-off:
/// the bound targets whose year-end projection misses the goal (<see cref="TargetWarnings.AsOfAsync"/>: projection, gap,
/// method, agencies pulling them down) and the activities at risk of running late (<see cref="ActivityRisks.AsOfAsync"/>).
/// Nothing when neither, and nothing in an agency's own report (the warnings are the province's).
/// </summary>
public sealed class EarlyWarningReportSection(TargetWarnings warnings, ActivityRisks risks) : IReportContribution
{
    public const string Heading = "Cảnh báo sớm";
    public ReportPlace Place => ReportPlace.Results;
    public int Order => 20;

    public async Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct)
    {
        if (scope.AgencyId is not null) return null;
        var atRisk = (await warnings.AsOfAsync(scope.PlanId, scope.Year, scope.To, ct)).Where(w => w.Projection.AtRisk).ToList();
        var activities = await risks.AsOfAsync(scope.PlanId, scope.To, ct);
        if (atRisk.Count == 0 && activities.Count == 0) return null;
        var paragraphs = new List<string>();
        ReportTable? table = null;
        if (atRisk.Count > 0) (paragraphs, table) = Targets(scope, atRisk);
        if (activities.Count > 0)
        {
            paragraphs.Add($"Có {activities.Count} nhiệm vụ đến hạn trong {risks.WindowDays} ngày kể từ ngày {scope.To:dd/MM/yyyy} có nguy cơ chậm tiến độ: " +
                           "tỷ lệ hoàn thành cơ quan chủ trì báo cáo gần nhất thấp hơn tiến độ đều từ ngày bắt đầu (hoặc ngày 01/01) đến hạn " +
                           "(chưa báo cáo tính là 0%):");
            paragraphs.AddRange(activities.Select(a => $"- {FrameworkTable.Numbered(a.Code, a.Text.TrimEnd('.', ' '))} (hạn {a.DueEnd:dd/MM/yyyy}, " +
                $"theo tiến độ phải đạt {a.Expected}%): {string.Join("; ", a.Behind.Select(b => $"{b.Name} báo cáo {b.Reported}%"))}."));
        }
        return new ReportBlock(Heading, paragraphs, table);
    }

    static (List<string>, ReportTable) Targets(ReportScope scope, List<TargetWarning> atRisk)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string N(decimal v, string? unit) => v.ToString("0.##", vi) + (unit is { Length: > 0 } u ? (u == "%" ? "%" : " " + u) : "");
        var paragraphs = new List<string>
        {
            $"Theo số liệu tính tự động đến ngày {scope.To:dd/MM/yyyy}, {atRisk.Count} chỉ tiêu có nguy cơ không đạt vào cuối năm {scope.Year} (bảng dưới).",
            $"Phương pháp dự báo: đường xu hướng (bình phương nhỏ nhất) qua tối đa {YearEndProjection.TrendMonths} tháng gần nhất có số liệu, " +
            $"kéo đến tháng 12; khi xu hướng đi ngang (thay đổi dưới {YearEndProjection.FlatSlope.ToString("0.##", vi)} điểm/tháng) dùng bình quân " +
            $"các tháng từ đầu năm; không dự báo khi có dưới {YearEndProjection.MinMonths} tháng số liệu. Cơ quan kéo chỉ tiêu xuống là cơ quan có " +
            "số liệu lũy kế từ đầu năm thấp hơn mục tiêu (thấp nhất trước).",
        };
        var rows = atRisk.Select(w => (IReadOnlyList<string>)
        [
            FrameworkTable.Numbered(w.TargetCode, w.TargetText) + (w.Level is null ? "" : $" ({PlanLabels.Level(w.Level)})"),
            N(w.Goal, w.Unit),
            N(w.Projection.Value, w.Unit),
            N(w.Projection.Gap, w.Unit),
            w.Projection.Method == ProjectionMethod.Trend ? $"Xu hướng {w.Projection.MonthsUsed} tháng" : $"Bình quân {w.Projection.MonthsUsed} tháng",
            w.Lagging.Count == 0 ? "—" : string.Join("; ", w.Lagging.Select(a => $"{a.Name} ({N(a.Value, w.Unit)})")),
        ]).ToList();
        return (paragraphs, new ReportTable(["Chỉ tiêu có nguy cơ không đạt", "Mục tiêu", "Dự báo cuối năm", "Còn thiếu", "Phương pháp", "Cơ quan kéo chỉ tiêu xuống"], rows));
    }
}
