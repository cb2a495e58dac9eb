using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Activities;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>
/// An agency's own CCHC report to Sở Nội vụ, from its progress report for the period, in the same official form
/// as the province's: its lead activities by status (as the agency reports them: this is its own statement, signed
/// by its head), its results, the targets' actuals it entered, limitations, difficulties and proposals.
/// </summary>
public sealed class AgencyReportDocument(AppDbContext db, IConfiguration config)
{
    public async Task<GeneratedFile?> DocxAsync(int periodId, int agencyId, CancellationToken ct = default)
    {
        var report = await db.Set<AgencyReport>().AsNoTracking().Include(r => r.Agency).Include(r => r.Period!).ThenInclude(p => p.Plan)
            .Include(r => r.Entries.Where(e => e.Leads)).ThenInclude(e => e.Activity)
            .Include(r => r.Actuals).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId, ct);
        if (report?.Agency is null || report.Period?.Plan is null) return null;
        var p = report.Period;
        var agency = report.Agency.Name;
        var province = ProvinceReport.ProvinceName(config);
        var words = ReportDraft.PeriodWords(p.Kind, p.Year, p.Title);
        var doc = new OfficialDocument(new OfficialHeader($"UBND tỉnh {province}", agency, $"BC-{Initials(agency)}", province, null, p.Deadline.Year,
            "BÁO CÁO", p.Kind == Domain.Reporting.ReportingPeriodKind.AdHoc ? p.Title : $"Kết quả thực hiện công tác cải cách hành chính {words}"));
        doc.Addressee("Sở Nội vụ tỉnh " + province);
        doc.Paragraph($"Thực hiện {p.Plan.Title} và yêu cầu báo cáo của Sở Nội vụ, {agency} báo cáo kết quả thực hiện công tác cải cách hành chính {words} " +
                      $"(số liệu từ ngày {p.DataFrom:dd/MM/yyyy} đến ngày {p.DataTo:dd/MM/yyyy}) như sau:");

        doc.Heading("I. KẾT QUẢ THỰC HIỆN", 1);
        var entries = report.Entries.Where(e => e.Activity is not null).OrderBy(e => e.Activity!.Order).ToList();
        var done = entries.Count(e => e.Status is ReportedStatus.Done or ReportedStatus.DoneLate);
        doc.Heading("1. Các nhiệm vụ được giao chủ trì", 2);
        doc.Paragraph($"{agency} được giao chủ trì {entries.Count} nhiệm vụ; đã hoàn thành {done}/{entries.Count} ({ReportDraft.Percent(done, entries.Count)}); " +
                      $"đang thực hiện {entries.Count(e => e.Status == ReportedStatus.InProgress)}; " +
                      $"chưa triển khai {entries.Count(e => e.Status is null or ReportedStatus.NotStarted)}" +
                      (entries.Any(e => e.Status == ReportedStatus.NotDone) ? $"; không thực hiện {entries.Count(e => e.Status == ReportedStatus.NotDone)}." : "."));
        if (entries.Count > 0)
            doc.Table(["TT", "Nhiệm vụ", "Tình trạng", "Kết quả thực hiện"], [6, 42, 16, 36], entries.Select((e, i) => (IReadOnlyList<string?>)
            [
                (i + 1).ToString(), FrameworkTable.Numbered(e.Activity!.Code, e.Activity.Text), e.Status is { } s ? ReportLabels.Of(s) : "Chưa báo cáo",
                string.Join("\n", new[] { e.WorkDone, e.Reason }.OfType<string>()),
            ]));
        doc.Heading("2. Kết quả nổi bật", 2);
        doc.Paragraph(report.Results ?? "Không có.");
        if (report.Answers is { Length: > 0 } answers)
        {
            doc.Heading("3. Nội dung theo yêu cầu", 2);
            doc.Paragraph(answers);
        }
        if (report.Actuals.Count > 0)
        {
            var ids = report.Actuals.Select(a => a.MeasureId).ToList();
            var measures = await db.Set<TargetMeasure>().AsNoTracking().Where(m => ids.Contains(m.Id))
                .Join(db.PlanTargets, m => m.TargetId, t => t.Id, (m, t) => new { m.Id, m.Level, m.Comparator, m.Value, m.Unit, t.Code, t.Text }).ToListAsync(ct);
            doc.Heading(report.Answers is null ? "3. Kết quả thực hiện chỉ tiêu" : "4. Kết quả thực hiện chỉ tiêu", 2);
            doc.Table(["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"], [6, 62, 16, 16], measures.Select((m, i) => (IReadOnlyList<string?>)
            [
                (i + 1).ToString(), FrameworkTable.Numbered(m.Code, m.Text) + (m.Level is null ? "" : $" ({PlanLabels.Level(m.Level)})"),
                $"{PlanLabels.Comparator(m.Comparator)} {ReportDraft.Number(m.Value)} {m.Unit}".Trim(),
                $"{ReportDraft.Number(report.Actuals.First(a => a.MeasureId == m.Id).Value)} {m.Unit}".Trim(),
            ]));
        }
        doc.Heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", 1);
        doc.Paragraph(report.Limitations ?? "Không có.");
        if (report.Difficulties is { Length: > 0 } difficulties) doc.Paragraph("Khó khăn, vướng mắc: " + difficulties);
        doc.Heading("III. ĐỀ XUẤT, KIẾN NGHỊ", 1);
        doc.Paragraph(report.Proposals ?? "Không có.");
        doc.Closing(new OfficialSignature(["- Sở Nội vụ (để tổng hợp);", "- Lưu: VT."], ["THỦ TRƯỞNG CƠ QUAN"]));
        return new(doc.ToBytes(), $"bao-cao-cchc-{ReportDraft.Slug(agency)}-{ReportDraft.Slug(p.Title)}.docx", FileStore.DocxType);
    }

    /// <summary>"Sở Tư pháp" → "STP", for the number's symbol ("Số: …/BC-STP").</summary>
    static string Initials(string name)
    {
        var letters = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0]));
        var s = new string(letters.Take(8).ToArray());
        return s.Length == 0 ? "CQ" : s;
    }
}
