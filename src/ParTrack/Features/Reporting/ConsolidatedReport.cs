using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting.Documents;

namespace ParTrack.Features.Reporting;

/// <summary>A generated file: its bytes, its download name and its content type.</summary>
public sealed record GeneratedFile(byte[] Content, string Name, string ContentType);

/// <summary>
/// The province's report for a period as files: the DOCX (the coordinator's latest saved version, else the fresh
/// draft; see <see cref="ProvinceReport"/>), the XLSX annex with the per-agency, per-activity detail laid out like
/// the plan's framework table, and the data sheet for re-keying into the Ministry's reporting software.
/// Every figure comes from <see cref="Progress"/> through <see cref="ReportFactsQuery"/>.
/// </summary>
public sealed class ConsolidatedReport(AppDbContext db, ReportFactsQuery facts, ReportDrafts drafts)
{
    public async Task<GeneratedFile?> DocxAsync(int periodId, CancellationToken ct = default)
    {
        var draft = await drafts.CurrentAsync(periodId, ct);
        return draft is null ? null : new(draft.ToDocx(), draft.FileName, FileStore.DocxType);
    }

    public async Task<GeneratedFile?> XlsxAsync(int periodId, CancellationToken ct = default)
    {
        var f = await facts.LoadAsync(periodId, ct);
        if (f is null) return null;
        var sheets = new List<Sheet>();
        if (f.Figures is not null) sheets.Add(await FrameworkDetailAsync(f, ct));
        sheets.Add(Timeliness(f));
        return new(SheetWriter.Write(sheets), $"phu-luc-cchc-{ReportDraft.Slug(f.Period.Title)}.xlsx", FileStore.XlsxType);
    }

