using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Dashboard;
using ParTrack.Features.Reporting;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// The province plan's periods, the items of the three plan datasets. Figures come from the dashboard query (which
/// reads Reporting's Progress, the one path for progress figures), never re-derived here. Only what the plan
/// document itself says (areas, targets, activities, lead bodies) and counts are public: no report narrative,
/// comment, evidence file or person.
/// </summary>
public sealed class PlanPeriods(AppDbContext db, DashboardQuery dashboard)
{
    public async Task<IReadOnlyList<(PublicDatasetItem Item, int PeriodId)>> ItemsAsync(CancellationToken ct)
    {
        var periods = await db.Set<ReportPeriod>().AsNoTracking().Include(p => p.Plan)
            .Where(p => p.Kind != ReportingPeriodKind.AdHoc && p.Plan!.OwnerAgencyId == null && p.Plan.Status == PlanStatus.Issued)
            .OrderByDescending(p => p.DataTo).ThenByDescending(p => p.PlanId).ToListAsync(ct);
        // One item per period key: the latest province plan's period when two plans cover a year.
        return periods.GroupBy(p => PeriodKeys.Of(p.Year, p.Kind)!).Select(g => g.First())
            .Select(p => (new PublicDatasetItem(PeriodKeys.Of(p.Year, p.Kind)!, $"{p.Title} – {p.Plan!.Title}", p.DataTo), p.Id)).ToList();
    }

    public async Task<(string Key, DashboardView View)?> ViewAsync(string key, CancellationToken ct)
    {
        var match = (await ItemsAsync(ct)).FirstOrDefault(i => i.Item.Key == key);
        if (match.Item is null) return null;
        return (key, await dashboard.LoadAsync(match.PeriodId, ct));
    }
}

/// <summary>"plan-progress": activities by state per plan area for a period (the dashboard's area table).</summary>
public sealed class PlanProgressDataset(PlanPeriods periods) : IPublicDataset
{
    public string Kind => "plan-progress";
    public string Title => "Tiến độ kế hoạch CCHC theo lĩnh vực";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct) => (await periods.ItemsAsync(ct)).Select(i => i.Item).ToList();

    static readonly PublicColumn[] Columns =
    [
        new("period", "string", "Kỳ", "Khóa kỳ báo cáo: năm và số tháng tính từ tháng 1 (2025-9M: báo cáo 9 tháng năm 2025)."),
        new("area_code", "string", "Mã lĩnh vực", "Số thứ tự của lĩnh vực trong kế hoạch (I, II…)."),
        new("area", "string", "Lĩnh vực", "Tên lĩnh vực cải cách hành chính theo kế hoạch."),
        new("activities", "integer", "Số hoạt động", "Số hoạt động của lĩnh vực trong kế hoạch."),
        new("done", "integer", "Hoàn thành", "Hoạt động đã hoàn thành (kể cả hoàn thành quá hạn) theo báo cáo của kỳ."),
        new("in_progress", "integer", "Đang thực hiện", "Hoạt động đang thực hiện, chưa đến hạn."),
        new("not_started", "integer", "Chưa triển khai", "Hoạt động chưa triển khai, chưa đến hạn."),
        new("overdue", "integer", "Quá hạn", "Hoạt động đã quá hạn mà chưa hoàn thành."),
        new("not_done", "integer", "Không thực hiện", "Hoạt động được báo cáo là không thực hiện."),
        new("percent", "integer", "Tỷ lệ hoàn thành (%)", "Hoàn thành / số hoạt động × 100, làm tròn."),
    ];

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (await periods.ViewAsync(key, ct) is not { View.Progress: { } p }) return null;
        var rows = p.Areas.Select(a => (IReadOnlyList<object?>)[key, a.Code, a.Title, a.Totals.Activities, a.Totals.Done, a.Totals.InProgress,
            a.Totals.NotStarted, a.Totals.Overdue, a.Totals.NotDone, a.Totals.Percent]).ToList();
        return new PublicTable(Title, Columns, rows);
    }
}

