using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Dashboard;
using ParTrack.Features.Plans;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ParTrack.Features.Reporting;

/// <summary>
/// The province's report draft for a period (DOCX, the usual administrative layout) and its annexes
/// (XLSX: framework table with status; agency timeliness). Built from the submitted and accepted reports
/// of the period, so the coordinator can draft while reviews are still going on.
/// </summary>
public sealed class ConsolidatedReport(AppDbContext db, DashboardQuery dashboard, ReportQueries queries, IConfiguration config)
{
    sealed record Line(int ActivityId, string Agency, ReportEntry Entry);

    sealed record Data(PeriodRow Period, DashboardView View, PeriodOverview Overview, List<PlanArea> Areas,
        List<Activity> Activities, List<Line> Lines, List<AgencyReport> Reports);

    async Task<Data?> LoadAsync(int periodId, CancellationToken ct)
    {
        var overview = await queries.OverviewAsync(periodId, ct);
        if (overview is null) return null;
        var period = overview.Period;
        var view = await dashboard.LoadAsync(period.Kind == ReportingPeriodKind.AdHoc ? null : periodId, ct);
        var areas = await db.PlanAreas.AsNoTracking().Where(a => a.PlanId == period.PlanId).OrderBy(a => a.Order).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Include(a => a.Assignments).Where(a => a.PlanId == period.PlanId)
            .OrderBy(a => a.Order).ToListAsync(ct);
        var reports = await db.Set<AgencyReport>().AsNoTracking().Include(r => r.Agency).Include(r => r.Entries)
            .Where(r => r.PeriodId == periodId && (r.State == ReportState.Submitted || r.State == ReportState.Accepted))
            .AsSplitQuery().OrderBy(r => r.Agency!.Name).ToListAsync(ct);
        var lines = reports.SelectMany(r => r.Entries.Where(e => e.Leads && (e.Status is not null || e.WorkDone is not null))
            .Select(e => new Line(e.ActivityId, r.Agency!.Name, e))).ToList();
        return new Data(period, view, overview, areas, activities, lines, reports);
    }

    string Province => config["Province:Name"] ?? "HÀ TĨNH";

    public async Task<(byte[] Content, string Name)?> DocxAsync(int periodId, CancellationToken ct = default)
    {
        var d = await LoadAsync(periodId, ct);
        if (d is null) return null;
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);