    /// <summary>Each activity under its area (the framework table's order), then one line per owing agency with its report's answer.</summary>
    async Task<Sheet> FrameworkDetailAsync(ReportFacts f, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().Include(a => a.Assignments).Where(a => a.PlanId == f.Period.PlanId).ToDictionaryAsync(a => a.Id, ct);
        var work = (await db.Set<ReportEntry>().AsNoTracking().Where(e => e.Leads)
                .Join(db.Set<AgencyReport>().Where(r => r.PeriodId == f.Period.Id && (r.State == ReportState.Submitted || r.State == ReportState.Accepted)),
                    e => e.ReportId, r => r.Id, (e, r) => new { r.AgencyId, e.ActivityId, e.WorkDone, e.Reason })
                .ToListAsync(ct))
            .ToDictionary(x => (x.AgencyId, x.ActivityId), x => string.Join("\n", new[] { x.WorkDone, x.Reason }.OfType<string>()));
        var rows = new List<SheetRow>();
        foreach (var area in f.Figures!.Areas)
        {
            rows.Add(new([area.Code, area.Title], Group: true));
            foreach (var a in f.Figures.Activities.Where(a => a.AreaId == area.AreaId))
            {
                var activity = activities.GetValueOrDefault(a.ActivityId);
                rows.Add(new([a.Code, a.Text, activity?.Outputs, a.Lead, activity is null ? "" : FrameworkTable.Names(activity, AssignmentRole.Support),
                    a.DueText, "Tổng hợp", ActivityState.Label(a.State), a.Percent, ""]));
                foreach (var s in a.Agencies)
                    rows.Add(new(["", "", "", "", "", "", s.AgencyName, ActivityState.Label(s.State), s.Percent,
                        work.GetValueOrDefault((s.AgencyId, a.ActivityId)) is { Length: > 0 } w ? w : Progress.Label(s.Source)]));
            }
        }
        return new("Khung nhiệm vụ", $"Phụ lục: Kết quả thực hiện khung nhiệm vụ {f.Period.Title} theo từng cơ quan",
            ["TT", "Hoạt động", "Kết quả, sản phẩm", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Cơ quan báo cáo", "Tình trạng", "Tỷ lệ (%)", "Kết quả thực hiện"],
            [6, 50, 28, 24, 24, 16, 26, 16, 9, 50], rows);
    }

    static Sheet Timeliness(ReportFacts f)
    {
        var done = f.Figures?.Agencies.ToDictionary(a => a.AgencyId, a => a.Totals);
        var rows = f.Overview.Agencies.Select((a, i) =>
        {
            var t = done?.GetValueOrDefault(a.AgencyId);
            return new SheetRow([i + 1, a.AgencyName, a.State is { } s ? ReportLabels.Of(s) : "Chưa lập",
                a.SubmittedAtUtc is { } at ? Domain.VietnamTime.ToLocalDate(at).ToString("dd/MM/yyyy") : "", a.Timeliness.Label, a.Timeliness.DaysLate,
                t?.Activities, t?.Done, t?.Overdue]);
        }).ToList();
        return new("Thời hạn báo cáo", $"Tình hình gửi báo cáo {f.Period.Title} (hạn {f.Period.Deadline:dd/MM/yyyy}): {f.Overview.Summary.Text}",
            ["TT", "Cơ quan", "Trạng thái báo cáo", "Ngày gửi", "Thời hạn", "Số ngày trễ", "Nhiệm vụ chủ trì", "Hoàn thành", "Chậm tiến độ"],
            [6, 46, 22, 12, 24, 10, 12, 12, 12], rows);
    }

    /// <summary>
    /// The period's figures in one workbook for re-keying into the Ministry's PAR reporting software: a summary of
    /// key figures, targets with plan value and actual, activities by area and status, and timeliness.
    /// </summary>
    public async Task<GeneratedFile?> DataSheetAsync(int periodId, CancellationToken ct = default)
    {
        var f = await facts.LoadAsync(periodId, ct);
        if (f?.Figures is null) return null;
        var t = f.Figures.Totals;
        var s = f.Overview.Summary;
        var summary = new List<SheetRow>
        {
            new(["1", "Tổng số nhiệm vụ trong kế hoạch", t.Activities, "nhiệm vụ"]),
            new(["1.1", "Đã hoàn thành", t.Done, "nhiệm vụ"]),
            new(["1.2", "Đang thực hiện", t.InProgress, "nhiệm vụ"]),
            new(["1.3", "Chưa triển khai", t.NotStarted, "nhiệm vụ"]),
            new(["1.4", "Chậm tiến độ (quá hạn)", t.Overdue, "nhiệm vụ"]),
            new(["1.5", "Không thực hiện", t.NotDone, "nhiệm vụ"]),
            new(["1.6", "Tỷ lệ hoàn thành", t.Activities == 0 ? 0m : Math.Round(100m * t.Done / t.Activities, 2), "%"]),
            new(["2", "Cơ quan phải báo cáo", s.Agencies, "cơ quan"]),
            new(["2.1", "Gửi đúng hạn", s.OnTime, "cơ quan"]),
            new(["2.2", "Gửi trễ hạn", s.Late, "cơ quan"]),
            new(["2.3", "Quá hạn chưa gửi", s.Missing, "cơ quan"]),
        };
        if (f.Cascade is { } c)
        {
            summary.Add(new(["3", "Cơ quan phải ban hành kế hoạch CCHC", c.Expected, "cơ quan"]));
            summary.Add(new(["3.1", "Đã ban hành", c.Issued, "cơ quan"]));
        }
        var targets = f.View.Measures.Select((m, i) => new SheetRow([i + 1, m.TargetCode, m.TargetText, PlanLabels.Level(m.Level), PlanLabels.Comparator(m.Comparator),
            m.Goal, m.Unit, m.Achievement.Latest, ReportFacts.Status(m)])).ToList();
        var areas = f.Figures.Areas.Select((a, i) => new SheetRow([i + 1, a.Code, a.Title, a.Totals.Activities, a.Totals.Done, a.Totals.InProgress,
            a.Totals.NotStarted, a.Totals.Overdue, a.Totals.NotDone])).ToList();
        areas.Add(new(["", "", "Tổng cộng", t.Activities, t.Done, t.InProgress, t.NotStarted, t.Overdue, t.NotDone], Group: true));
        var sheets = new[]
        {
            new Sheet("Tổng hợp", $"Số liệu CCHC {f.Period.Title} (từ {f.Period.DataFrom:dd/MM/yyyy} đến {f.Period.DataTo:dd/MM/yyyy})",
                ["Mã", "Nội dung", "Số liệu", "Đơn vị tính"], [8, 50, 12, 14], summary),
            new Sheet("Chỉ tiêu", $"Kết quả thực hiện chỉ tiêu {f.Period.Title}",
                ["TT", "Mã", "Chỉ tiêu", "Cấp", "So sánh", "Kế hoạch", "Đơn vị", "Thực hiện", "Đánh giá"], [6, 8, 60, 12, 9, 10, 10, 10, 16], targets),
            new Sheet("Nhiệm vụ theo lĩnh vực", $"Nhiệm vụ theo lĩnh vực và tình trạng {f.Period.Title}",
                ["TT", "Mã", "Lĩnh vực", "Tổng số", "Hoàn thành", "Đang thực hiện", "Chưa triển khai", "Chậm tiến độ", "Không thực hiện"],
                [6, 8, 44, 10, 11, 12, 12, 12, 12], areas),
            Timeliness(f),
        };
        return new(SheetWriter.Write(sheets), $"so-lieu-cchc-{ReportDraft.Slug(f.Period.Title)}.xlsx", FileStore.XlsxType);
    }
}
