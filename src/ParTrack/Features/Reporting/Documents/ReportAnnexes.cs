using ParTrack.Domain.Activities;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>The annex tables of the province report, from the same facts as the body.</summary>
public static class ReportAnnexes
{
    public static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static List<DraftAnnex> Of(ReportFacts f, IReadOnlyList<(IReportContribution Source, ReportBlock Block)> blocks, bool adHoc)
    {
        var annexes = new List<DraftAnnex>();
        if (!adHoc)
        {
            annexes.Add(new("I", $"Kết quả thực hiện các chỉ tiêu {f.Period.Title}", Targets(f)));
            annexes.Add(new("II", $"Kết quả thực hiện nhiệm vụ theo lĩnh vực {f.Period.Title}", Areas(f)));
        }
        annexes.Add(new(adHoc ? "I" : "III", $"Tình hình gửi báo cáo {f.Period.Title} của các cơ quan, đơn vị", Agencies(f)));
        if (!adHoc) annexes.Add(new("IV", $"Các nhiệm vụ chậm tiến độ {f.Period.Title}", Overdue(f)));
        foreach (var (_, b) in blocks.Where(b => b.Source.Place == ReportPlace.Annex))
            annexes.Add(new(Numerals[Math.Min(annexes.Count, Numerals.Length - 1)], b.Heading,
                new DraftTable(b.Table?.Columns ?? ["Nội dung"], (b.Table?.Columns ?? ["Nội dung"]).Select(_ => 1).ToList(),
                    b.Table is { } t ? t.Rows.Select(r => (IReadOnlyList<string?>)r.ToList()).ToList() : b.Paragraphs.Select(p => (IReadOnlyList<string?>)[p]).ToList())));
        return annexes;
    }

    static DraftTable Targets(ReportFacts f)
    {
        var rows = f.View.Measures.Select((m, i) => (IReadOnlyList<string?>)
        [
            (i + 1).ToString(), FrameworkTable.Numbered(m.TargetCode, m.TargetText), PlanLabels.Level(m.Level) is { Length: > 0 } l ? l : "Toàn tỉnh",
            ReportFacts.Goal(m), ReportFacts.Actual(m), ReportFacts.Status(m),
        ]).ToList();
        if (rows.Count == 0) rows.Add(["", "Kế hoạch chưa có chỉ tiêu định lượng.", "", "", "", ""]);
        return new(["TT", "Chỉ tiêu", "Cấp", "Kế hoạch", "Thực hiện", "Đánh giá"], [7, 42, 12, 14, 11, 14], rows);
    }

    static DraftTable Areas(ReportFacts f)
    {
        IReadOnlyList<string?> Row(string tt, string title, ProgressTotals t) =>
            [tt, title, t.Activities.ToString(), t.Done.ToString(), t.InProgress.ToString(), t.NotStarted.ToString(), t.Overdue.ToString(),
             t.NotDone.ToString(), ReportDraft.Percent(t.Done, t.Activities)];
        var rows = f.Figures!.Areas.Select((a, i) => Row((i + 1).ToString(), a.Title, a.Totals)).ToList();
        rows.Add(Row("", "Tổng cộng", f.Figures.Totals));
        return new(["TT", "Lĩnh vực", "Tổng số", "Hoàn thành", "Đang thực hiện", "Chưa triển khai", "Chậm tiến độ", "Không thực hiện", "Tỷ lệ hoàn thành"],
            [6, 30, 8, 10, 10, 10, 9, 9, 10], rows);
    }

    static DraftTable Agencies(ReportFacts f)
    {
        var done = f.Figures?.Agencies.ToDictionary(a => a.AgencyId, a => a.Totals);
        var rows = f.Overview.Agencies.Select((a, i) =>
        {
            var t = done?.GetValueOrDefault(a.AgencyId);
            return (IReadOnlyList<string?>)
            [
                (i + 1).ToString(), a.AgencyName, a.State is { } s ? ReportLabels.Of(s) : "Chưa lập",
                a.SubmittedAtUtc is { } at ? Domain.VietnamTime.ToLocalDate(at).ToString("dd/MM/yyyy") : "", a.Timeliness.Label,
                t is null ? "" : $"{t.Done}/{t.Activities}",
            ];
        }).ToList();
        return new(["TT", "Cơ quan, đơn vị", "Trạng thái báo cáo", "Ngày gửi", "Thời hạn", "Nhiệm vụ chủ trì hoàn thành"], [6, 36, 16, 12, 17, 13], rows);
    }

    static DraftTable Overdue(ReportFacts f)
    {
        var rows = f.View.OverdueList.Select((o, i) => (IReadOnlyList<string?>)
            [(i + 1).ToString(), FrameworkTable.Numbered(o.Code, o.Text), o.Lead, o.DueText ?? o.DueEnd?.ToString("dd/MM/yyyy")]).ToList();
        if (rows.Count == 0) rows.Add(["", "Không có nhiệm vụ chậm tiến độ.", "", ""]);
        return new(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"], [6, 54, 25, 15], rows);
    }

    /// <summary>ActivityState's label for a state, for annex cells.</summary>
    public static string Label(ActivityStatus s) => ActivityState.Label(s);
}