            body.Append(HeadingBlock(d.Period));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: 28, before: 240));
            body.Append(Para($"Kết quả thực hiện công tác cải cách hành chính {d.Period.Title}", bold: true, center: true));
            body.Append(Para($"(Số liệu từ ngày {d.Period.DataFrom:dd/MM/yyyy} đến ngày {d.Period.DataTo:dd/MM/yyyy})", italic: true, center: true));
            body.Append(Para($"Thực hiện {d.Period.PlanTitle}, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính {d.Period.Title} như sau:"));

            body.Append(Para("I. KẾT QUẢ THỰC HIỆN", bold: true, before: 200));
            body.Append(Para($"Tổng số hoạt động: {d.View.Total}; đã hoàn thành {d.View.Done} ({d.View.Percent}%); quá hạn chưa hoàn thành {d.View.Overdue}. {d.Overview.Summary.Text}."));
            var n = 1;
            foreach (var area in d.Areas)
            {
                var progress = d.View.Areas.FirstOrDefault(a => a.Code == area.Code && a.Title == area.Title);
                body.Append(Para($"{n++}. {area.Title}", bold: true, before: 120));
                if (progress is not null)
                    body.Append(Para($"Hoàn thành {progress.Done}/{progress.Total} hoạt động ({progress.Percent}%); quá hạn {progress.Overdue}."));
                var ids = d.Activities.Where(a => a.AreaId == area.Id).Select(a => a.Id).ToHashSet();
                var areaLines = d.Lines.Where(l => ids.Contains(l.ActivityId)).ToList();
                if (areaLines.Count == 0) body.Append(Para("Chưa có cơ quan báo cáo kết quả trong lĩnh vực này.", italic: true));
                foreach (var l in areaLines)
                {
                    var a = d.Activities.First(x => x.Id == l.ActivityId);
                    var status = l.Entry.Status is { } s ? ReportLabels.Of(s) : "chưa rõ tình trạng";
                    body.Append(Para($"- {FrameworkTable.Numbered(a.Code, a.Text)} ({l.Agency}, {status.ToLowerInvariant()}"
                                     + (l.Entry.Percent is { } p ? $", {p}%" : "") + ")" + (l.Entry.WorkDone is { } w ? ": " + w : ".")));
                }
            }
            var results = d.Reports.Where(r => r.Results is not null).ToList();
            if (results.Count > 0)
            {
                body.Append(Para($"{n}. Kết quả khác do các cơ quan báo cáo", bold: true, before: 120));
                foreach (var r in results) body.Append(Para($"- {r.Agency!.Name}: {r.Results}"));
            }

            body.Append(Para("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold: true, before: 200));
            body.Append(TargetsTable(d.View));

            body.Append(Para("III. CÁC HOẠT ĐỘNG QUÁ HẠN", bold: true, before: 200));
            if (d.View.OverdueList.Count == 0) body.Append(Para("Không có hoạt động quá hạn."));
            foreach (var o in d.View.OverdueList)
                body.Append(Para($"- {FrameworkTable.Numbered(o.Code, o.Text)} (chủ trì: {o.Lead}; thời gian: {o.DueText ?? o.DueEnd?.ToString("dd/MM/yyyy")})."));

            body.Append(Para("IV. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN", bold: true, before: 200));
            body.Append(Para(d.Overview.Summary.Text + "."));
            var late = d.Overview.Agencies.Where(a => a.Timeliness.Kind is TimelinessKind.Late or TimelinessKind.Missing).ToList();
            if (late.Count == 0) body.Append(Para("Các cơ quan gửi báo cáo đúng hạn."));
            foreach (var a in late) body.Append(Para($"- {a.AgencyName}: {a.Timeliness.Label.ToLowerInvariant()}."));

            body.Append(Para("V. TỒN TẠI, HẠN CHẾ; KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", bold: true, before: 200));
            foreach (var (title, pick) in new (string, Func<AgencyReport, string?>)[]
                     { ("1. Tồn tại, hạn chế và nguyên nhân", r => r.Limitations), ("2. Khó khăn, vướng mắc", r => r.Difficulties), ("3. Đề xuất, kiến nghị", r => r.Proposals) })
            {
                body.Append(Para(title, bold: true, before: 120));
                var items = d.Reports.Where(r => pick(r) is not null).ToList();
                if (items.Count == 0) body.Append(Para("Không có.", italic: true));
                foreach (var r in items) body.Append(Para($"- {r.Agency!.Name}: {pick(r)}"));
            }

            body.Append(Signature());
            body.Append(Shared.AdminDocx.A4());
            main.Document.Save();
        }
        return (stream.ToArray(), $"bao-cao-cchc-{Slug(d.Period.Title)}.docx");
    }

    public async Task<(byte[] Content, string Name)?> XlsxAsync(int periodId, CancellationToken ct = default)
    {
        var d = await LoadAsync(periodId, ct);
        if (d is null) return null;
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new X.Workbook(new X.Sheets());
            // Status and percent per activity from the same Progress figures as the dashboard and the API.
            var progress = d.View.Progress?.Activities.ToDictionary(r => r.ActivityId);
            var work = d.Lines.GroupBy(l => l.ActivityId).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(l => l.Entry.WorkDone is { } w ? $"{l.Agency}: {w}" : null).OfType<string>()));
            var areaTitle = d.Areas.ToDictionary(a => a.Id, a => $"{a.Code}. {a.Title}");
            var rows = new List<string?[]> { new[] { "TT", "Lĩnh vực", "Hoạt động", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Tình trạng", "Tỷ lệ (%)", "Cơ quan hoàn thành", "Kết quả thực hiện" } };
            var i = 1;
            foreach (var a in d.Activities.OrderBy(a => d.Areas.FirstOrDefault(x => x.Id == a.AreaId)?.Order ?? int.MaxValue).ThenBy(a => a.Order))
            {
                var row = progress?.GetValueOrDefault(a.Id);
                rows.Add([(i++).ToString(), a.AreaId is int ai ? areaTitle.GetValueOrDefault(ai) : "", FrameworkTable.Numbered(a.Code, a.Text),
                    FrameworkTable.Names(a, AssignmentRole.Lead), FrameworkTable.Names(a, AssignmentRole.Support), a.DueText,
                    row is null ? PlanLabels.Of(a.Status) : Domain.Activities.ActivityState.Label(row.State),
                    row?.Percent.ToString(), row is null ? "" : $"{row.AgenciesDone}/{row.Agencies.Count}", work.GetValueOrDefault(a.Id)]);
            }
            AddSheet(wb, "Khung nhiệm vụ", $"Phụ lục I. Tình hình thực hiện khung nhiệm vụ {d.Period.Title}", rows, [5, 28, 60, 26, 26, 18, 18, 10, 12, 50]);

            var timeliness = new List<string?[]> { new[] { "TT", "Cơ quan", "Trạng thái báo cáo", "Ngày gửi", "Thời hạn" } };
            i = 1;
            foreach (var a in d.Overview.Agencies)
                timeliness.Add([(i++).ToString(), a.AgencyName, a.State is { } st ? ReportLabels.Of(st) : "Chưa lập",
                    a.SubmittedAtUtc is { } at ? Domain.VietnamTime.ToLocalDate(at).ToString("dd/MM/yyyy") : "", a.Timeliness.Label]);
            AddSheet(wb, "Thời hạn báo cáo", $"Phụ lục II. Tình hình gửi báo cáo {d.Period.Title} (hạn {d.Period.Deadline:dd/MM/yyyy}): {d.Overview.Summary.Text}",
                timeliness, [5, 50, 24, 14, 28]);
            wb.Workbook.Save();
        }
        return (stream.ToArray(), $"phu-luc-cchc-{Slug(d.Period.Title)}.xlsx");
    }

    // ----- DOCX parts -----

    W.Table HeadingBlock(PeriodRow period)
    {
        var table = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
            new W.TableBorders(new W.TopBorder { Val = W.BorderValues.None }, new W.BottomBorder { Val = W.BorderValues.None },
                new W.LeftBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
                new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None })));
        W.TableCell Cell(string width, params W.Paragraph[] paras)
        {
            var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = width, Type = W.TableWidthUnitValues.Pct }));
            cell.Append(paras);
            return cell;
        }
        table.Append(new W.TableRow(
            Cell("2000", Para("ỦY BAN NHÂN DÂN", bold: true, center: true, after: 0), Para($"TỈNH {Province.ToUpperInvariant()}", bold: true, center: true, after: 0),
                Para("Số:      /BC-UBND", center: true)),
            Cell("3000", Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, after: 0),
                Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, after: 0),
                Para($"{Province}, ngày      tháng      năm {period.Deadline.Year}", italic: true, center: true))));
        return table;
    }

    static W.Table TargetsTable(DashboardView view)
    {
        var table = new W.Table(new W.TableProperties(
            new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
            new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
        W.TableRow Row(bool header, params string[] cells)
        {
            var row = new W.TableRow();
            foreach (var c in cells) row.Append(new W.TableCell(Para(c, bold: header, size: 22, after: 0)));
            return row;
        }
        table.Append(Row(true, "Chỉ tiêu", "Cấp", "Mục tiêu", "Thực hiện", "Đánh giá"));
        foreach (var m in view.Measures)
            table.Append(Row(false, FrameworkTable.Numbered(m.TargetCode, m.TargetText), PlanLabels.Level(m.Level),
                $"{PlanLabels.Comparator(m.Comparator)} {m.Goal:0.##} {m.Unit}".Trim(),
                m.Achievement.Latest is { } v ? $"{v:0.##} {m.Unit}".Trim() : "—", m.Achievement.Label));
        if (view.Measures.Count == 0) table.Append(Row(false, "Kế hoạch chưa có chỉ tiêu định lượng.", "", "", "", ""));
        return table;
    }

    static W.Table Signature()
    {
        var table = new W.Table(new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }));
        table.Append(new W.TableRow(
            new W.TableCell(Para("Nơi nhận:", bold: true, italic: true, size: 22, after: 0, before: 240), Para("- Bộ Nội vụ;", size: 22, after: 0),
                Para("- Lưu: VT, SNV.", size: 22, after: 0)),
            new W.TableCell(Para("TM. ỦY BAN NHÂN DÂN", bold: true, center: true, after: 0, before: 240), Para("KT. CHỦ TỊCH", bold: true, center: true, after: 0),
                Para("PHÓ CHỦ TỊCH", bold: true, center: true))));
        return table;
    }

    static W.Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, int size = 26, int before = 0, int after = 60) =>
        Shared.AdminDocx.Para(text, bold, italic, center, size, before, after);

    // ----- XLSX parts -----

    static void AddSheet(WorkbookPart wb, string name, string title, List<string?[]> rows, double[] widths)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var data = new X.SheetData();
        uint r = 1;
        data.Append(new X.Row(Cell("A", r, title)) { RowIndex = r });
        r++;
        foreach (var row in rows)
        {
            var x = new X.Row { RowIndex = r };
            for (var c = 0; c < row.Length; c++) x.Append(Cell(((char)('A' + c)).ToString(), r, row[c] ?? ""));
            data.Append(x);
            r++;
        }
        var columns = new X.Columns();
        for (var c = 0; c < widths.Length; c++)
            columns.Append(new X.Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        part.Worksheet = new X.Worksheet(columns, data);
        var sheets = wb.Workbook.Sheets!;
        sheets.Append(new X.Sheet { Id = wb.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    static X.Cell Cell(string col, uint row, string text) =>
        new() { CellReference = col + row, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(SafeText.ForXml(text))) };

    static string Slug(string s) => new string(s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == 'đ' ? 'd' : c == 'Đ' ? 'D' : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray())
        .Replace("--", "-").Trim('-');
}