/// <summary>"plan-targets": each target measure with its plan value and the province's actuals up to the period.</summary>
public sealed class PlanTargetsDataset(PlanPeriods periods) : IPublicDataset
{
    public string Kind => "plan-targets";
    public string Title => "Chỉ tiêu của kế hoạch CCHC và kết quả thực hiện";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct) => (await periods.ItemsAsync(ct)).Select(i => i.Item).ToList();

    static readonly PublicColumn[] Columns =
    [
        new("period", "string", "Kỳ", "Khóa kỳ báo cáo: năm và số tháng tính từ tháng 1."),
        new("target_code", "string", "Mã chỉ tiêu", "Số hiệu chỉ tiêu trong kế hoạch."),
        new("area_code", "string", "Mã lĩnh vực", "Lĩnh vực của chỉ tiêu."),
        new("target", "string", "Chỉ tiêu", "Nội dung chỉ tiêu theo kế hoạch."),
        new("level", "string", "Cấp", "Cấp áp dụng: province, district, commune hoặc trống (mọi cấp)."),
        new("comparator", "string", "So sánh", "atLeast (tối thiểu), atMost (tối đa), exactly, reduceBy, increaseBy."),
        new("plan_value", "number", "Giá trị kế hoạch", "Giá trị chỉ tiêu đặt ra trong kế hoạch."),
        new("unit", "string", "Đơn vị", "Đơn vị của giá trị (%, văn bản…)."),
        new("actual_3m", "number", "Thực hiện quý I", "Số liệu toàn tỉnh theo các báo cáo quý I đã tiếp nhận."),
        new("actual_6m", "number", "Thực hiện 6 tháng", "Số liệu toàn tỉnh theo các báo cáo 6 tháng đã tiếp nhận."),
        new("actual_9m", "number", "Thực hiện 9 tháng", "Số liệu toàn tỉnh theo các báo cáo 9 tháng đã tiếp nhận."),
        new("actual_12m", "number", "Thực hiện cả năm", "Số liệu toàn tỉnh theo các báo cáo năm đã tiếp nhận."),
        new("achievement", "string", "Đánh giá", "Đạt, chưa đạt, có nguy cơ không đạt hoặc chưa có số liệu (theo kỳ gần nhất)."),
    ];

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (await periods.ViewAsync(key, ct) is not { } found) return null;
        decimal? At(MeasureProgress m, ReportingPeriodKind k) => m.Actuals.TryGetValue(k, out var v) ? v : null;
        var rows = found.View.Measures.Select(m => (IReadOnlyList<object?>)[key, m.TargetCode, m.AreaCode, m.TargetText, m.Level, m.Comparator,
            m.Goal, m.Unit, At(m, ReportingPeriodKind.Q1), At(m, ReportingPeriodKind.SixMonths), At(m, ReportingPeriodKind.Q3),
            At(m, ReportingPeriodKind.Year), m.Achievement.Label]).ToList();
        return new PublicTable(Title, Columns, rows);
    }
}

/// <summary>"plan-activities": who leads what, with each activity's state in the period.</summary>
public sealed class PlanActivitiesDataset(PlanPeriods periods) : IPublicDataset
{
    public string Kind => "plan-activities";
    public string Title => "Hoạt động của kế hoạch CCHC: cơ quan chủ trì và tình trạng";

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct) => (await periods.ItemsAsync(ct)).Select(i => i.Item).ToList();

    static readonly PublicColumn[] Columns =
    [
        new("period", "string", "Kỳ", "Khóa kỳ báo cáo: năm và số tháng tính từ tháng 1."),
        new("activity_code", "string", "Mã hoạt động", "Số hiệu hoạt động trong kế hoạch."),
        new("area_code", "string", "Mã lĩnh vực", "Lĩnh vực của hoạt động."),
        new("activity", "string", "Hoạt động", "Nội dung hoạt động theo kế hoạch."),
        new("lead", "string", "Cơ quan chủ trì", "Cơ quan chủ trì theo kế hoạch."),
        new("due", "string", "Thời gian hoàn thành", "Thời hạn như kế hoạch ghi."),
        new("due_end", "date", "Hạn cuối", "Ngày cuối của thời hạn, nếu xác định được."),
        new("status", "string", "Tình trạng", "Tình trạng trong kỳ theo báo cáo của các cơ quan chủ trì."),
        new("percent", "integer", "Tiến độ (%)", "Tỷ lệ hoàn thành trung bình của các cơ quan chủ trì."),
    ];

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (await periods.ViewAsync(key, ct) is not { View.Progress: { } p }) return null;
        var areaCode = p.Areas.Where(a => a.AreaId is not null).ToDictionary(a => a.AreaId!.Value, a => a.Code);
        var rows = p.Activities.Select(a => (IReadOnlyList<object?>)[key, a.Code, a.AreaId is int id ? areaCode.GetValueOrDefault(id) : null,
            a.Text, a.Lead, a.DueText, a.DueEnd, Domain.Activities.ActivityState.Label(a.State), a.Percent]).ToList();
        return new PublicTable(Title, Columns, rows);
    }
}
